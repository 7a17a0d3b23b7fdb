using System.Net;
using System.Text.Json;
using Azure.Core;
using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Connector.Tests;

public sealed class TokenProviderTests
{
    private sealed class CountingCredential(TimeProvider time) : TokenCredential
    {
        public int Calls { get; private set; }
        public string[] LastScopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Calls++;
            LastScopes = requestContext.Scopes;
            return ValueTask.FromResult(new AccessToken("token-" + Calls, time.GetUtcNow().AddHours(1)));
        }
    }

    [Fact]
    public async Task Token_IsCachedUntilFiveMinutesBeforeExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var credential = new CountingCredential(time);
        using var provider = new BotTokenProvider(credential, time, NullLogger<BotTokenProvider>.Instance);

        Assert.Equal("token-1", await provider.GetTokenAsync(default));
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(default));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("token-2", await provider.GetTokenAsync(default));
        Assert.Equal(2, credential.Calls);
        Assert.Equal(["https://api.botframework.com/.default"], credential.LastScopes);
    }

    [Fact]
    public async Task AnonymousMode_HasNoToken()
    {
        using var provider = new BotTokenProvider(Options.Create(new BotOptions()), TimeProvider.System, NullLogger<BotTokenProvider>.Instance);
        Assert.Null(await provider.GetTokenAsync(default));
    }

    [Fact]
    public void Credential_FollowsTheAppType()
    {
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(BotTokenProvider.CreateCredential(new BotOptions { AppId = TestIssuer.AppId, TenantId = TestIssuer.TenantId, AppType = "UserAssignedMSI" }));
        Assert.IsType<Azure.Identity.ClientSecretCredential>(BotTokenProvider.CreateCredential(new BotOptions { AppId = TestIssuer.AppId, TenantId = TestIssuer.TenantId, AppType = "SingleTenant", ClientSecret = "s" }));
        Assert.IsType<Azure.Identity.ClientCertificateCredential>(BotTokenProvider.CreateCredential(new BotOptions { AppId = TestIssuer.AppId, TenantId = TestIssuer.TenantId, AppType = "SingleTenant", CertificatePath = "/tmp/bot.pem" }));
        Assert.Null(BotTokenProvider.CreateCredential(new BotOptions()));
    }
}

public sealed class ProactiveMessengerTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static (ProactiveMessenger Messenger, FakeHttpHandler Handler) Create(Func<RecordedRequest, int, HttpResponseMessage>? respond = null)
    {
        var handler = new FakeHttpHandler(respond);
        var options = Options.Create(new BotOptions { AppId = TestIssuer.AppId });
        var client = new ConnectorClient(new HttpClient(handler), new StaticTokenProvider("tok"), new TrustedServiceUrls(options), new RecordingRetryPolicy(TimeProvider.System));
        var scopes = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        return (new ProactiveMessenger(client, scopes, options), handler);
    }

    [Fact]
    public async Task CreatePersonalConversation_PostsTeamsOneToOneParametersAndReturnsAStorableReference()
    {
        var (messenger, handler) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.Created, """{"id":"a:1on1"}"""));
        var reference = await messenger.CreatePersonalConversationAsync(ServiceUrl, "tenant-1", "aad-user-1", default);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(ServiceUrl + "v3/conversations", request.Wire);
        Assert.Equal("Bearer tok", request.Authorization);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:" + TestIssuer.AppId, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("aad-user-1", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("tenantId").GetString());

        Assert.Equal("a:1on1", reference.Conversation.Id);
        Assert.Equal("personal", reference.Conversation.ConversationType);
        Assert.Equal("tenant-1", reference.TenantId);
        Assert.Equal(ServiceUrl, reference.ServiceUrl);
    }

    [Fact]
    public async Task ContinueConversation_SendsIntoTheStoredConversationAsTheBot()
    {
        var (messenger, handler) = Create();
        var reference = new ConversationReference(ServiceUrl, "msteams", new ConversationAccount("19:chan@thread.tacv2", "channel", "tenant-1"), new ChannelAccount("28:bot"), null, "tenant-1", ActivityId: "old-1");
        string? id = null;
        await messenger.ContinueConversationAsync(reference, async (turn, ct) => id = await turn.SendAsync("reminder", ct), default);

        Assert.Equal("1001", id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(ServiceUrl + "v3/conversations/19%3Achan%40thread.tacv2/activities", request.Wire);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("28:bot", body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("reminder", body.GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task ContinueConversation_ToAnUntrustedServiceUrl_SendsNothing()
    {
        var (messenger, handler) = Create();
        var reference = new ConversationReference("https://attacker.example/", "msteams", new ConversationAccount("a:1"), new ChannelAccount("28:bot"), null, "tenant-1");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => messenger.ContinueConversationAsync(reference, (turn, ct) => turn.SendAsync("x", ct), default));
        Assert.Equal(ConnectorException.UntrustedServiceUrlCode, ex.ErrorCode);
        Assert.Empty(handler.Requests);
    }
}
