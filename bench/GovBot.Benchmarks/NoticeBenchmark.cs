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
/// A notice to 5,000 recipients through the real durable path (Azurite queue and ledger, the dispatcher, the shared
/// outbox with its pacer, the connector client with its Retry-After retries) against a fake Bot Connector that
/// behaves like Teams: a per-tenant limit (50/s, then 500/s) and 7 a second per conversation, answering 429 to
/// anything over them; 1 % random 500; 0.5 % "accepted, then the connection drops" (Teams shows the copy, GovBot
/// never sees the answer: a re-send would be a duplicate); and twice a run Teams is busy for a second (429 with
/// Retry-After: 1 to everything). GovBot is paced at the limit itself. Reports the delivered rate as a share of the
/// limit (the busy seconds, when the limit is zero, excluded), the 429s our own pacing caused, and lost and duplicated
/// copies (both must be 0). At 50/s the notice goes to 1,000 recipients (20 s of pacing shows the rate as well as 5,000
/// would, and leaves room in the whole bench's 10 minutes); at 500/s to 5,000. <c>--quick</c>: 1,000 at both.
/// Azurite: GOVBOT_TEST_STORAGE (a connection string), else node_modules/azurite is started.
/// </summary>
internal static class NoticeBenchmark
{
    private const string ServiceUrl = "https://connector.bench/";

    public static async Task RunAsync(TextWriter output, bool quick = false)
    {
        await using var azurite = await GovBot.Testing.AzuriteProcess.StartAsync(); // GOVBOT_TEST_STORAGE, else a private in-memory one
        var rows = new List<string[]>();
        foreach (var (limit, recipients) in new[] { (50, 1_000), (500, quick ? 1_000 : 5_000) })
        {
            var r = await RunOnceAsync(azurite.ConnectionString, recipients, limit);
            rows.Add([
                $"{recipients:N0} at {limit}/s",
                $"{r.Elapsed.TotalSeconds:F0} s",
                $"{r.Rate:F1}/s ({r.Rate / limit:P1})",
                $"{r.OwnThrottled} ({(double)r.OwnThrottled / Math.Max(1, r.Attempts):P2} of {r.Attempts:N0})",
                $"{r.Busy429} / {r.Injected500} / {r.Dropped}",
                $"{r.Delivered:N0} / {r.Unknown} / {r.Failed}",
                r.Lost.ToString(CultureInfo.InvariantCulture),
                r.Duplicated.ToString(CultureInfo.InvariantCulture) + (r.Finished ? "" : " (NOT FINISHED)"),
            ]);
        }
        BenchTable.Print(output, ["Notice fan-out", "Elapsed", "Delivered rate (of limit)", "429 from our pacing", "Injected: busy 429 / 500 / dropped", "Delivered / unknown / failed", "Lost", "Duplicated"], rows);
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            "One GovBot (in this process) on Azurite: the notice's queue, ledger and claim/outcome transactions are real storage. " +
            "Tenant limit: the fake Teams enforces the row's limit and GovBot is paced at the same (Outbox:TenantRatePerSecond); " +
            "7/s per conversation on both sides. Delivered rate = copies Teams accepted per second between the first and the last, " +
            "less the seconds Teams was busy. Left out: a real Teams' latency (the fake answers at once, in process, without a " +
            "network hop) and other work on the instance; the instances suite runs the notice beside chat load and a reminder run.");
    }

    private sealed record Result(TimeSpan Elapsed, double Rate, int Attempts, int OwnThrottled, int Busy429, int Injected500, int Dropped, int Delivered, int Unknown, int Failed, int Lost, int Duplicated, bool Finished);

    private static async Task<Result> RunOnceAsync(string connectionString, int count, int limit)
    {
        var prefix = "nb" + Guid.NewGuid().ToString("N")[..8];
        var teams = new TeamsLike(limit, count);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Outbox:TenantRatePerSecond"] = limit.ToString(CultureInfo.InvariantCulture), // paced at the limit itself
            ["Notices:MaxParallelSends"] = Math.Clamp(limit / 4, 8, 64).ToString(CultureInfo.InvariantCulture), // a few seconds of copies admitted ahead
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
            .AddSingleton(GovBotFeatures.Tables)
            .AddSingleton(new ConnectorClient(new HttpClient(teams), new NoToken(), new TrustAll(), new ConnectorRetryPolicy(TimeProvider.System)))
            .BuildServiceProvider();
        var tables = services.GetRequiredService<GovBotTables>();
        await tables.EnsureCreatedAsync(CancellationToken.None);
        try
        {
            var recipients = Enumerable.Range(0, count).Select(i => Recipient.Conversation($"19:bench{i:D5}@thread.tacv2")).ToList();
            var store = services.GetRequiredService<NoticeStore>();
            var draft = await store.CreateDraftAsync(new NoticeDetails("DAG", "34", "DAG 34", new(2030, 3, 13), new(10, 0), new(12, 30), "Elexon", null, "1. Welcome", null, null), "bench", CancellationToken.None);
            var ledger = services.GetRequiredService<INoticeLedger>();
            var now = DateTimeOffset.UtcNow;
            await ledger.AddQueuedAsync(draft.Number, recipients.Select(r => new Delivery(draft.Number, r, r.Id, DeliveryState.Queued, 0, now, ServiceUrl, r.Id, null, null, 0, 0, default)).ToList(), CancellationToken.None);
            var found = await store.GetAsync(draft.Number, CancellationToken.None);
            await store.ReplaceAsync(found!.Value.Notice with { Status = NoticeStatus.Sent, SentAt = now }, found.Value.ETag, CancellationToken.None);

            var clock = Stopwatch.StartNew();
            var enqueue = services.GetRequiredService<INoticeQueue>().EnqueueAsync(NoticeJob.For(NoticeJobKind.Send, draft.Number, recipients.Select(r => r.Key)), CancellationToken.None);
            // Bounded: one and a half times the ideal duration, plus a minute.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(count * 1.5 / limit + 60));
            var worker = services.GetRequiredService<NoticeWorker>().RunAsync(stop.Token);
            await enqueue;
            IReadOnlyList<Delivery> outcomes = [];
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(1000);
                outcomes = await ledger.ListAsync(draft.Number, CancellationToken.None);
                if (DeliveryCounts.Of(outcomes).IsComplete) break;
            }
            var elapsed = clock.Elapsed;
            await stop.CancelAsync();
            await worker;
            outcomes = await ledger.ListAsync(draft.Number, CancellationToken.None);

            var counts = DeliveryCounts.Of(outcomes);
            // Lost: a recipient Teams never accepted a copy for although its outcome is final.
            var pending = outcomes.Where(d => d.State is DeliveryState.Queued or DeliveryState.Sending).Select(d => d.Recipient.Id).ToHashSet(StringComparer.Ordinal);
            var lost = recipients.Count(r => !teams.Accepted.ContainsKey(r.Id) && !pending.Contains(r.Id));
            var duplicated = teams.Accepted.Values.Count(n => n > 1);
            var rate = teams.Accepted.Values.Sum() / Math.Max(0.001, teams.ActiveSeconds - teams.BusySeconds);
            return new(elapsed, rate, teams.Attempts, teams.TenantViolations + teams.ConversationViolations, teams.Busy429, teams.Random500, teams.Dropped,
                counts.Delivered, counts.Unknown, counts.Failed, lost, duplicated, counts.IsComplete);
        }
        finally
        {
            await tables.DeleteAllAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }

    /// <summary>A Bot Connector with Teams-like limits and faults. Counts what it accepted (showed) per conversation.</summary>
    private sealed class TeamsLike(int tenantLimit, int recipients) : HttpMessageHandler
    {
        private static readonly long Second = Stopwatch.Frequency;
        private readonly ConcurrentDictionary<string, Queue<long>> _perConversation = new(StringComparer.Ordinal);
        private readonly Queue<long> _tenant = new();
        private readonly Lock _lock = new();
        private readonly int[] _busyAt = [recipients * 2 / 5, recipients * 7 / 10]; // Teams turns busy after this many accepted
        private long _first, _last, _busyUntil;
        private int _next, _accepted, _busyEpisodes;

        public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);
        public int Attempts, Random500, Dropped, Busy429, TenantViolations, ConversationViolations;

        public double ActiveSeconds => Math.Max(0.001, Stopwatch.GetElapsedTime(_first, _last).TotalSeconds);
        public double BusySeconds => _busyEpisodes;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Teams counts a request when it arrives; the answer then takes a few milliseconds (see the end).
            var conversation = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath).Split('/')[3];
            var drop = false;
            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                Attempts++;
                if (now < _busyUntil) { Busy429++; return Throttled(); }
                if (_busyEpisodes < _busyAt.Length && _accepted >= _busyAt[_busyEpisodes])
                {
                    _busyUntil = now + Second;
                    _busyEpisodes++;
                    Busy429++;
                    return Throttled();
                }
                while (_tenant.Count > 0 && now - _tenant.Peek() >= Second) _tenant.Dequeue();
                if (_tenant.Count >= tenantLimit) { TenantViolations++; return Throttled(); }
                var window = _perConversation.GetOrAdd(conversation, _ => new Queue<long>());
                while (window.Count > 0 && now - window.Peek() >= Second) window.Dequeue();
                if (window.Count >= 7) { ConversationViolations++; return Throttled(); }
                _tenant.Enqueue(now);
                window.Enqueue(now);
                var roll = Random.Shared.NextDouble();
                if (roll < 0.01) { Random500++; return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = Json("""{"error":{"code":"ServiceError","message":"boom"}}""") }; }
                drop = roll < 0.015;
                if (drop) Dropped++;
                if (_first == 0) _first = now;
                _last = now;
                _accepted++;
            }
            Accepted.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            await Task.Delay(5, cancellationToken); // service latency
            // Shown in Teams, but the connection drops before the answer: what SocketsHttpHandler throws then.
            if (drop) throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
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
