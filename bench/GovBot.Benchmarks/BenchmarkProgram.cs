using System.Diagnostics;
using System.Globalization;

namespace GovBot.Benchmarks;

/// <summary>
/// Entry point of <c>./govbot bench</c>. With no suite, every suite in turn, in one report headed by the run's date,
/// commit and machine (what the README's figures cite); with a suite's name, that suite alone. <c>--quick</c> asks the
/// suites that have one for their shorter sizes.
/// </summary>
internal static class BenchmarkProgram
{
    /// <summary>The whole bench has to fit in this on 2 cores (issue 17); the report says whether it did.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    private sealed record Suite(string Name, string What, Func<TextWriter, bool, Task> RunAsync);

    private static readonly Suite[] Suites =
    [
        new("chat", "GovBot and the Agents SDK for JS bot, three alternating rounds: CPU per turn per process, throughput, start-up and memory", (output, _) => ChatBenchmark.RunAsync(output)),
        new("scale", "storage requests, entities read and GovBot's CPU per question at 1k / 10k / 100k actions and passages", (output, quick) => ScaleBenchmark.RunAsync(output, quick)),
        new("search", "the search index at 10,000 passages + 10,000 records, in process", (output, _) => SearchBenchmark.RunAsync(output)),
        new("reminders", "planning and sending a reminder run, in process", (output, _) => ReminderBenchmark.RunAsync(output)),
        new("notices", "a 5,000-recipient notice through the outbox on Azurite", (output, quick) => NoticeBenchmark.RunAsync(output, quick)),
        new("instances", "two GovBot instances on one storage account: chat, a 5,000-recipient notice and a reminder run at once, one SIGKILLed", (output, quick) => InstancesBenchmark.RunAsync(output, quick)),
    ];

    private static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var unknown = names.Where(n => Suites.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown suite {string.Join(", ", unknown)}. Usage: GovBot.Benchmarks [--quick] [{string.Join(" | ", Suites.Select(s => s.Name))}]");
            return 2;
        }

        var chosen = names.Count == 0 ? Suites : Suites.Where(s => names.Contains(s.Name)).ToArray();
        var output = Console.Out;
        var total = Stopwatch.StartNew();
        await output.WriteLineAsync(RunHeader(chosen, quick));
        var timings = new List<(string Suite, TimeSpan Elapsed, string? Failure)>();
        foreach (var suite in chosen)
        {
            Progress($"suite {suite.Name}: {suite.What}");
            await output.WriteLineAsync();
            await output.WriteLineAsync($"## {suite.Name}: {suite.What}");
            await output.WriteLineAsync();
            var watch = Stopwatch.StartNew();
            string? failure = null;
            try
            {
                await suite.RunAsync(output, quick);
            }
            catch (Exception e) when (chosen.Length > 1)
            {
                // One broken suite must not hide the figures of the others; the run still ends non-zero.
                failure = $"{e.GetType().Name}: {e.Message}";
                await output.WriteLineAsync($"**Suite failed**: {failure}");
            }

            timings.Add((suite.Name, watch.Elapsed, failure));
        }

        if (chosen.Length > 1)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("## Time per suite");
            await output.WriteLineAsync();
            BenchTable.Print(output, ["Suite", "Seconds", "Outcome"], timings.Select(t => new[] { t.Suite, t.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture), t.Failure ?? "ok" }).ToList());
            await output.WriteLineAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Whole bench: {total.Elapsed.TotalSeconds:0} s ({(total.Elapsed <= Budget ? "within" : "OVER")} the {Budget.TotalMinutes:0}-minute budget on this machine); load average at the end: {LoadAverage()}."));
        }

        return timings.Any(t => t.Failure is not null) ? 1 : 0;
    }

    /// <summary>What a README figure cites: when, which commit, which machine, how busy it was at the start.</summary>
    private static string RunHeader(IReadOnlyList<Suite> suites, bool quick) => string.Create(CultureInfo.InvariantCulture, $"""
        # GovBot benchmarks: {(suites.Count == Suites.Length ? "all suites" : string.Join(", ", suites.Select(s => s.Name)))}{(quick ? " (--quick sizes)" : "")}

        - Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, command `./govbot bench{(quick ? " --quick" : "")}{(suites.Count == Suites.Length ? "" : " " + string.Join(" ", suites.Select(s => s.Name)))}`
        - Commit: {Git("rev-parse --short HEAD")}{(Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : "")}
        - Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}, Node {Tool("node", "--version")}; load average at the start: {LoadAverage()}
        """);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Git(string arguments) => Tool("git", $"-C \"{GovBot.Testing.RepoPaths.Root()}\" {arguments}");

    /// <summary>A tool's first output (its version, a commit), or "not found".</summary>
    internal static string Tool(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }

    private static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} {what}");
}
