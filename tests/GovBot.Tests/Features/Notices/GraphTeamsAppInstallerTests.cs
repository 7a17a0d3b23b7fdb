using System.Net;
using System.Text;
using Azure.Core;
using GovBot.Features.Notices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Features.Notices;

public class GraphTeamsAppInstallerTests
{
    private const string User = "00000000-0000-0000-0000-0000000000a1";
    private const string App = "6e5b2f4c-1111-2222-3333-444455556666";

    private sealed class FakeGraph(HttpStatusCode installStatus) : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Url, string? Body, string? Auth)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var url = Uri.UnescapeDataString(request.RequestUri!.ToString());
            Requests.Add((request.Method, url, body, request.Headers.Authorization?.ToString()));
            if (request.Method == HttpMethod.Post) return new HttpResponseMessage(installStatus);
            if (url.EndsWith("/chat", StringComparison.Ordinal)) return Json("""{"id":"19:abc_def@unq.gbl.spaces"}""");
            return Json("""{"value":[{"id":"inst-1","teamsApp":{"id":"6e5b2f4c-1111-2222-3333-444455556666"}}]}""");
        }

        private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("graph-token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private static GraphTeamsAppInstaller Installer(FakeGraph graph) =>
        new(new HttpClient(graph), new FakeCredential(), Options.Create(new NoticeOptions { TeamsAppId = App }), NullLogger<GraphTeamsAppInstaller>.Instance);

    [Theory]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.Conflict)] // already installed
    public async Task Install_ThenFindsTheInstallationAndReturnsItsChat(HttpStatusCode installStatus)
    {
        var graph = new FakeGraph(installStatus);
        var chat = await Installer(graph).InstallForUserAsync(User, CancellationToken.None);
        Assert.Equal("19:abc_def@unq.gbl.spaces", chat);
        Assert.Equal(3, graph.Requests.Count);
        var install = graph.Requests[0];
        Assert.Equal($"https://graph.microsoft.com/v1.0/users/{User}/teamwork/installedApps", install.Url);
        Assert.Contains($"\"teamsApp@odata.bind\":\"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{App}\"", install.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer graph-token", install.Auth);
        Assert.Contains($"teamsApp/id eq '{App}'", graph.Requests[1].Url, StringComparison.Ordinal);
        Assert.EndsWith("/installedApps/inst-1/chat", graph.Requests[2].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphRefuses_NoChat_AndNoFurtherCalls()
    {
        var graph = new FakeGraph(HttpStatusCode.Forbidden);
        Assert.Null(await Installer(graph).InstallForUserAsync(User, CancellationToken.None));
        Assert.Single(graph.Requests);
        Assert.Null(await Installer(graph).InstallForUserAsync("not-a-guid", CancellationToken.None));
        Assert.Single(graph.Requests);
    }
}
