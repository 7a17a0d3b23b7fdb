using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using GovBot.Connector;
using GovBot.Features.Conversations;
using GovBot.Features.Notices;
using GovBot.Features.Reminders;
using GovBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Benchmarks;

/// <summary>
/// A notice to 5,000 recipients through the real durable path (Azurite queue and ledger, the dispatcher, the pacer,
/// the connector client with its Retry-After handling) against a fake Bot Connector that behaves like Teams: 7 sends
/// a second per conversation, a per-tenant rate, 10% random 429 with Retry-After, 2% random 500. Reports the achieved
/// rate as a share of the allowed rate, and the lost and duplicated messages (both must be 0).
/// Azurite: GOVBOT_TEST_STORAGE (a connection string), else node_modules/azurite is started.
/// </summary>
internal static class NoticeBenchmark
{
    private const int Recipients = 5_000;
    private const double AllowedTenantRate = 500;   // the fake's limit (Teams: 50; high so the run stays under a minute)
    private const double PacedTenantRate = 400;     // GovBot's pacing target: 80 %, headroom for the connector's own retries
    private const string ServiceUrl = "https://connector.bench/";
    private const string Tenant = "bench-tenant";

    public static async Task RunAsync(TextWriter output)
    {
        await using var azurite = await GovBot.Testing.AzuriteProcess.StartAsync(); // GOVBOT_TEST_STORAGE, else a private in-memory one
        var prefix = "nb" + Guid.NewGuid().ToString("N")[..8];
        var teams = new TeamsLike(AllowedTenantRate);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Notices:TenantRatePerSecond"] = PacedTenantRate.ToString(CultureInfo.InvariantCulture),
            ["Notices:MaxParallelSends"] = "64",
            ["Notices:VisibilityTimeout"] = "00:00:30",
            ["Notices:PollInterval"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Error))
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" })
            .AddSingleton(TimeProvider.System)
            .AddGovBotStorage(configuration)
            .AddGovBotNotices(configuration)
            .AddSingleton(new ConnectorClient(new HttpClient(teams), new NoToken(), new TrustAll(), new ConnectorRetryPolicy(TimeProvider.System)))
            .BuildServiceProvider();
        var tables = services.GetRequiredService<GovBotTables>();
        await tables.EnsureCreatedAsync(CancellationToken.None);
        try
        {
            var setup = Stopwatch.StartNew();
            var recipients = Enumerable.Range(0, Recipients).Select(i => Recipient.Conversation($"19:bench{i:D5}@thread.tacv2")).ToList();
            var store = services.GetRequiredService<NoticeStore>();
            var draft = await store.CreateDraftAsync(new NoticeDetails("DAG", "34", "DAG 34", new(2030, 3, 13), new(10, 0), new(12, 30), "Elexon", null, "1. Welcome", null, null), "bench", CancellationToken.None);
            var queued = services.GetRequiredService<INoticeLedger>();
            var now = DateTimeOffset.UtcNow;
            await queued.AddQueuedAsync(draft.Number, recipients.Select(r => new Delivery(draft.Number, r, r.Id, DeliveryState.Queued, 0, now, ServiceUrl, r.Id, null, null, 0, 0, default)).ToList(), CancellationToken.None);
            var found = await store.GetAsync(draft.Number, CancellationToken.None);
            await store.ReplaceAsync(found!.Value.Notice with { Status = NoticeStatus.Sent, SentAt = now }, found.Value.ETag, CancellationToken.None);
            var setupTime = setup.Elapsed;

            var clock = Stopwatch.StartNew();
            var enqueue = services.GetRequiredService<INoticeQueue>().EnqueueAsync(NoticeJob.For(NoticeJobKind.Send, draft.Number, recipients.Select(r => r.Key)), CancellationToken.None);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(55));
            var worker = services.GetRequiredService<NoticeWorker>().RunAsync(stop.Token);
            await enqueue;
            var enqueued = clock.Elapsed;
            IReadOnlyList<Delivery> outcomes = [];
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(1000);
                outcomes = await queued.ListAsync(draft.Number, CancellationToken.None);
                if (DeliveryCounts.Of(outcomes).IsComplete) break;
            }
            var elapsed = clock.Elapsed;
            await stop.CancelAsync();
            await worker;
            outcomes = await queued.ListAsync(draft.Number, CancellationToken.None);

            var counts = DeliveryCounts.Of(outcomes);
            var delivered = teams.Accepted.Count;
            // Lost: a recipient that never got a copy although its outcome is final (nothing pending for it).
            var pending = outcomes.Where(d => d.State is DeliveryState.Queued or DeliveryState.Sending).Select(d => d.Recipient.Id).ToHashSet(StringComparer.Ordinal);
            var lost = recipients.Count(r => !teams.Accepted.ContainsKey(r.Id) && !pending.Contains(r.Id));
            var duplicated = teams.Accepted.Values.Count(n => n > 1);
            var rate = teams.Accepted.Values.Sum() / teams.ActiveSeconds;
            var rows = new List<string[]>
            {
                new[] { "Recipients", Recipients.ToString("N0", CultureInfo.InvariantCulture), $"setup (ledger rows) {setupTime.TotalSeconds:F1} s; enqueue {enqueued.TotalSeconds:F1} s" },
                new[] { "Delivered (ledger / Teams)", $"{counts.Delivered:N0} / {delivered:N0}", $"failed {counts.Failed}, unreachable {counts.Unreachable}, unknown {counts.Unknown}, pending {counts.Pending}" },
                new[] { "Elapsed", $"{elapsed.TotalSeconds:F1} s", $"first to last accepted send {teams.ActiveSeconds:F1} s" },
                new[] { "Achieved rate", $"{rate:F0} msg/s", $"{rate / AllowedTenantRate:P0} of the allowed {AllowedTenantRate:F0}/s (paced at {PacedTenantRate:F0}/s)" },
                new[] { "Injected", $"{teams.Random429} × 429, {teams.Random500} × 500", "429 with Retry-After: 1" },
                new[] { "Limit violations", $"{teams.TenantViolations} tenant, {teams.ConversationViolations} conversation", "answered 429 by the fake, as Teams would" },
                new[] { "Lost", lost.ToString(CultureInfo.InvariantCulture), "recipients Teams never accepted a copy for" },
                new[] { "Duplicated", duplicated.ToString(CultureInfo.InvariantCulture), "recipients Teams accepted more than one copy for" },
            };
            if (!counts.IsComplete) rows.Add(["NOT FINISHED", $"{counts.Pending:N0} pending", "the run hit its 55 s bound"]);
            Print(output, ["Notices benchmark", "Result", "Detail"], rows);
        }
        finally
        {
            await tables.DeleteAllAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }

    private static void Print(TextWriter output, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
        output.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))));
    }

    /// <summary>A Bot Connector with Teams-like limits and faults. Counts what it accepted per conversation.</summary>
    private sealed class TeamsLike(double tenantRate) : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, Queue<long>> _perConversation = new(StringComparer.Ordinal);
        private readonly Queue<long> _tenant = new();
        private readonly Lock _lock = new();
        private long _first, _last;
        private int _next;

        public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);
        public int Random429, Random500, TenantViolations, ConversationViolations;

        public double ActiveSeconds => Math.Max(0.001, Stopwatch.GetElapsedTime(_first, _last).TotalSeconds);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken); // service latency
            var conversation = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath).Split('/')[3];
            var now = Stopwatch.GetTimestamp();
            var second = Stopwatch.Frequency;
            lock (_lock)
            {
                while (_tenant.Count > 0 && now - _tenant.Peek() >= second) _tenant.Dequeue();
                if (_tenant.Count >= tenantRate) { TenantViolations++; return Throttled(); }
                var window = _perConversation.GetOrAdd(conversation, _ => new Queue<long>());
                while (window.Count > 0 && now - window.Peek() >= second) window.Dequeue();
                if (window.Count >= 7) { ConversationViolations++; return Throttled(); }
                _tenant.Enqueue(now);
                window.Enqueue(now);
                var roll = Random.Shared.NextDouble();
                if (roll < 0.10) { Random429++; return Throttled(); }
                if (roll < 0.12) { Random500++; return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = Json("""{"error":{"code":"ServiceError","message":"boom"}}""") }; }
                if (_first == 0) _first = now;
                _last = now;
            }
            Accepted.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = Json($$"""{"id":"{{Interlocked.Increment(ref _next)}}"}""") };
        }

        private static HttpResponseMessage Throttled()
        {
            var response = new HttpResponseMessage((HttpStatusCode)429) { Content = Json("""{"error":{"code":"Throttled","message":"Too many requests"}}""") };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return response;
        }

        private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
    }

    private sealed class NoToken : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>(null);
    }

    private sealed class TrustAll : ITrustedServiceUrls
    {
        public bool IsTrusted(string serviceUrl) => true;
        public void Remember(string serviceUrl) { }
    }
}
