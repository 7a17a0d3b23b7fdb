using GovBot.Connector;
using GovBot.People;
using GovBot.Features.Groups;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GovBot.Bot;

/// <summary>
/// Resolves the Teams user of an activity to a person: by Entra object id first, then by the e-mail address the
/// identity directory or the Teams roster gives. Kept briefly, so a conversation does not cost a lookup per message.
/// </summary>
public sealed partial class CallerResolver(
    PersonStore people,
    MembershipStore memberships,
    IUserDirectory directory,
    ConnectorClient connector,
    IMemoryCache cache,
    IOptions<DirectoryOptions> directoryOptions,
    IOptions<PmoOptions> pmoOptions,
    ILogger<CallerResolver> logger)
{
    public async Task<Caller> ResolveAsync(Activity activity, CancellationToken cancellationToken)
    {
        var objectId = activity.From?.AadObjectId;
        var key = ("caller", objectId ?? activity.From?.Id ?? "");
        if (cache.TryGetValue(key, out Caller? cached) && cached is not null) return cached;

        var caller = await ResolveUncachedAsync(activity, objectId, cancellationToken);
        cache.Set(key, caller, directoryOptions.Value.CacheDuration);
        return caller;
    }

    private async Task<Caller> ResolveUncachedAsync(Activity activity, string? objectId, CancellationToken cancellationToken)
    {
        var displayName = activity.From?.Name ?? "there";
        Person? person = null;
        if (!string.IsNullOrEmpty(objectId))
        {
            person = await people.FindByEntraObjectIdAsync(objectId, cancellationToken);
            if (person is null && await directory.GetUserAsync(objectId, cancellationToken) is { Email: { } email } user)
            {
                displayName = user.DisplayName;
                person = await people.FindByEmailAsync(email, cancellationToken);
            }
        }
        if (person is null && await RosterEmailAsync(activity, cancellationToken) is { } rosterEmail)
        {
            person = await people.FindByEmailAsync(rosterEmail, cancellationToken);
        }

        IReadOnlyList<GroupMembership> seats = person is null ? [] : await memberships.ListByPersonAsync(person.Id, cancellationToken);
        var isPmo = pmoOptions.Value.GroupId is { Length: > 0 } pmoGroup
            ? objectId is not null && await directory.IsInGroupAsync(objectId, pmoGroup, cancellationToken)
            : person?.IsPmo == true;
        return new Caller(objectId, person?.Name ?? displayName, person, seats, isPmo);
    }

    /// <summary>The Teams roster knows the user's e-mail even when the directory cannot be asked.</summary>
    private async Task<string?> RosterEmailAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity is not { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId, From.Id: { } userId }) return null;
        try
        {
            var member = await connector.GetMemberAsync(serviceUrl, conversationId, userId, cancellationToken);
            return member?.Email ?? member?.UserPrincipalName;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            var kind = e.GetType().Name;
            LogRosterUnavailable(logger, kind);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster lookup failed ({Kind}); the caller stays unmatched")]
    private static partial void LogRosterUnavailable(ILogger logger, string kind);
}
