using System.Net;
using System.Text;
using GovBot.People;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Moq;
using Moq.Protected;

namespace GovBot.Tests.People;

public class GraphUserDirectoryTests
{
    private const string UserId = "6f1c8a52-3b0e-4a8e-9d57-1d2f6c0b9e11";
    private const string PmoGroup = "0b6c7d2e-1111-4a2b-8c3d-9e8f7a6b5c4d";

    private sealed class FakeGraph : HttpMessageHandler
    {
        public List<(HttpMethod Method, string PathAndQuery, string? Body)> Requests { get; } = [];
        public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NotFound);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
            return Respond(request);
        }
    }

    private static (GraphUserDirectory Directory, FakeGraph Handler) Create()
    {
        var handler = new FakeGraph();
        var client = new GraphServiceClient(new HttpClient(handler), new AnonymousAuthenticationProvider(), "https://graph.test/v1.0");
        return (new GraphUserDirectory(client, NullLogger<GraphUserDirectory>.Instance), handler);
    }

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task GetUser_ReadsProfileWithSelectedFields()
    {
        var (directory, handler) = Create();
        handler.Respond = _ => Json($$"""{"id":"{{UserId}}","displayName":"Lee Cox","mail":"lee.cox@mhhs.example","companyName":"MHHS Programme"}""");

        var user = await directory.GetUserAsync(UserId, CancellationToken.None);

        Assert.Equal(new DirectoryUser(UserId, "Lee Cox", "lee.cox@mhhs.example", "MHHS Programme"), user);
        var (method, path, _) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, method);
        Assert.StartsWith($"/v1.0/users/{UserId}?", path);
        Assert.Contains("select=id,displayName,mail,userPrincipalName,companyName", Uri.UnescapeDataString(path).Replace("$", ""));
    }

    [Fact]
    public async Task GetUser_UnknownUser_ReturnsNull()
    {
        var (directory, handler) = Create();
        handler.Respond = _ => Json("""{"error":{"code":"Request_ResourceNotFound","message":"not found"}}""", HttpStatusCode.NotFound);

        Assert.Null(await directory.GetUserAsync(UserId, CancellationToken.None));
    }

    [Theory]
    [InlineData("../groups")]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task GetUser_ObjectIdThatIsNotAGuid_NeverReachesGraph(string objectId)
    {
        var (directory, handler) = Create();

        Assert.Null(await directory.GetUserAsync(objectId, CancellationToken.None));
        Assert.False(await directory.IsInGroupAsync(objectId, PmoGroup, CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task IsInGroup_AsksCheckMemberGroupsForTransitiveMembership()
    {
        var (directory, handler) = Create();
        handler.Respond = _ => Json($$"""{"value":["{{PmoGroup}}"]}""");

        Assert.True(await directory.IsInGroupAsync(UserId, PmoGroup, CancellationToken.None));
        var (method, path, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal($"/v1.0/users/{UserId}/checkMemberGroups", path);
        Assert.Contains(PmoGroup, body);
    }

    [Fact]
    public async Task IsInGroup_NotAMember_ReturnsFalse()
    {
        var (directory, handler) = Create();
        handler.Respond = _ => Json("""{"value":[]}""");

        Assert.False(await directory.IsInGroupAsync(UserId, PmoGroup, CancellationToken.None));
    }

    [Fact]
    public async Task CachedDirectory_AsksGraphOnceWithinTheCacheDuration()
    {
        var (directory, handler) = Create();
        handler.Respond = _ => Json($$"""{"id":"{{UserId}}","displayName":"Lee Cox"}""");
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var cached = new CachedUserDirectory(directory, cache, Options.Create(new DirectoryOptions()));

        var first = await cached.GetUserAsync(UserId, CancellationToken.None);
        var second = await cached.GetUserAsync(UserId.ToUpperInvariant(), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task IsInGroup_UnknownUser_IsFalse_AfterExactlyOneGraphCall()
    {
        // The edge is Graph's HTTP: verify the one call made, and that a 404 is an answer, not a reason to retry.
        var http = new Mock<HttpMessageHandler>(MockBehavior.Strict);
        http.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync(() => Json("""{"error":{"code":"Request_ResourceNotFound","message":"not found"}}""", HttpStatusCode.NotFound));
        var client = new GraphServiceClient(new HttpClient(http.Object), new AnonymousAuthenticationProvider(), "https://graph.test/v1.0");
        var directory = new GraphUserDirectory(client, NullLogger<GraphUserDirectory>.Instance);

        Assert.False(await directory.IsInGroupAsync(UserId, PmoGroup, CancellationToken.None));

        http.Protected().Verify("SendAsync", Times.Once(),
            ItExpr.Is<HttpRequestMessage>(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == $"/v1.0/users/{UserId}/checkMemberGroups"),
            ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task CachedDirectory_AsksTheDirectoryBehindItOncePerUserAndGroup()
    {
        var graph = new Mock<IUserDirectory>(MockBehavior.Strict);
        graph.Setup(d => d.GetUserAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(new DirectoryUser(UserId, "Lee Cox", null, null));
        graph.Setup(d => d.IsInGroupAsync(UserId, PmoGroup, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var cached = new CachedUserDirectory(graph.Object, cache, Options.Create(new DirectoryOptions()));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Lee Cox", (await cached.GetUserAsync(UserId, CancellationToken.None))?.DisplayName);
            Assert.True(await cached.IsInGroupAsync(UserId, PmoGroup, CancellationToken.None));
        }

        graph.Verify(d => d.GetUserAsync(UserId, It.IsAny<CancellationToken>()), Times.Once());
        graph.Verify(d => d.IsInGroupAsync(UserId, PmoGroup, It.IsAny<CancellationToken>()), Times.Once());
        graph.VerifyNoOtherCalls();
    }
}
