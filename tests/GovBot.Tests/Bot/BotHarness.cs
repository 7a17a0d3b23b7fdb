using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Data.Tables;
using GovBot.People;
using GovBot.SampleData;
using GovBot.Storage;
using GovBot.Testing;
using GovBot.Tests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Bot;

/// <summary>
/// GovBot as Teams sees it: the real app (anonymous development mode) on Azurite with the sample data, activities
/// posted to /api/messages, and a fake Bot Connector that records what the bot sends back.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string ServiceUrl = "https://connector.test/";
    public const string BotId = "28:govbot-test";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    private readonly WebApplicationFactory<Program> _factory;

    private BotHarness(WebApplicationFactory<Program> factory, FakeConnector connector, string prefix)
    {
        _factory = factory;
        Connector = connector;
        Prefix = prefix;
        Client = factory.CreateClient();
    }

    public FakeConnector Connector { get; }

    /// <summary>Every storage request the app makes ("GET /devstoreaccount1/table()?$filter=...").</summary>
    public RequestRecorder StorageRequests { get; private init; } = new();

    /// <summary>When each storage request started and ended, to count sequential round trips.</summary>
    public StorageTimings StorageTimings { get; private init; } = new();
    public HttpClient Client { get; }
    public string Prefix { get; }
    public IServiceProvider Services => _factory.Services;
    public GovernanceDataSet Data { get; } = MhhsSampleData.Build();

    /// <param name="startAt">The app's clock start (Clock:StartAt).</param>
    /// <param name="settings">More configuration, e.g. "Pmo:GroupId".</param>
    /// <param name="prefix">Reuse the tables of an earlier harness (a restart of the app); null for fresh tables.</param>
    /// <param name="testServices">More test services, e.g. a fake handler for the "GovBot.FileDownload" HttpClient.</param>
    public static Task<BotHarness> StartAsync(
        AzuriteFixture azurite, string startAt = "2024-03-06T09:00:00+00:00", IReadOnlyDictionary<string, string?>? settings = null,
        string? prefix = null, Action<IServiceCollection>? testServices = null) =>
        StartAsync(azurite.ConnectionString, startAt, settings, prefix, testServices);

    /// <param name="storageConnectionString">The storage account (e.g. an Azurite of the test's own).</param>
    /// <param name="productionStorageClient">
    /// Keep the app's own storage client, with the retries and timeouts of its Storage options, as in production.
    /// Otherwise (the default) it is replaced by one without retries whose requests <see cref="StorageRequests"/> and
    /// <see cref="StorageTimings"/> record (both stay empty when this is true).
    /// </param>
    public static async Task<BotHarness> StartAsync(
        string storageConnectionString, string startAt = "2024-03-06T09:00:00+00:00", IReadOnlyDictionary<string, string?>? settings = null,
        string? prefix = null, Action<IServiceCollection>? testServices = null, bool productionStorageClient = false, string environment = "Development")
    {
        prefix ??= "b" + Guid.NewGuid().ToString("N")[..8];
        var connector = new FakeConnector();
        var storageRequests = new RequestRecorder();
        var storageTimings = new StorageTimings();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("Storage:ConnectionString", storageConnectionString);
            web.UseSetting("Storage:TablePrefix", prefix);
            web.UseSetting("Clock:StartAt", startAt);
            web.UseSetting("SampleData:SeedWhenEmpty", "false");
            web.UseSetting("Bot:AppId", "");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) web.UseSetting(key, value);
            web.ConfigureTestServices(services =>
            {
                services.AddHttpClient("GovBot.Connector").ConfigurePrimaryHttpMessageHandler(() => connector);
                if (!productionStorageClient)
                {
                    // The app's own storage client, with every request recorded.
                    services.AddSingleton(sp =>
                    {
                        var clientOptions = new TableClientOptions { Retry = { MaxRetries = 0 } };
                        clientOptions.AddPolicy(storageRequests, HttpPipelinePosition.PerCall);
                        clientOptions.AddPolicy(storageTimings, HttpPipelinePosition.PerCall);
                        return StorageServiceCollectionExtensions.CreateServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, clientOptions);
                    });
                }
                testServices?.Invoke(services);
            });
        });
        var harness = new BotHarness(factory, connector, prefix) { StorageRequests = storageRequests, StorageTimings = storageTimings };
        var tables = factory.Services.GetRequiredService<GovBotTables>();
        await tables.EnsureCreatedAsync(CancellationToken.None);
        await factory.Services.GetRequiredService<GovernanceDataWriter>().WriteAsync(harness.Data, CancellationToken.None);
        return harness;
    }

    /// <summary>Leave the tables in place on dispose (another harness will start on them).</summary>
    public bool KeepTables { get; set; }

    public Person Person(string id) => Data.People.Single(p => p.Id == id);

    private static readonly TeamsActivities Activities = new(ServiceUrl, TenantId, BotId);

    /// <summary>A message activity from a sample person in a personal chat (or a channel, with the bot @mentioned).</summary>
    public JsonObject Message(string text, Person from, string conversationType = "personal", string? conversationId = null) =>
        Activities.Message(text, User(from), ConversationOf(from, conversationType, conversationId), conversationType);

    /// <summary>An Action.Execute invoke from a card the bot sent (replyToId).</summary>
    public JsonObject Execute(string verb, JsonObject data, Person from, string replyToId = "1") =>
        Activities.Execute(verb, data, User(from), ConversationOf(from, "personal", null), replyToId);

    public JsonObject Activity(string type, Person from, string conversationType = "personal", string? conversationId = null) =>
        Activities.Activity(type, User(from), ConversationOf(from, conversationType, conversationId), conversationType);

    private static TeamsUser User(Person person) => new(person.Id, person.Name, person.EntraObjectId);

    private static string ConversationOf(Person from, string conversationType, string? conversationId) =>
        conversationId ?? (conversationType == "personal" ? $"a:personal-{from.Id}" : "19:dag@thread.tacv2;messageid=100");

    /// <summary>The Authorization header for each POST (e.g. a fresh channel token); none when null (anonymous mode).</summary>
    public Func<JsonObject, string?>? Authorization { get; set; }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (Authorization?.Invoke(activity) is { } authorization) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await Client.SendAsync(request);
    }

    /// <summary>Asks a question and returns the card the bot answers with (waiting up to <paramref name="timeout"/>, default 15 s).</summary>
    public async Task<JsonObject> AskAsync(string text, Person from, string conversationType = "personal", TimeSpan? timeout = null)
    {
        var before = Connector.Sent.Count;
        var activity = Message(text, from, conversationType);
        using var response = await PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
        // The answer is a new message in the asker's conversation (not, say, a status card being updated meanwhile).
        var conversation = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
        var reply = await Connector.WaitForAsync(
            r => r.Method == HttpMethod.Post && r.Path.Contains(conversation, StringComparison.Ordinal) && r.Activity?["attachments"] is JsonArray, before, timeout);
        await Cards.CardSchema.AssertValidAsync(reply.Card!, $"\"{text}\"");
        return reply.Card!;
    }

    /// <summary>Posts an Action.Execute invoke; returns the HTTP status and the invoke response body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject? Body)> InvokeAsync(string verb, JsonObject data, Person from)
    {
        using var response = await PostAsync(Execute(verb, data, from));
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        if (body?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
        {
            await Cards.CardSchema.AssertValidAsync(body["value"]!.AsObject(), verb);
        }
        return (response.StatusCode, body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!KeepTables) await _factory.Services.GetRequiredService<GovBotTables>().DeleteAllAsync(CancellationToken.None);
        }
        finally
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <summary>A Bot Connector that records every call and answers like Teams (201 with a new activity id).</summary>
public sealed class FakeConnector : HttpMessageHandler
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _nextId = 1000;

    /// <summary>Answer for a request, or null for the default (201 {"id"}; 404 for member lookups).</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Respond { get; set; }

    public IReadOnlyList<SentRequest> Sent => _sent.ToList();

    /// <summary>Added to every call before it is answered (an asynchronous wait, like a slow service).</summary>
    public TimeSpan Latency { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var sent = new SentRequest(request.Method, request.RequestUri!.AbsolutePath, body is { Length: > 0 } ? JsonNode.Parse(body) as JsonObject : null);
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        _sent.Enqueue(sent);
        _arrived.Release();
        if (Respond?.Invoke(request) is { } custom) return custom;
        if (request.Method == HttpMethod.Get) return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = Json("""{"error":{"code":"MemberNotFoundInConversation","message":"not found"}}""") };
        var id = Interlocked.Increment(ref _nextId);
        return new HttpResponseMessage(request.Method == HttpMethod.Put ? HttpStatusCode.OK : HttpStatusCode.Created) { Content = Json($$"""{"id":"{{id}}"}""") };
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Waits (bounded) for a request matching <paramref name="match"/> among those after the first <paramref name="skip"/>.</summary>
    public async Task<SentRequest> WaitForAsync(Func<SentRequest, bool> match, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = Sent.Skip(skip).FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"The bot sent nothing matching within the time limit. Sent: {string.Join(", ", Sent.Select(s => $"{s.Method} {s.Path}"))}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }
}

public sealed record SentRequest(HttpMethod Method, string Path, JsonObject? Activity)
{
    /// <summary>The Adaptive Card the activity carries, if any.</summary>
    public JsonObject? Card => Activity?["attachments"] is JsonArray { Count: > 0 } a ? a[0]?["content"] as JsonObject : null;

    /// <summary>All the text on the card, for content assertions.</summary>
    public string CardText => Card is null ? "" : BotHarnessText.Of(Card);
}

public static class BotHarnessText
{
    /// <summary>Every string value in a card (texts, titles, facts, cells), joined by newlines.</summary>
    public static string Of(JsonNode? node)
    {
        var texts = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o: foreach (var (_, v) in o) Walk(v); break;
                case JsonArray a: foreach (var v in a) Walk(v); break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String: texts.Add(v.GetValue<string>()); break;
            }
        }
        Walk(node);
        return string.Join("\n", texts);
    }
}

/// <summary>Start and end of every storage request; <see cref="RoundTrips"/> counts the sequential waves among them.</summary>
public sealed class StorageTimings : Azure.Core.Pipeline.HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(long Start, long End)> _requests = new();

    public void Clear() => _requests.Clear();

    /// <summary>Added to every storage request, to make answers slow.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every storage request fails as if the service were down (503).</summary>
    public bool Down { get; set; }

    /// <summary>
    /// Requests that overlap in time are one round trip; a request that starts only after every earlier one has
    /// finished begins the next. This is the number of times the caller waited on storage in sequence.
    /// </summary>
    public int RoundTrips
    {
        get
        {
            var waves = 0;
            long waveEnd = long.MinValue;
            foreach (var (start, end) in _requests.OrderBy(r => r.Start))
            {
                if (start >= waveEnd) waves++;
                waveEnd = start >= waveEnd ? end : Math.Max(waveEnd, end);
            }
            return waves;
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        _requests.Enqueue((start, System.Diagnostics.Stopwatch.GetTimestamp()));
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        if (Down) throw new Azure.RequestFailedException(503, "Storage is down (simulated by the test).");
        await ProcessNextAsync(message, pipeline);
        _requests.Enqueue((start, System.Diagnostics.Stopwatch.GetTimestamp()));
    }
}
