using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GovBot.SampleData;
using GovBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovBot.Benchmarks;

/// <summary>
/// <c>./govbot bench chat</c>: GovBot and a bot on Microsoft's Agents SDK for JavaScript answer the same "CR043"
/// load, authentication on for both, in alternating rounds (GovBot, JS, GovBot, JS, GovBot, JS). Each round reports
/// the CPU time per turn of every process separately (kernel accounting, sampled before and after the round), which
/// hardly moves with the machine's other work, beside throughput and latency, which do. Also: what GovBot's turn asks
/// of storage (counted through a proxy in front of Azurite), start-up to ready and working sets.
/// </summary>
public static class ChatBenchmark
{
    private const string Question = "CR043";
    private const int Concurrency = 16;
    private const int WarmupTurns = 1_500;
    private const int WarmupPasses = 2;
    private const int RoundTurns = 5_000;
    private const int Rounds = 3;
    private const int CountedTurns = 50;
    private static readonly TimeSpan RoundTime = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(2);

    private const string GovBotName = "GovBot";
    private const string JsName = "JS bot (node)";
    private const string AzuriteName = "Azurite";
    private const string BenchName = "bench process";

    public static async Task RunAsync(TextWriter output)
    {
        var total = Stopwatch.StartNew();
        var data = MhhsSampleData.Build();
        var caller = data.People.Single(p => p.Id == MhhsSampleData.DemoPersonId);
        var node = NodeVersion();
        Step($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}, node {node}");

        await using var identity = new LocalIdentityAndConnector();
        await identity.StartAsync();
        await using var azurite = await AzuriteProcess.StartAsync(useGiven: false);
        var prefix = "chat" + Guid.NewGuid().ToString("N")[..6];
        var token = identity.InboundToken();

        Step("GovBot start-up on empty storage (seeds the sample data)");
        TimeSpan firstStart;
        using (var first = await GovBotProcess.StartAsync(GovBotBenchSettings.For(identity, azurite.ConnectionString, prefix)))
        {
            firstStart = first.StartupTime;
        }

        // A separate process on the seeded storage, through a counting proxy (which would slow the measured one down):
        // what a turn asks of storage.
        Step("GovBot through the counting proxy: storage requests per turn");
        await using var proxy = await StorageRecorder.StartAsync(azurite.ConnectionString, prefix);
        StorageCount idle, counted;
        using (var counting = await GovBotProcess.StartAsync(GovBotBenchSettings.For(identity, proxy.ConnectionString, prefix)))
        {
            using var countLoad = new LoadGenerator(identity, counting.MessagesEndpoint, token, caller.EntraObjectId!, caller.Name);
            // A few warm turns first (first-time caches of the process); the counted run then starts a new conversation,
            // so its first turn's extra work (the conversation's reference) is counted once among its turns.
            await countLoad.RunAsync("count warm-up", Question, 1, 5, TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Step($"storage requests: {IdleWindow.TotalSeconds:0} s idle, then {CountedTurns} sequential turns");
            proxy.Clear();
            await Task.Delay(IdleWindow);
            idle = StorageCount.Of(proxy.Requests, 0);
            proxy.Clear();
            var turns = await countLoad.RunAsync("counted", Question, 1, CountedTurns, TimeSpan.FromSeconds(20));
            counted = StorageCount.Of(proxy.Requests, turns.Count) with { Elapsed = turns.Elapsed };
        }

        Step("GovBot start-up on seeded storage (the bot measured below)");
        using var govBot = await GovBotProcess.StartAsync(GovBotBenchSettings.For(identity, azurite.ConnectionString, prefix));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var govIdleMb = WorkingSetMb(govBot.Process);

        Step("Agents SDK (JavaScript) bot start-up");
        using var js = await StartAgentsSdkBotAsync(identity);
        var jsIdleMb = WorkingSetMb(js.Process);

        var govEndpoint = govBot.MessagesEndpoint;
        var jsEndpoint = new Uri(js.BaseUrl, "/api/messages");
        var govRefuses = await RefusesWithoutTokenAsync(govEndpoint, identity);
        var jsRefuses = await RefusesWithoutTokenAsync(jsEndpoint, identity);
        Require(govRefuses == 401 && jsRefuses == 401, $"Authentication is not on: without a token GovBot answered {govRefuses}, the Agents SDK bot {jsRefuses} (expected 401 from both).");

        using var govLoad = new LoadGenerator(identity, govEndpoint, token, caller.EntraObjectId!, caller.Name);
        using var jsLoad = new LoadGenerator(identity, jsEndpoint, token, caller.EntraObjectId!, caller.Name);
        // Two alternating passes: the first leaves code to be recompiled by the tiered JIT (and V8's optimiser), which
        // otherwise lands in the first measured round.
        Stats govWarm = new("none"), jsWarm = new("none");
        var govCardBytes = 0;
        var jsCardBytes = 0;
        for (var pass = 1; pass <= WarmupPasses; pass++)
        {
            Step($"warm-up pass {pass} of {WarmupPasses}");
            govWarm = await govLoad.RunAsync("warm-up GovBot", Question, Concurrency, WarmupTurns, TimeSpan.FromSeconds(30));
            govCardBytes = identity.LastReplyBytes;
            jsWarm = await jsLoad.RunAsync("warm-up JS", Question, Concurrency, WarmupTurns, TimeSpan.FromSeconds(30));
            jsCardBytes = identity.LastReplyBytes;
        }

        // A quiet moment: .NET's tiered JIT recompiles hot methods once new compilations stop for a while, which a steady
        // load postpones; without it the first GovBot round paid for that (about 1.0 instead of 0.7 ms a turn).
        await Task.Delay(TimeSpan.FromSeconds(3));
        Require(govWarm.Count > 0, "GovBot answered none of the warm-up turns (authentication or connector trust failed?):\n" + Tail(govBot.Log()));
        Require(jsWarm.Count > 0, "The Agents SDK bot answered none of the warm-up turns:\n" + js.Tail());

        var cpu = new ProcessCpu()
            .Watch(GovBotName, govBot.Process)
            .Watch(JsName, js.Process)
            .Watch(AzuriteName, azurite.Process)
            .Watch(BenchName, Process.GetCurrentProcess());
        var rounds = new List<Round>();
        var govPeakMb = 0.0;
        var jsPeakMb = 0.0;
        for (var r = 1; r <= Rounds; r++)
        {
            foreach (var (bot, load, process) in new[] { (GovBotName, govLoad, govBot.Process), (JsName, jsLoad, js.Process) })
            {
                Step($"round {r}: {bot}, {Concurrency} concurrent, up to {RoundTurns} turns or {RoundTime.TotalSeconds:0} s");
                var peak = 0.0;
                using (var sampler = new Timer(_ => peak = Math.Max(peak, WorkingSetMb(process)), null, 0, 200))
                {
                    var (stats, spent) = await cpu.MeasureAsync(() => load.RunAsync(bot, Question, Concurrency, RoundTurns, RoundTime));
                    rounds.Add(new Round(r, bot, stats, spent));
                }

                peak = Math.Max(peak, WorkingSetMb(process));
                if (bot == GovBotName) govPeakMb = Math.Max(govPeakMb, peak);
                else jsPeakMb = Math.Max(jsPeakMb, peak);
            }
        }

        Print(output, rounds, counted, idle, firstStart, govBot.StartupTime, govIdleMb, govPeakMb, jsIdleMb, jsPeakMb,
            govRefuses, jsRefuses, govCardBytes, jsCardBytes, identity, node, total.Elapsed);
    }

    private sealed record Round(int Number, string Bot, Stats Stats, IReadOnlyDictionary<string, TimeSpan> Cpu)
    {
        public double CpuMsPerTurn(string process) =>
            Stats.Count > 0 ? Cpu.GetValueOrDefault(process).TotalMilliseconds / Stats.Count : double.NaN;
    }

    private static void Print(TextWriter output, List<Round> rounds, StorageCount counted, StorageCount idle, TimeSpan firstStart, TimeSpan seededStart,
        double govIdleMb, double govPeakMb, double jsIdleMb, double jsPeakMb, int govRefuses, int jsRefuses, int govCardBytes, int jsCardBytes,
        LocalIdentityAndConnector identity, string node, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double v, string format = "0.00") => double.IsNaN(v) ? "n/a" : v.ToString(format, inv);
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"### Chat: \"{Question}\" answered with an Adaptive Card by GovBot and by the Agents SDK for JS bot, authentication ON for both, {Concurrency} concurrent clients, {Rounds} alternating rounds"));
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"Each turn: POST an activity with a bearer token (RS256, checked against the local issuer's keys) → the bot answers with a card through the fake connector, using its own outbound token (managed-identity endpoint). Latency runs until the reply reaches the connector. Each round: up to {RoundTurns} turns or {RoundTime.TotalSeconds:0} s, after {WarmupPasses} alternating warm-up passes of {WarmupTurns} turns per bot. CPU = user + system time of each process from the kernel's accounting, read before and after the round, divided by the round's turns; the bot that is not under load sits idle in that round. The \"{BenchName}\" is the load generator and also hosts the fake connector, the token issuer and the managed-identity endpoint, so its CPU includes receiving both bots' replies. Left out: real Teams and Entra, TLS, the network; the JS bot does no storage work."));
        output.WriteLine();
        var header = new[] { "round", "bot", "turns", "errors", "turns/s", "p50 ms", "p99 ms", $"CPU ms/turn: {GovBotName}", JsName, AzuriteName, BenchName };
        var rows = rounds.Select(r => new[]
        {
            r.Number.ToString(inv), r.Bot, r.Stats.Count.ToString(inv), r.Stats.Errors.ToString(inv), F(r.Stats.PerSecond, "0"), F(r.Stats.P50, "0.0"), F(r.Stats.P99, "0.0"),
            F(r.CpuMsPerTurn(GovBotName), "0.000"), F(r.CpuMsPerTurn(JsName), "0.000"), F(r.CpuMsPerTurn(AzuriteName), "0.000"), F(r.CpuMsPerTurn(BenchName), "0.000"),
        }).ToList();
        BenchTable.Print(output, header, rows);
        output.WriteLine();

        // Pairs: GovBot's round r against the JS bot's round r, which ran right after it.
        var pairs = Enumerable.Range(1, Rounds)
            .Select(n => (Gov: rounds.Single(r => r.Number == n && r.Bot == GovBotName), Js: rounds.Single(r => r.Number == n && r.Bot == JsName)))
            .ToList();
        var throughput = new Spread(pairs.Select(p => p.Gov.Stats.PerSecond / p.Js.Stats.PerSecond).ToList());
        var botCpu = new Spread(pairs.Select(p => p.Gov.CpuMsPerTurn(GovBotName) / p.Js.CpuMsPerTurn(JsName)).ToList());
        var withStorage = new Spread(pairs.Select(p => (p.Gov.CpuMsPerTurn(GovBotName) + p.Gov.CpuMsPerTurn(AzuriteName)) / p.Js.CpuMsPerTurn(JsName)).ToList());
        var govCpu = new Spread(pairs.Select(p => p.Gov.CpuMsPerTurn(GovBotName)).ToList());
        var jsCpu = new Spread(pairs.Select(p => p.Js.CpuMsPerTurn(JsName)).ToList());
        BenchTable.Print(output, ["GovBot ÷ JS bot, median (min–max) of the 3 round pairs", "value"],
        [
            ["throughput (turns/s)", throughput.Format() + " ×"],
            ["CPU per turn of the bot's own process", botCpu.Format() + " ×"],
            ["CPU per turn, GovBot + Azurite ÷ JS bot (GovBot's storage work counted against it)", withStorage.Format() + " ×"],
            ["GovBot's CPU ms per turn", govCpu.Format("0.000")],
            ["JS bot's CPU ms per turn", jsCpu.Format("0.000")],
        ]);
        output.WriteLine();
        var met = botCpu.Max <= 0.5 ? "met in every round pair" : botCpu.Median <= 0.5 ? $"met at the median but not in every pair (worst {F(botCpu.Max)}×)" : $"not met (median {F(botCpu.Median)}×)";
        output.WriteLine(string.Create(inv, $"Goal (issue 17): GovBot's CPU per turn ≤ 0.5× the JS bot's, authentication on for both, with GovBot doing its storage work: **{met}**."));
        output.WriteLine();

        var perTurn = counted.Turns > 0 ? (double)counted.Requests / counted.Turns : double.NaN;
        var idleDuringTurns = idle.Requests * (counted.Elapsed.TotalSeconds / IdleWindow.TotalSeconds);
        output.WriteLine(string.Create(inv, $"What GovBot's turn asks of storage, counted at a proxy in front of Azurite on a separate GovBot process (not the one measured above), over {counted.Turns} sequential \"{Question}\" turns in one conversation: **{F(perTurn)} storage requests per turn** ({counted.Requests} in {counted.Elapsed.TotalSeconds:0.0} s; in a {IdleWindow.TotalSeconds:0} s idle window just before, {idle.Requests} requests from the background services, ≈ {idleDuringTurns:0} over the same time), {F(counted.Turns > 0 ? (double)counted.Entities / counted.Turns : double.NaN)} entities returned per turn. By kind:"));
        output.WriteLine();
        BenchTable.Print(output, ["request", "count", "per turn", "entities returned"],
            counted.ByKind.OrderByDescending(k => k.Value.Requests).Select(k => new[]
            {
                k.Key, k.Value.Requests.ToString(inv), F(counted.Turns > 0 ? (double)k.Value.Requests / counted.Turns : double.NaN), k.Value.Entities.ToString(inv),
            }).ToList());
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"Authentication check before the rounds: an activity without a token got {govRefuses} from GovBot and {jsRefuses} from the Agents SDK bot. Card bytes: GovBot {govCardBytes}, JS bot {jsCardBytes}. Replies seen by the connector: {identity.Replies}, without a bearer token: {identity.UnauthenticatedReplies}; managed-identity token requests: {identity.ManagedIdentityCalls}."));
        output.WriteLine();
        BenchTable.Print(output, ["start-up and memory", "value"],
        [
            ["GovBot start-up to /readyz 200, empty storage (/readyz waits for the tables and the sample data)", F(firstStart.TotalMilliseconds, "0") + " ms"],
            ["GovBot start-up to /readyz 200, storage already seeded", F(seededStart.TotalMilliseconds, "0") + " ms"],
            ["GovBot working set at idle (3 s after ready)", F(govIdleMb, "0") + " MB"],
            ["GovBot working set under load (peak over its rounds)", F(govPeakMb, "0") + " MB"],
            ["JS bot (node) working set at idle (after ready)", F(jsIdleMb, "0") + " MB"],
            ["JS bot (node) working set under load (peak over its rounds)", F(jsPeakMb, "0") + " MB"],
        ]);
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"Machine: {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}), .NET {Environment.Version}, Node {node}, @microsoft/agents-hosting {AgentsHostingVersion()}; the bench process, Azurite and both bots share these cores. Suite time {elapsed.TotalSeconds:0} s."));
    }

    private static async Task<AgentsSdkBot> StartAgentsSdkBotAsync(LocalIdentityAndConnector identity)
    {
        var dir = AgentsSdkDirectory();
        if (!File.Exists(Path.Combine(dir, "node_modules", "@microsoft", "agents-hosting", "package.json")))
        {
            throw new InvalidOperationException($"The Agents SDK bot's packages are not installed in {dir}: run ./govbot bench (it runs npm ci there).");
        }

        var port = RepoPaths.FreePort();
        const string settings = "Connections__ServiceConnection__Settings__";
        var child = ChildProcess.Start("Agents SDK bot", "node", [Path.Combine(dir, "bot.js")], dir, new Dictionary<string, string?>
        {
            ["PORT"] = $"{port}",
            ["NODE_ENV"] = "production",
            [settings + "ClientId"] = LocalIdentityAndConnector.AppId,
            [settings + "TenantId"] = LocalIdentityAndConnector.TenantId,
            [settings + "AuthType"] = "UserManagedIdentity",
            [settings + "AuthorityEndpoint"] = identity.AgentsSdkAuthority,
            [settings + "Issuers"] = LocalIdentityAndConnector.Issuer,
            ["ConnectionsMap__0__ServiceUrl"] = "*",
            ["ConnectionsMap__0__Connection"] = "ServiceConnection",
            ["IDENTITY_ENDPOINT"] = identity.ManagedIdentityEndpoint,
            ["IDENTITY_HEADER"] = LocalIdentityAndConnector.IdentityHeader,
            ["DEBUG"] = null,
        });
        var bot = new AgentsSdkBot(child, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            await child.WaitUntilAsync(async ct => (await http.GetAsync(new Uri(bot.BaseUrl, "/readyz"), ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "/readyz answered 200");
        }
        catch
        {
            bot.Dispose();
            throw;
        }

        return bot;
    }

    private static string AgentsSdkDirectory() => Path.Combine(RepoPaths.Root(), "bench", "agents-sdk-js");

    private static string AgentsHostingVersion()
    {
        try
        {
            using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(AgentsSdkDirectory(), "node_modules", "@microsoft", "agents-hosting", "package.json")));
            return package.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException)
        {
            return "?";
        }
    }

    /// <summary>The status a bot answers to an activity with no Authorization header.</summary>
    private static async Task<int> RefusesWithoutTokenAsync(Uri endpoint, LocalIdentityAndConnector identity)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var body = $$"""{"type":"message","id":"no-token","serviceUrl":"{{identity.ServiceUrl}}","channelId":"msteams","from":{"id":"29:x"},"conversation":{"id":"a:x","tenantId":"{{LocalIdentityAndConnector.TenantId}}"},"recipient":{"id":"28:x"},"text":"CR043"}""";
        using var response = await http.PostAsync(endpoint, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        return (int)response.StatusCode;
    }

    private static double WorkingSetMb(Process p)
    {
        try
        {
            p.Refresh();
            return p.WorkingSet64 / 1024.0 / 1024.0;
        }
        catch (InvalidOperationException)
        {
            return double.NaN;
        }
    }

    private static string NodeVersion() => BenchmarkProgram.Tool("node", "--version");

    private static void Step(string what) => Console.Error.WriteLine($"[bench chat] {DateTime.Now:HH:mm:ss} {what}");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    /// <summary>The node process of the Agents SDK bot.</summary>
    private sealed class AgentsSdkBot(ChildProcess child, Uri baseUrl) : IDisposable
    {
        public Uri BaseUrl { get; } = baseUrl;
        public Process Process => child.Process;

        public string Tail() => child.Tail();

        public void Dispose() => child.Dispose();
    }

    private sealed record KindCount(int Requests, int Entities);

    private sealed record StorageCount(int Turns, int Requests, int Entities, IReadOnlyDictionary<string, KindCount> ByKind)
    {
        public TimeSpan Elapsed { get; init; }

        /// <summary>What the recording proxy saw, by kind and table ("point read (ChangeRequests)").</summary>
        public static StorageCount Of(IReadOnlyList<StorageRequest> requests, int turns) => new(turns, requests.Count, requests.Sum(r => r.Entities),
            requests.GroupBy(r => r.Table.Length > 0 ? $"{r.Kind} ({r.Table})" : r.Kind, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new KindCount(g.Count(), g.Sum(r => r.Entities)), StringComparer.Ordinal));
    }

}
