using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>Installs GovBot for a user who never opened it, and returns the 1:1 chat id (Notices:InstallForMembers).</summary>
internal interface ITeamsAppInstaller
{
    /// <summary>The chat id of the user's personal chat with the app, installing it first if needed; null when Graph refused.</summary>
    Task<string?> InstallForUserAsync(string userAadObjectId, CancellationToken cancellationToken);
}

/// <summary>
/// Microsoft Graph TeamsAppInstallation: <c>POST /users/{id}/teamwork/installedApps</c> with
/// <c>teamsApp@odata.bind</c> (201, or 409 when already installed), then the installation of our app
/// (<c>GET …/installedApps?$expand=teamsApp&amp;$filter=teamsApp/id eq '{appId}'</c>) and its chat
/// (<c>GET …/installedApps/{installationId}/chat</c>). Needs TeamsAppInstallation.ReadWriteSelfForUser.All
/// (application permission). The app must be in the org catalog (<c>Notices:TeamsAppId</c> is its catalog id).
/// </summary>
internal sealed partial class GraphTeamsAppInstaller(HttpClient http, TokenCredential credential, IOptions<NoticeOptions> options, ILogger<GraphTeamsAppInstaller> logger) : ITeamsAppInstaller
{
    public const string GraphBase = "https://graph.microsoft.com/v1.0/";
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    public async Task<string?> InstallForUserAsync(string userAadObjectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userAadObjectId, out _) || options.Value.TeamsAppId is not { Length: > 0 } appId || !Guid.TryParse(appId, out _)) return null;
        var user = Uri.EscapeDataString(userAadObjectId);
        var token = (await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken)).Token;

        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["teamsApp@odata.bind"] = $"{GraphBase}appCatalogs/teamsApps/{appId}" });
        using (var install = Request(HttpMethod.Post, $"users/{user}/teamwork/installedApps", token, body))
        using (var response = await http.SendAsync(install, cancellationToken))
        {
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
            {
                LogRefused(logger, "install", (int)response.StatusCode);
                return null;
            }
        }

        string? installationId;
        using (var find = Request(HttpMethod.Get, $"users/{user}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{appId}'", token, null))
        using (var response = await http.SendAsync(find, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, "find installation", (int)response.StatusCode);
                return null;
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            installationId = json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                && value[0].TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        if (installationId is null) return null;

        using var chat = Request(HttpMethod.Get, $"users/{user}/teamwork/installedApps/{Uri.EscapeDataString(installationId)}/chat", token, null);
        using var chatResponse = await http.SendAsync(chat, cancellationToken);
        if (!chatResponse.IsSuccessStatusCode)
        {
            LogRefused(logger, "get chat", (int)chatResponse.StatusCode);
            return null;
        }
        using var chatJson = JsonDocument.Parse(await chatResponse.Content.ReadAsStreamAsync(cancellationToken));
        return chatJson.RootElement.TryGetProperty("id", out var chatId) ? chatId.GetString() : null;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, string? json)
    {
        var request = new HttpRequestMessage(method, new Uri(GraphBase + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused the app installation step {Step} with {Status}")]
    private static partial void LogRefused(ILogger logger, string step, int status);
}
