using System.Net;
using System.Text.Json;
using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GovBot.Connector.Tests;

public sealed class ConnectorClientTests
{
    private const string Trusted = "https://smba.trafficmanager.net/amer/";
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1700000000000";

    private static (ConnectorClient Client, FakeHttpHandler Handler, RecordingRetryPolicy Retry, TrustedServiceUrls Trust) Create(
        Func<RecordedRequest, int, HttpResponseMessage>? respond = null, string? token = "bot-token")
    {
        var handler = new FakeHttpHandler(respond);
        var retry = new RecordingRetryPolicy(TimeProvider.System);
        var trust = new TrustedServiceUrls(Options.Create(new BotOptions()));
        var client = new ConnectorClient(new HttpClient(handler), new StaticTokenProvider(token), trust, retry);
        return (client, handler, retry, trust);
    }

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body!).RootElement;

    [Fact]
    public async Task SendToConversation_PostsToEscapedConversationPath()
    {
        var (client, handler, _, _) = Create();
        var result = await client.SendToConversationAsync(Trusted, ChannelThread, Activity.Message("hi"), default);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities", request.Wire);
        Assert.Equal("1001", result.Id);
        var body = Body(request);
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("hi", body.GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("id", out _), "nulls are omitted and the bot sets no id");
        Assert.False(body.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task SendToConversation_ServiceUrlWithoutTrailingSlash_GetsOne()
    {
        var (client, handler, _, _) = Create();
        await client.SendToConversationAsync("https://smba.trafficmanager.net/amer", "a:1", Activity.Message("hi"), default);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities", Assert.Single(handler.Requests).Wire);
    }

    [Fact]
    public async Task ReplyToActivity_PostsToActivityPath()
    {
        var (client, handler, _, _) = Create();
        await client.ReplyToActivityAsync(Trusted, "a:1", "f:123/x", Activity.Message("re"), default);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(Trusted + "v3/conversations/a%3A1/activities/f%3A123%2Fx", request.Wire);
    }

    [Fact]
    public async Task UpdateActivity_PutsWithTheIdInTheBody()
    {
        var (client, handler, _, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"55"}"""));
        var card = Attachment.AdaptiveCard(new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" });
        await client.UpdateActivityAsync(Trusted, "a:1", "55", Activity.Message(null, card), default);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(Trusted + "v3/conversations/a%3A1/activities/55", request.Wire);
        var body = Body(request);
        Assert.Equal("55", body.GetProperty("id").GetString());
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
    }

    [Fact]
    public async Task DeleteActivity_SendsDelete()
    {
        var (client, handler, _, _) = Create((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        await client.DeleteActivityAsync(Trusted, "a:1", "55", default);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal(Trusted + "v3/conversations/a%3A1/activities/55", request.Wire);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task CreateConversation_PersonalChat_SendsBotMembersTenantAndIsGroupFalse()
    {
        var (client, handler, _, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.Created, """{"id":"a:new-chat"}"""));
        var parameters = ConversationParametersFactory.Personal(new ChannelAccount("28:bot-app-id", "GovBot"), "29:user", "tenant-1");
        var created = await client.CreateConversationAsync(Trusted, parameters, default);

        Assert.Equal("a:new-chat", created.Id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(Trusted + "v3/conversations", request.Wire);
        var body = Body(request);
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot-app-id", body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:user", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("tenantId").GetString());
        Assert.Equal("tenant-1", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetMember_GetsEscapedMemberPathAndReadsTeamsFields()
    {
        var (client, handler, _, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK,
            """{"id":"29:u","name":"Alex Wilber","aadObjectId":"aad-1","email":"alexw@example.com","userPrincipalName":"alexw@example.com","givenName":"Alex","surname":"Wilber","tenantId":"t1","userRole":"user"}"""));
        var member = await client.GetMemberAsync(Trusted, "a:1", "29:u", default);
        Assert.Equal(Trusted + "v3/conversations/a%3A1/members/29%3Au", Assert.Single(handler.Requests).Wire);
        Assert.Equal("aad-1", member.AadObjectId);
        Assert.Equal("alexw@example.com", member.UserPrincipalName);
        Assert.Equal("Wilber", member.Surname);
        Assert.Equal("t1", member.TenantId);
    }

    [Fact]
    public async Task GetPagedMembers_PassesPageSizeAndEscapedContinuationToken()
    {
        var (client, handler, _, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"continuationToken":"next","members":[{"id":"29:a"},{"id":"29:b"}]}"""));
        var page = await client.GetPagedMembersAsync(Trusted, "19:team@thread.tacv2", 100, "tok/en=+", default);
        Assert.Equal(Trusted + "v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=100&continuationToken=tok%2Fen%3D%2B", Assert.Single(handler.Requests).Wire);
        Assert.Equal("next", page.ContinuationToken);
        Assert.Equal(["29:a", "29:b"], page.Members.Select(m => m.Id));
    }

    [Fact]
    public async Task GetTeamChannels_ReadsConversationList()
    {
        var (client, handler, _, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"conversations":[{"id":"19:team"},{"id":"19:ann","name":"Announcements"}]}"""));
        var channels = await client.GetTeamChannelsAsync(Trusted, "19:team@thread.tacv2", default);
        Assert.Equal(Trusted + "v3/teams/19%3Ateam%40thread.tacv2/conversations", Assert.Single(handler.Requests).Wire);
        Assert.Equal(2, channels.Count);
        Assert.Null(channels[0].Name);
        Assert.Equal("Announcements", channels[1].Name);
    }

    [Fact]
    public async Task Token_IsSentAsBearerToConfiguredTrustedServiceUrl()
    {
        var (client, handler, _, _) = Create();
        await client.SendToConversationAsync(Trusted, "a:1", Activity.Message("hi"), default);
        Assert.Equal("Bearer bot-token", Assert.Single(handler.Requests).Authorization);
    }

    [Theory]
    [InlineData("https://attacker.example/amer/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://user@smba.trafficmanager.net/amer/")]
    public async Task Token_IsNeverSentToUntrustedServiceUrl(string serviceUrl)
    {
        var (client, handler, _, _) = Create();
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(serviceUrl, "a:1", Activity.Message("hi"), default));
        Assert.Equal(ConnectorException.UntrustedServiceUrlCode, ex.ErrorCode);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Token_IsSentToServiceUrlRememberedFromAnAuthenticatedActivity()
    {
        var (client, handler, _, trust) = Create();
        const string regional = "https://smba.infra.gcc.teams.microsoft.com/teams";
        await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(regional, "a:1", Activity.Message("hi"), default));
        trust.Remember(regional);
        await client.SendToConversationAsync(regional, "a:1", Activity.Message("hi"), default);
        Assert.Equal("Bearer bot-token", Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task AnonymousMode_SendsNoAuthorizationHeader()
    {
        var (client, handler, _, _) = Create(token: null);
        await client.SendToConversationAsync("http://localhost:56150/_connector", "conv", Activity.Message("hi"), default);
        var request = Assert.Single(handler.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal("http://localhost:56150/_connector/v3/conversations/conv/activities", request.Wire);
    }

    [Fact]
    public async Task Status429WithRetryAfter_IsRetriedAfterThatDelayAndThenSucceeds()
    {
        var (client, handler, retry, _) = Create((_, attempt) =>
        {
            if (attempt < 3)
            {
                var throttled = FakeHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled","message":"slow down"}}""");
                throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
                return throttled;
            }

            return FakeHttpHandler.Json(HttpStatusCode.Created, """{"id":"ok"}""");
        });

        var result = await client.SendToConversationAsync(Trusted, "a:1", Activity.Message("hi"), default);

        Assert.Equal("ok", result.Id);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], retry.Delays);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer bot-token", r.Authorization));
        Assert.All(handler.Requests, r => Assert.Contains("\"text\":\"hi\"", r.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task TransientStatus_IsRetriedWithBoundedAttempts(int status)
    {
        var (client, handler, retry, _) = Create((_, _) => new HttpResponseMessage((HttpStatusCode)status));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Trusted, "a:1", Activity.Message("hi"), default));
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(3, retry.Delays.Count);
        Assert.All(retry.Delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(400, "BadSyntax")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(404, "ConversationNotFound")]
    public async Task ClientErrors_AreNotRetriedAndCarryStatusAndCode(int status, string code)
    {
        var (client, handler, retry, _) = Create((_, _) => FakeHttpHandler.Json((HttpStatusCode)status, $$$"""{"error":{"code":"{{{code}}}","message":"nope"}}"""));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Trusted, "a:1", Activity.Message("hi"), default));
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Single(handler.Requests);
        Assert.Empty(retry.Delays);
    }

    [Fact]
    public async Task Forbidden_WithMessageWritesBlockedSubCode_IsRecognisable()
    {
        var (client, _, _, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.Forbidden, """{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"Bot is blocked"}}"""));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Trusted, "a:1", Activity.Message("hi"), default));
        Assert.Equal(403, ex.StatusCode);
        Assert.True(ex.HasCode("MessageWritesBlocked"));
        Assert.Equal("MessageWritesBlocked", ex.SubCode);
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxDelay_StopsRetrying()
    {
        var (client, handler, _, _) = Create((_, _) =>
        {
            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10));
            return throttled;
        });
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Trusted, "a:1", Activity.Message("hi"), default));
        Assert.Equal(429, ex.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task AcceptedWithoutBody_ReturnsNullId()
    {
        var (client, _, _, _) = Create((_, _) => new HttpResponseMessage(HttpStatusCode.Accepted));
        var result = await client.SendToConversationAsync(Trusted, "a:1", Activity.Typing(), default);
        Assert.Null(result.Id);
    }
}
