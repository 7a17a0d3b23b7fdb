using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.CheckMemberGroups;

namespace GovBot.People;

/// <summary>Entra ID through Microsoft Graph: user profile (User.Read.All) and transitive group membership (GroupMember.Read.All).</summary>
public sealed partial class GraphUserDirectory(GraphServiceClient graph, ILogger<GraphUserDirectory> logger) : IUserDirectory
{
    public async Task<DirectoryUser?> GetUserAsync(string objectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(objectId, out _)) return null; // never put untrusted text into a Graph path
        try
        {
            var user = await graph.Users[objectId].GetAsync(
                request => request.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName", "companyName"],
                cancellationToken);
            if (user?.Id is null) return null;
            return new DirectoryUser(user.Id, user.DisplayName ?? user.UserPrincipalName ?? user.Id, user.Mail ?? user.UserPrincipalName, user.CompanyName);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            LogUserNotFound(logger);
            return null;
        }
    }

    public async Task<bool> IsInGroupAsync(string objectId, string groupId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(objectId, out _) || !Guid.TryParse(groupId, out _)) return false;
        try
        {
            // checkMemberGroups answers transitively in one call, without paging through every membership.
            var response = await graph.Users[objectId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
                new CheckMemberGroupsPostRequestBody { GroupIds = [groupId] }, cancellationToken: cancellationToken);
            return response?.Value?.Contains(groupId, StringComparer.OrdinalIgnoreCase) == true;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            LogUserNotFound(logger);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph has no user with the given object id")]
    private static partial void LogUserNotFound(ILogger logger);
}
