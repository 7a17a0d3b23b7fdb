using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovBot.SampleData;
using GovBot.Testing;

namespace GovBot.Benchmarks;

/// <summary>
/// <c>./govbot bench</c> (no suite): "my open actions" with 1k, 10k and 100k actions in Azurite, on loopback, bounded,
/// printed as a Markdown table. The /api/messages comparison and start-up/memory moved to <see cref="ChatBenchmark"/>
/// (<c>./govbot bench chat</c>).
/// </summary>
public static class BenchMain
{
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

        Console.Error.WriteLine($"[bench] machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await using var identity = new LocalIdentityAndConnector();
        await identity.StartAsync();
        await using var azurite = await AzuriteProcess.StartAsync(useGiven: false);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..6];

        Step("GovBot start-up");
        using var govBot = await GovBotProcess.StartAsync(ChatBenchmark.GovBotSettings(identity, azurite.ConnectionString, prefix));
        var token = identity.InboundToken();
        using var govLoad = new LoadGenerator(identity, govBot.MessagesEndpoint, token, caller.EntraObjectId!, caller.Name);

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

        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}), .NET {Environment.Version}; load generator, Azurite and GovBot share these cores. Total bench time {total.Elapsed.TotalSeconds:0} s.");

        Console.WriteLine(report.ToString());
        return 0;
    }

    private static string Ratio(double a, double b) => b > 0 && !double.IsNaN(a) ? (a / b).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static void Step(string what) => Console.Error.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} {what}");
}
