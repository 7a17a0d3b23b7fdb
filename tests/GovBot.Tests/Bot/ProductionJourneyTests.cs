using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Features.Actions;
using GovBot.Features.Import;
using GovBot.Features.Notices;
using GovBot.Testing;
using GovBot.Tests.Features.Import;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Tests.Bot;

/// <summary>
/// The main journeys as Teams drives them in production: the app in the Production environment with authentication
/// on, every activity carrying a Bot Connector token signed by a local issuer (real OpenID metadata and keys over
/// loopback HTTP) for the activity's serviceUrl; the bot's own outbound token from a fixed provider (the edge where
/// Entra would be). The feature tests run anonymous; these prove the same journeys survive the real checks.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ProductionJourneyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OutboundToken = "outbound-token-for-tests";
    private const string DownloadBase = "https://contoso-my.sharepoint.com/personal/priya_contoso_com/Documents/";
    private readonly LocalIssuer _issuer = new();
    private readonly FakeDownloads _downloads = new();
    private readonly ConcurrentQueue<string?> _outboundAuthorization = new();

    public Task InitializeAsync() => _issuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    private async Task<BotHarness> StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = LocalIssuer.AppId,
            ["Bot:TenantId"] = BotHarness.TenantId,
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:ClientSecret"] = "never-used: the token provider is replaced",
            ["Bot:Authentication:ChannelOpenIdMetadataUrl"] = _issuer.ChannelMetadataUrl,
            ["Bot:Authentication:EntraOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl,
            ["Reminders:Enabled"] = "false",
            ["Notices:WorkerEnabled"] = "false",
            ["Notices:LinkSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Notices:PublicBaseUrl"] = "https://govbot.test/",
        };
        var bot = await BotHarness.StartAsync(azurite.ConnectionString, settings: settings, environment: "Production", testServices: services =>
        {
            services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider());
            services.AddHttpClient(FileDownloadClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _downloads);
        });
        bot.Authorization = _ => "Bearer " + _issuer.ChannelToken(serviceUrl: BotHarness.ServiceUrl);
        bot.Connector.Respond = request =>
        {
            _outboundAuthorization.Enqueue(request.Headers.Authorization?.ToString());
            return null;
        };
        return bot;
    }

    [Fact]
    public async Task MyOpenActions_IsAnswered_AndTheReplyCarriesTheBotsToken()
    {
        await using var bot = await StartAsync();

        var card = BotHarnessText.Of(await bot.AskAsync("my open actions", bot.Person("lee-cox")));

        Assert.Contains("DAG33-04", card, StringComparison.Ordinal);
        Assert.NotEmpty(_outboundAuthorization);
        Assert.All(_outboundAuthorization, a => Assert.Equal("Bearer " + OutboundToken, a));
    }

    [Fact]
    public async Task ActionExecuteUpdate_ByTheOwner_IsSaved()
    {
        await using var bot = await StartAsync();

        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb,
            new JsonObject { ["ref"] = "DAG33-04", [ActionCards.UpdateTextInputId] = "Confirmed with the test team." }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Confirmed with the test team.", BotHarnessText.Of(body!["value"]), StringComparison.Ordinal);
        var stored = await bot.Services.GetRequiredService<ActionStore>().GetAsync("DAG33-04", CancellationToken.None);
        Assert.Equal("Confirmed with the test team.", stored!.Value.LatestUpdate);
    }

    [Fact]
    public async Task PmoVerb_FromAMember_IsRefused()
    {
        await using var bot = await StartAsync();

        var (status, body) = await bot.InvokeAsync(NoticeCards.ComposeVerb, NoticeTestKitForm(), bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains(NoticeCardActions.PmoOnly, BotHarnessText.Of(body), StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<NoticeStore>().GetAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task FileImportPreview_ForThePmo_IsShown()
    {
        await using var bot = await StartAsync();
        const string file = "dag-34-2024-03-13-papers.txt";
        _downloads.Files[DownloadBase + file] = await File.ReadAllBytesAsync(PapersFixtures.PathOf(file));
        var activity = bot.Message("", bot.Person("priya-patel"));
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = TeamsFile.ContentType,
            ["name"] = file,
            ["content"] = new JsonObject { ["downloadUrl"] = DownloadBase + file, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = "txt" },
        });

        var before = bot.Connector.Sent.Count;
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.Connector.WaitForAsync(r => r.Activity?["attachments"] is JsonArray, before);

        Assert.Contains("Import the DAG 34 papers?", reply.CardText, StringComparison.Ordinal);
        Assert.Single(_downloads.Requests);
    }

    [Fact]
    public async Task TheSameJourneys_WithoutAValidChannelToken_AreRefused_AndNothingIsSent()
    {
        await using var bot = await StartAsync();
        var lee = bot.Person("lee-cox");

        bot.Authorization = _ => null;
        using (var none = await bot.PostAsync(bot.Message("my open actions", lee))) Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        bot.Authorization = _ => "Bearer " + _issuer.ChannelToken(serviceUrl: "https://collector.example/");
        using (var elsewhere = await bot.PostAsync(bot.Message("my open actions", lee))) Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        bot.Authorization = _ => "Bearer " + _issuer.ChannelToken(serviceUrl: BotHarness.ServiceUrl, key: _issuer.WebChatOnlyKey);
        var webchat = bot.Message("my open actions", lee);
        webchat["channelId"] = "webchat";
        using (var other = await bot.PostAsync(webchat)) Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        await Task.Delay(500);
        Assert.Empty(bot.Connector.Sent);
    }

    private static JsonObject NoticeTestKitForm() => GovBot.Tests.Features.Notices.NoticeTestKit.Dag34Form();

    private sealed class FixedTokenProvider : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>(OutboundToken);
    }
}
