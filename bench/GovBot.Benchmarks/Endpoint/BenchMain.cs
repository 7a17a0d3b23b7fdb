using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovBot.SampleData;
using GovBot.Testing;

namespace GovBot.Benchmarks;

/// <summary>
/// <c>./govbot bench</c>: three suites on loopback, each bounded, printed as Markdown tables (about 5 minutes on 2 cores).
/// 1. /api/messages: GovBot and a bot on Microsoft's Agents SDK for JavaScript, side by side, authentication on.
/// 2. "my open actions" with 1k, 10k and 100k actions in Azurite.
/// 3. GovBot's start-up time to ready and its memory at idle and under load.
/// </summary>
public static class BenchMain
{
    private const int Concurrency = 16;
    private const int WarmupRequests = 300;
    private const int MeasuredRequests = 4_000;
    private static readonly TimeSpan MeasuredTime = TimeSpan.FromSeconds(25);
    private static readonly int[] ActionCounts = [1_000, 10_000, 100_000];
    private const int ScaleRequests = 200;
    private static readonly TimeSpan ScaleTime = TimeSpan.FromSeconds(10);
    // 100,000 actions take about 95 s to write into Azurite on 2 idle cores; the bound keeps a slower or busier machine
    // inside the 10-minute budget of the whole bench (the table then says how far seeding got).
    private static readonly TimeSpan SeedingBudget = TimeSpan.FromMinutes(4);

    public static async Task<int> RunAsync(string[] args)
    {
        var total = Stopwatch.StartNew();
        if (args is ["--seed-only", var n])
        {
            await using var store = await AzuriteProcess.StartAsync(useGiven: false);
            var seeding = Stopwatch.StartNew();
            await new SyntheticData(store.ConnectionString, "seed" + Guid.NewGuid().ToString("N")[..6]).GrowToAsync(int.Parse(n, CultureInfo.InvariantCulture), "lee-cox", DateTime.MaxValue, CancellationToken.None);
            Console.WriteLine($"seeded {n} actions in {seeding.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }

        var report = new StringBuilder();
        var data = MhhsSampleData.Build();
        var caller = data.People.Single(p => p.Id == MhhsSampleData.DemoPersonId);

        Console.Error.WriteLine($"[bench] machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, node {NodeVersion()}");
        await using var identity = new LocalIdentityAndConnector();
        await identity.StartAsync();
        await using var azurite = await AzuriteProcess.StartAsync(useGiven: false);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..6];
        var govBotSettings = GovBotSettings(identity, azurite.ConnectionString, prefix);

        // Suite 3 (first part): start-up on empty storage (creates tables, loads the sample data), then a restart.
        Step("GovBot start-up (empty storage, seeds the sample data)");
        TimeSpan firstStart;
        using (var first = await GovBotProcess.StartAsync(govBotSettings))
        {
            firstStart = first.StartupTime;
        }

        Step("GovBot start-up (storage already seeded)");
        using var govBot = await GovBotProcess.StartAsync(govBotSettings);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idleMb = WorkingSetMb(govBot.Process);

        Step("Agents SDK (JavaScript) bot start-up");
        using var agentsJs = await StartAgentsSdkBotAsync(identity);

        // Suite 1: the same question, the same load, both bots, authentication on.
        var token = identity.InboundToken();
        using var govLoad = new LoadGenerator(identity, govBot.MessagesEndpoint, token, caller.EntraObjectId!, caller.Name);
        using var jsLoad = new LoadGenerator(identity, new Uri(agentsJs.BaseUrl, "/api/messages"), token, caller.EntraObjectId!, caller.Name);
        var govRefuses = await RefusesWithoutTokenAsync(govBot.MessagesEndpoint, identity);
        var jsRefuses = await RefusesWithoutTokenAsync(new Uri(agentsJs.BaseUrl, "/api/messages"), identity);
        Require(govRefuses == 401 && jsRefuses == 401, $"Authentication is not on: without a token GovBot answered {govRefuses}, the Agents SDK bot {jsRefuses} (expected 401 from both).");
        Step("warm-up");
        var govWarm = await govLoad.RunAsync("warm-up GovBot", "CR043", Concurrency, WarmupRequests, TimeSpan.FromSeconds(30));
        var govCardBytes = identity.LastReplyBytes;
        var jsWarm = await jsLoad.RunAsync("warm-up JS", "CR043", Concurrency, WarmupRequests, TimeSpan.FromSeconds(30));
        var jsCardBytes = identity.LastReplyBytes;
        Require(govWarm.Count > 0, "GovBot answered none of the warm-up requests (authentication or connector trust failed?):\n" + Tail(govBot.Log()));
        Require(jsWarm.Count > 0, "The Agents SDK bot answered none of the warm-up requests:\n" + agentsJs.Tail());

        Step($"/api/messages \"CR043\": GovBot, {Concurrency} concurrent, up to {MeasuredRequests} turns or {MeasuredTime.TotalSeconds:0} s");
        var peakMb = 0.0;
        using var sampler = new Timer(_ => peakMb = Math.Max(peakMb, WorkingSetMb(govBot.Process)), null, 0, 200);
        var gov = await govLoad.RunAsync("GovBot (C#, .NET 10, own connector)", "CR043", Concurrency, MeasuredRequests, MeasuredTime);
        await sampler.DisposeAsync();
        var loadMb = Math.Max(peakMb, WorkingSetMb(govBot.Process));
        Step($"/api/messages \"CR043\": Agents SDK bot, same load");
        var js = await jsLoad.RunAsync("Microsoft 365 Agents SDK for JS (@microsoft/agents-hosting 1.8.1, Node " + NodeVersion() + ")", "CR043", Concurrency, MeasuredRequests, MeasuredTime);
        var jsMb = WorkingSetMb(agentsJs.Process);

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"### /api/messages: \"CR043\" answered with an Adaptive Card, authentication ON for both bots, {Concurrency} concurrent clients, loopback");
        report.AppendLine();
        report.AppendLine("Each turn: POST an activity with a bearer token (RS256, validated against the local issuer's keys) → the bot answers with a card through the fake connector, using its own outbound token (managed-identity endpoint). Latency = until the reply reaches the connector.");
        report.AppendLine();
        report.AppendLine("| Bot | turns | errors | turns/s | p50 ms | p99 ms | card bytes |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(Row(gov, govCardBytes));
        report.AppendLine(Row(js, jsCardBytes));
        report.AppendLine(CultureInfo.InvariantCulture, $"| **GovBot ÷ Agents SDK** | | | **{Ratio(gov.PerSecond, js.PerSecond)}** × throughput | {Ratio(gov.P50, js.P50)} × p50 | {Ratio(gov.P99, js.P99)} × p99 | |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Authentication check before the run: an activity without a token got {govRefuses} from GovBot and {jsRefuses} from the Agents SDK bot.");
        report.AppendLine(CultureInfo.InvariantCulture, $"GovBot's turn reads the change request, its decisions and meetings from Azurite; the JS bot builds its card in memory (no storage). Replies seen by the connector: {identity.Replies}, without a bearer token: {identity.UnauthenticatedReplies}; managed-identity token requests: {identity.ManagedIdentityCalls}.");

        // Suite 2: "my open actions" as the action log grows. Azurite's seeding rate bounds it (see SeedingBudget).
        var full = args.Contains("--full");
        var budget = full ? TimeSpan.MaxValue : SeedingBudget;
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"### \"my open actions\" as the action log grows (the caller owns {SyntheticData.ActionsPerOwner} synthetic actions + the sample data's; {SyntheticData.ActionsPerOwner} actions per owner; 1 client, sequential)");
        report.AppendLine();
        report.AppendLine("| actions in Azurite | seeding s (cumulative) | turns | p50 ms | p99 ms | Azurite alone: caller's index partition, p50 ms |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|");
        var synthetic = new SyntheticData(azurite.ConnectionString, prefix);
        var scale = new List<(int Actions, Stats Stats)>();
        var probes = new List<Stats>();
        var seedingTime = TimeSpan.Zero;
        var deadline = full ? DateTime.MaxValue : DateTime.UtcNow + budget;
        foreach (var count in ActionCounts)
        {
            Step($"seeding to {count:N0} actions");
            var seeding = Stopwatch.StartNew();
            var reached = await synthetic.GrowToAsync(count, caller.Id, deadline, CancellationToken.None);
            seedingTime += seeding.Elapsed;
            var seconds = seedingTime.TotalSeconds;
            Step($"\"my open actions\" at {reached:N0} actions");
            await govLoad.RunAsync("warm-up", "my open actions", 1, 20, TimeSpan.FromSeconds(10));
            var stats = await govLoad.RunAsync($"{reached}", "my open actions", 1, ScaleRequests, ScaleTime);
            var probe = await synthetic.ProbeOwnerPartitionAsync(caller.Id, 50, CancellationToken.None);
            scale.Add((reached, stats));
            probes.Add(probe);
            var label = reached < count ? $"{reached:N0} of {count:N0}: seeding budget of {budget.TotalSeconds:0} s spent" : $"{reached:N0}";
            report.AppendLine(CultureInfo.InvariantCulture, $"| {label} (+{data.Actions.Count} sample) | {seconds:0.0} | {stats.Count}{(stats.Errors > 0 ? $" ({stats.Errors} errors)" : "")} | {stats.P50:0.0} | {stats.P99:0.0} | {probe.P50:0.0} |");
            if (reached < count)
            {
                break;
            }
        }

        var (largest, largestStats) = scale[^1];
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Growth {largest / 1000:N0}k ÷ 1k actions: p50 × {Ratio(largestStats.P50, scale[0].Stats.P50)}, p99 × {Ratio(largestStats.P99, scale[0].Stats.P99)}; Azurite alone, one partition query: p50 × {Ratio(probes[^1].P50, probes[0].P50)}. The answer reads the caller's owner-index partitions (person, group memberships), not the log, so it should not grow with the log.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Seeding (the app's own writer, batch transactions, 4 chunks of 1,000 at a time) took {seedingTime.TotalSeconds:0} s in all{(full ? "" : $", bounded to {budget.TotalSeconds:0} s (`./govbot bench --full` lifts the bound)")}. Azurite's in-memory store gets slower as a table grows: a point write scans its partition and a partition query scans the whole table (last column); on Azure Table Storage neither depends on the size of other partitions.");
        report.AppendLine();

        // Suite 3: start-up and memory.
        report.AppendLine();
        report.AppendLine("### GovBot process: start-up and memory");
        report.AppendLine();
        report.AppendLine("| measure | value |");
        report.AppendLine("|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| start-up to /readyz 200, first start on empty storage (/readyz waits until the tables exist and the sample data is written) | {firstStart.TotalMilliseconds:0} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| start-up to /readyz 200, storage already seeded | {govBot.StartupTime.TotalMilliseconds:0} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| working set at idle (3 s after ready) | {idleMb:0} MB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| working set under load (peak during the {Concurrency}-client run) | {loadMb:0} MB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| working set after the {largest:N0}-action run | {WorkingSetMb(govBot.Process):0} MB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| for comparison: Agents SDK JS bot (node) working set after its load run | {jsMb:0} MB |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}), .NET {Environment.Version}, Node {NodeVersion()}; load generator, Azurite and both bots share these cores. Total bench time {total.Elapsed.TotalSeconds:0} s.");

        Console.WriteLine(report.ToString());
        return 0;
    }

    private static Dictionary<string, string?> GovBotSettings(LocalIdentityAndConnector identity, string storage, string prefix) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__ConnectionString"] = storage,
        ["Storage__TablePrefix"] = prefix,
        // No Clock__StartAt: the app's clock also judges token lifetimes, and the issuer's tokens are issued now.
        ["Clock__StartAt"] = null,
        ["SampleData__SeedWhenEmpty"] = "true",
        ["Bot__AppId"] = LocalIdentityAndConnector.AppId,
        ["Bot__TenantId"] = LocalIdentityAndConnector.TenantId,
        ["Bot__AppType"] = "UserAssignedMSI",
        ["Bot__AllowedTenants"] = LocalIdentityAndConnector.TenantId,
        ["Bot__TrustedServiceUrls"] = identity.ServiceUrl,
        ["Bot__Authentication__EntraOpenIdMetadataUrl"] = identity.EntraMetadataUrl,
        ["Bot__Authentication__ChannelOpenIdMetadataUrl"] = identity.EntraMetadataUrl,
        ["IDENTITY_ENDPOINT"] = identity.ManagedIdentityEndpoint,
        ["IDENTITY_HEADER"] = LocalIdentityAndConnector.IdentityHeader,
        // Production requires these for the notices' signed links; the bench follows no link, so a key made for this
        // run and an address nobody serves are enough.
        ["Notices__LinkSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Notices__PublicBaseUrl"] = "https://govbot.bench.invalid/",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static async Task<AgentsSdkBot> StartAgentsSdkBotAsync(LocalIdentityAndConnector identity)
    {
        var dir = Path.Combine(RepoPaths.Root(), "bench", "agents-sdk-js");
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

    /// <summary>The status a bot answers to an activity with no Authorization header.</summary>
    private static async Task<int> RefusesWithoutTokenAsync(Uri endpoint, LocalIdentityAndConnector identity)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var body = $$"""{"type":"message","id":"no-token","serviceUrl":"{{identity.ServiceUrl}}","channelId":"msteams","from":{"id":"29:x"},"conversation":{"id":"a:x","tenantId":"{{LocalIdentityAndConnector.TenantId}}"},"recipient":{"id":"28:x"},"text":"CR043"}""";
        using var response = await http.PostAsync(endpoint, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        return (int)response.StatusCode;
    }

    private static string Row(Stats s, int cardBytes) => string.Create(CultureInfo.InvariantCulture,
        $"| {s.Name} | {s.Count} | {s.Errors} | {s.PerSecond:0} | {s.P50:0.0} | {s.P99:0.0} | {cardBytes} |");

    private static string Ratio(double a, double b) => b > 0 && !double.IsNaN(a) ? (a / b).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

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

    private static string NodeVersion()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var version = node.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit(5000);
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }

    private static void Step(string what) => Console.Error.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} {what}");

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
}
