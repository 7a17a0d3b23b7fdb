using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GovBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovBot.Connector.Tests.Infrastructure;

/// <summary>A real Kestrel host of the bot endpoint on a free loopback port.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private BotHost(WebApplication app, ListLoggerProvider logs)
    {
        App = app;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public ListLoggerProvider Logs { get; }
    public Uri Endpoint => new(BaseAddress, "/api/messages");

    public static Dictionary<string, string?> AuthenticatedConfig(TestIssuer issuer) => new()
    {
        ["Bot:AppId"] = TestIssuer.AppId,
        ["Bot:TenantId"] = TestIssuer.TenantId,
        ["Bot:AppType"] = "SingleTenant",
        ["Bot:ClientSecret"] = "not-used-in-tests",
        ["Bot:Authentication:ChannelOpenIdMetadataUrl"] = issuer.ChannelMetadataUrl,
        ["Bot:Authentication:EntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrl,
    };

    public static WebApplication Build(
        Dictionary<string, string?> config,
        Action<BotRouteBuilder> routes,
        string environment,
        ListLoggerProvider logs,
        FakeHttpHandler? connector = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddBotConnector(builder.Configuration, routes);
        builder.Services.AddSingleton<ConnectorRetryPolicy>(sp => new RecordingRetryPolicy(TimeProvider.System));
        if (connector is not null)
        {
            builder.Services.AddHttpClient(BotConnectorServiceCollectionExtensions.ConnectorHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => connector);
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapBotEndpoint();
        return app;
    }

    public static async Task<BotHost> StartAsync(
        Dictionary<string, string?> config,
        Action<BotRouteBuilder> routes,
        string environment = "Development",
        FakeHttpHandler? connector = null,
        Action<IServiceCollection>? services = null)
    {
        var logs = new ListLoggerProvider();
        var app = Build(config, routes, environment, logs, connector, services);
        await app.StartAsync();
        return new BotHost(app, logs);
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Captures log lines for assertions.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " | " + exception)));
    }
}

/// <summary>Sample activities shaped like the Agents Playground's / Teams' traffic (built by the shared <see cref="TeamsActivities"/>), as JSON text.</summary>
public static class Activities
{
    private static readonly TeamsUser User = new("user", "Alex Wilber", "00000000-0000-0000-0000-0000000000020");

    public static string Message(
        string text = "hello", string serviceUrl = TestIssuer.ServiceUrl, string channelId = "msteams", string tenantId = TestIssuer.TenantId,
        string conversationId = "a:personal-chat", string id = "act-1")
    {
        var activity = new TeamsActivities(serviceUrl, tenantId, "28:bot", "en-US").Message(text, User, conversationId);
        activity["id"] = id;
        activity["channelId"] = channelId;
        return activity.ToJsonString();
    }

    public static string Invoke(string name, string valueJson, string? replyToId = "card-1")
    {
        var activity = new TeamsActivities(TestIssuer.ServiceUrl, TestIssuer.TenantId, "28:bot", "en-US").Activity("invoke", User, "a:personal-chat");
        activity["id"] = "inv-1";
        activity["name"] = name;
        activity["value"] = JsonNode.Parse(valueJson);
        activity["replyToId"] = replyToId ?? "";
        return activity.ToJsonString();
    }

    public static string CardExecute(string verb, string dataJson = """{"x":1}""") =>
        Invoke(CardAction.InvokeName, $$$"""{"action":{"type":"Action.Execute","verb":"{{{verb}}}","data":{{{dataJson}}}},"trigger":"manual"}""");
}
