using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.SampleData;
using GovBot.Testing;

namespace GovBot.Benchmarks;

/// <summary>
/// <c>./govbot bench scale [--quick]</c>: what one question costs as the data grows, in figures that carry over to
/// Azure Table Storage: the storage requests and entities read per question (recorded between GovBot and Azurite by
/// <see cref="StorageRecorder"/>) and GovBot's own CPU per question (<see cref="ProcessCpu"/>). GovBot runs as its own
/// process (Production, authentication on); one client asks one question at a time. Latency is printed too, but it
/// is the emulator's: Azurite scans a whole table for a partition query, Azure Table Storage does not.
/// Part 1: "my open actions" at 1k/10k/100k actions. Part 2: free-text questions answered by search at 1k/10k/100k
/// passages (GovBot restarted at each size, so it indexes them at start as it would in production).
/// </summary>
internal static partial class ScaleBenchmark
{
    private const int Rounds = 3;
    private const int WarmupQuestions = 50;
    private static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Straggle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The caller's personal chat: one stable conversation, as in Teams. A new conversation per question would bill
    /// the first-message work (storing its reference, matching the person, adopting an earlier install) to every one.
    /// </summary>
    private const string Chat = "a:bench-scale-personal";

    private sealed record Settings(int[] Sizes, int QuestionsPerRound, TimeSpan RoundTime, TimeSpan ActionSeeding, TimeSpan PassageSeeding);

    /// <summary>One size's measured questions: latency, CPU per question per round, and the storage requests.</summary>
    private sealed record Measured(int Size, int Target, Stats Latency, Spread GovBotCpu, Spread AzuriteCpu, IReadOnlyList<StorageRequest> InTurns, IReadOnlyList<StorageRequest> Background, TimeSpan Elapsed)
    {
        public int Questions => Latency.Count;
        public double RequestsPerQuestion => Questions == 0 ? double.NaN : (double)InTurns.Count / Questions;
        public double EntitiesPerQuestion => Questions == 0 ? double.NaN : (double)InTurns.Sum(r => r.Entities) / Questions;
        public int Scans => InTurns.Count(r => r.Kind is "table scan" or "multi-partition query");
    }

    public static async Task RunAsync(TextWriter output, bool quick)
    {
        var total = Stopwatch.StartNew();
        var settings = quick
            ? new Settings([1_000, 10_000], 40, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(45))
            // 100k actions take about 95 s to write into Azurite on 2 idle cores and 100k passages about a minute; the
            // bounds keep a busier machine inside the whole bench's 10 minutes (the table then says how far seeding got).
            : new Settings([1_000, 10_000, 100_000], 60, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(80));

        await using var identity = new LocalIdentityAndConnector();
        await identity.StartAsync();
        var data = MhhsSampleData.Build();
        var caller = data.People.Single(p => p.Id == MhhsSampleData.DemoPersonId);

        output.WriteLine();
        output.WriteLine("### Scaling: one question's storage work and CPU as the data grows");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GovBot as its own process (Production, authentication on: each question is an activity with an RS256 bearer token, answered through the fake connector), one client asking one question at a time, all in one personal conversation (as a member's Teams chat with GovBot is). A recording proxy between GovBot and Azurite counts every storage request made during a question (from its start to the next question's start, or 300 ms after a round's last reply, since GovBot writes the conversation reference alongside the answer) and the entities in each response (a query's `value` rows; 1 for a point read found); each request's kind comes from its URL. GovBot's CPU is its process's user + system time over {Rounds} rounds of up to {settings.QuestionsPerRound} questions (median, min–max), after two warm-up phases of at least {WarmupQuestions} questions and {MinWarmup.TotalSeconds:0} s, each followed by a pause until GovBot idles (under 5% of a core), so that tiered JIT recompilation and start-up work such as the index build's merges are not billed to the questions. Background work is switched off for the run (Reminders:Enabled=false, Notices:WorkerEnabled=false) or slowed (Search:PollSeconds=60); what remains (requests between rounds, and the search index's poll of SearchVersions, recognised by its table) is counted separately, but its CPU is in GovBot's figure. Latency is Azurite's (the emulator reads a whole table for a partition query; Azure Table Storage does not): information, not a goal. GovBot shares the 2 cores with Azurite, whose own CPU per question grows with the table (its scans, last columns); that contention is in GovBot's CPU figure too. Sizes: {string.Join(", ", settings.Sizes.Select(Short))}{(quick ? " (`--quick`)" : "")}."));

        var actions = await ActionsAsync(identity, caller, settings);
        Print(output, $"\"my open actions\" (the caller owns {SyntheticData.ActionsPerOwner} of the synthetic actions, + {data.Actions.Count} sample actions)", "actions", actions.Rows, actions.SeedingNote);

        var search = await SearchAsync(identity, caller, settings);
        Print(output, $"free-text questions answered by search ({SyntheticPassages.Topics.Count} questions in turn, e.g. \"{SyntheticPassages.Topics[0]}\"; the index also holds the sample data's records)", "passages", search.Rows, search.SeedingNote);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"_Goal: requests and entities per question the same at every size; GovBot CPU per question at the largest size ≤ 1.3 × at 1k. {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}; `./govbot bench scale{(quick ? " --quick" : "")}` took {total.Elapsed.TotalSeconds:0} s._"));
    }

    private static async Task<(List<Measured> Rows, string SeedingNote)> ActionsAsync(LocalIdentityAndConnector identity, GovBot.People.Person caller, Settings settings)
    {
        await using var azurite = await AzuriteProcess.StartAsync(useGiven: false);
        var prefix = "scale" + Guid.NewGuid().ToString("N")[..6];
        await using var recorder = await StorageRecorder.StartAsync(azurite.ConnectionString, prefix);
        // Tables first: on a store without them GovBot's first index build fails and waits for the next poll (60 s here).
        var synthetic = new SyntheticData(azurite.ConnectionString, prefix);
        await synthetic.GrowToAsync(0, caller.Id, DateTime.MaxValue, CancellationToken.None);
        Step("my open actions: GovBot start-up (seeds the sample data)");
        using var govBot = await GovBotProcess.StartAsync(Quiet(GovBotBenchSettings.For(identity, recorder.ConnectionString, prefix)));
        await WaitForIndexAsync(govBot);
        using var load = new LoadGenerator(identity, govBot.MessagesEndpoint, identity.InboundToken(), caller.EntraObjectId!, caller.Name);
        var cpu = new ProcessCpu().Watch("GovBot", govBot.Process).Watch("Azurite", azurite.Process);

        // The bench writes straight to Azurite: seeding is not GovBot's work and is not recorded.
        var deadline = DateTime.UtcNow + settings.ActionSeeding;
        var rows = new List<Measured>();
        var seeding = TimeSpan.Zero;
        foreach (var size in settings.Sizes)
        {
            Step($"my open actions: seeding to {size:N0} actions");
            var clock = Stopwatch.StartNew();
            var reached = await synthetic.GrowToAsync(size, caller.Id, deadline, CancellationToken.None);
            seeding += clock.Elapsed;
            Step($"my open actions: {reached:N0} actions");
            rows.Add(await MeasureAsync(reached, size, load, recorder, cpu, ["my open actions"], settings));
            if (reached < size)
            {
                break;
            }
        }

        return (rows, string.Create(CultureInfo.InvariantCulture, $"Seeding (the app's own writer, straight to Azurite, not recorded) took {seeding.TotalSeconds:0} s, bounded to {settings.ActionSeeding.TotalSeconds:0} s."));
    }

    private static async Task<(List<Measured> Rows, string SeedingNote)> SearchAsync(LocalIdentityAndConnector identity, GovBot.People.Person caller, Settings settings)
    {
        await using var azurite = await AzuriteProcess.StartAsync(useGiven: false);
        var prefix = "scale" + Guid.NewGuid().ToString("N")[..6];
        await using var recorder = await StorageRecorder.StartAsync(azurite.ConnectionString, prefix);
        var govBotSettings = Quiet(GovBotBenchSettings.For(identity, recorder.ConnectionString, prefix));
        // The index's "built" line is the signal that questions can be measured.
        var passages = new SyntheticPassages(azurite.ConnectionString, prefix);
        var deadline = DateTime.UtcNow + settings.PassageSeeding;
        var rows = new List<Measured>();
        var seeding = TimeSpan.Zero;
        var builds = new List<string>();
        foreach (var size in settings.Sizes)
        {
            Step($"search: seeding to {size:N0} passages");
            var clock = Stopwatch.StartNew();
            var reached = await passages.GrowToAsync(size, deadline, CancellationToken.None);
            seeding += clock.Elapsed;
            Step($"search: GovBot start-up, indexing {reached:N0} passages");
            using var govBot = await GovBotProcess.StartAsync(govBotSettings);
            var (documents, built) = await WaitForIndexAsync(govBot);
            builds.Add(string.Create(CultureInfo.InvariantCulture, $"{Short(reached)}: {documents:N0} documents in {built.TotalSeconds:0.0} s"));
            using var load = new LoadGenerator(identity, govBot.MessagesEndpoint, identity.InboundToken(), caller.EntraObjectId!, caller.Name);
            var cpu = new ProcessCpu().Watch("GovBot", govBot.Process).Watch("Azurite", azurite.Process);
            rows.Add(await MeasureAsync(reached, size, load, recorder, cpu, SyntheticPassages.Topics, settings));
            if (reached < size)
            {
                break;
            }
        }

        return (rows, string.Create(CultureInfo.InvariantCulture, $"GovBot is restarted at each size and indexes everything at start (from process start to the index built: {string.Join("; ", builds)}); the questions are asked after that. Seeding ({SyntheticPassages.PassagesPerPaper} passages a paper, the app's own PaperStore, straight to Azurite) took {seeding.TotalSeconds:0} s, bounded to {settings.PassageSeeding.TotalSeconds:0} s."));
    }

    /// <summary>Warm-up, then <see cref="Rounds"/> rounds of questions, each with its own CPU reading; requests recorded throughout.</summary>
    private static async Task<Measured> MeasureAsync(int size, int target, LoadGenerator load, StorageRecorder recorder, ProcessCpu cpu, IReadOnlyList<string> questions, Settings settings)
    {
        // Two warm-up phases, each followed by a pause until GovBot idles: .NET's tiered JIT only starts counting calls
        // (and then recompiles hot methods) once no new method has been compiled for a moment, which steady questions
        // can postpone; start-up work that outlives the warm-up (the index's segment merges after a large build) must
        // not be billed to the questions either.
        var asked = 0;
        for (var phase = 0; phase < 2; phase++)
        {
            var warmup = Stopwatch.StartNew();
            for (var i = 0; i < WarmupQuestions || warmup.Elapsed < MinWarmup; i++)
            {
                await load.RunAsync("warm-up", questions[asked++ % questions.Count], 1, 1, TurnTimeout, Chat);
            }

            if (!await WaitForIdleAsync(cpu))
            {
                Step("GovBot did not settle below 5% of a core after the warm-up; measuring anyway");
            }
        }

        // A warm-up question's last write (the conversation reference, written alongside the answer) lands first.
        await Task.Delay(Straggle);
        recorder.Clear();
        var latency = new Stats(size.ToString(CultureInfo.InvariantCulture));
        var govBotCpu = new List<double>();
        var azuriteCpu = new List<double>();
        var clock = Stopwatch.StartNew();
        var turn = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var roundClock = Stopwatch.StartNew();
            var answered = 0;
            cpu.Start();
            for (var i = 0; i < settings.QuestionsPerRound && roundClock.Elapsed < settings.RoundTime; i++)
            {
                // A question's window runs to the next question's start: GovBot may write the conversation reference
                // just after the reply has gone.
                recorder.BeginTurn(turn);
                var one = await load.RunAsync("question", questions[turn % questions.Count], 1, 1, TurnTimeout, Chat);
                turn++;
                if (one.Count == 1)
                {
                    latency.Add(one.P50);
                    answered++;
                }
                else
                {
                    latency.Errors++;
                }
            }

            await Task.Delay(Straggle);
            recorder.EndTurn();
            var spent = cpu.Stop();
            Step(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: {answered} questions, GovBot {ProcessCpu.PerUnit(spent["GovBot"], answered)} ms CPU / question"));
            if (answered > 0)
            {
                govBotCpu.Add(spent["GovBot"].TotalMilliseconds / answered);
                azuriteCpu.Add(spent["Azurite"].TotalMilliseconds / answered);
            }
        }

        latency.Elapsed = clock.Elapsed;
        var all = recorder.Requests;
        return new Measured(size, target, latency, new Spread(govBotCpu), new Spread(azuriteCpu), [.. all.Where(r => r.Turn >= 0 && !IsSearchPoll(r))], [.. all.Where(r => r.Turn < 0 || IsSearchPoll(r))], clock.Elapsed);
    }

    private static void Print(TextWriter output, string what, string unit, List<Measured> rows, string seedingNote)
    {
        output.WriteLine();
        output.WriteLine($"#### {char.ToUpperInvariant(what[0])}{what[1..]}");
        output.WriteLine();
        var table = rows.Select(m => new[]
        {
            Short(m.Size) + " " + unit + (m.Size < m.Target ? $" (of {Short(m.Target)}: seeding bound reached)" : ""),
            string.Create(CultureInfo.InvariantCulture, $"{m.Questions}{(m.Latency.Errors > 0 ? $" ({m.Latency.Errors} unanswered)" : "")}"),
            m.RequestsPerQuestion.ToString("0.00", CultureInfo.InvariantCulture),
            m.EntitiesPerQuestion.ToString("0.0", CultureInfo.InvariantCulture),
            StorageRecorder.KindsPerTurn(m.InTurns, m.Questions),
            m.GovBotCpu.Format(),
            m.AzuriteCpu.Format("0.0"),
            string.Create(CultureInfo.InvariantCulture, $"{m.Latency.P50:0.0} / {m.Latency.P99:0.0}"),
        }).ToList();
        BenchTable.Print(output, [unit + " in storage", "questions", "storage requests / question", "entities read / question", "requests by kind (table), per question", "GovBot CPU ms / question", "Azurite CPU ms / question (emulator)", "latency p50 / p99 ms (on Azurite, emulator)"], table);
        output.WriteLine();
        if (rows.Count > 1)
        {
            var (first, last) = (rows[0], rows[^1]);
            var cpuRatio = last.GovBotCpu.Median / first.GovBotCpu.Median;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Short(last.Size)} ÷ {Short(first.Size)}: storage requests × {Ratio(last.RequestsPerQuestion, first.RequestsPerQuestion)}, entities read × {Ratio(last.EntitiesPerQuestion, first.EntitiesPerQuestion)}, GovBot CPU × {cpuRatio:0.00} (goal ≤ 1.3: {(cpuRatio <= 1.3 ? "met" : "NOT met")}); Azurite CPU × {Ratio(last.AzuriteCpu.Median, first.AzuriteCpu.Median)} and latency p50 × {Ratio(last.Latency.P50, first.Latency.P50)} (the emulator's scans)."));
        }

        var scans = rows.Sum(r => r.Scans);
        output.WriteLine(scans == 0
            ? "No table scan or multi-partition query during a question."
            : string.Create(CultureInfo.InvariantCulture, $"**Table scans or multi-partition queries during questions: {scans}** — {string.Join("; ", rows.SelectMany(r => r.InTurns).Where(r => r.Kind is "table scan" or "multi-partition query").Select(r => r.Url).Distinct().Take(3))}"));
        var failed = rows.SelectMany(r => r.InTurns).Where(r => r.Status >= 400 && r.Status != 404).ToList();
        if (failed.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"**Storage requests that failed during questions: {failed.Count}** (e.g. {failed[0].Status} {failed[0].Method} {failed[0].Url}): the figures above are not a normal answer's."));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Background storage requests while the questions ran (outside any question, not counted above): {string.Join("; ", rows.Select(r => $"{Short(r.Size)}: {StorageRecorder.Counts(r.Background)} in {r.Elapsed.TotalSeconds:0} s"))}."));
        output.WriteLine(seedingNote);
        output.WriteLine();
    }

    /// <summary>Waits (at most 30 s) until GovBot spends under 5% of a core over half a second.</summary>
    private static async Task<bool> WaitForIdleAsync(ProcessCpu cpu)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(30))
        {
            cpu.Start();
            await Task.Delay(window);
            if (cpu.Stop()["GovBot"] < window * 0.05)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The search index's catch-up poll (a timer, never a question's work) reads the SearchVersions markers.</summary>
    private static bool IsSearchPoll(StorageRequest r) => r.Table == "SearchVersions" && r.Method == "GET";

    /// <summary>The index's "built" log line: its document count and the time from process start.</summary>
    private static async Task<(int Documents, TimeSpan Built)> WaitForIndexAsync(GovBotProcess govBot)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (IndexBuilt().Match(govBot.Log()) is { Success: true } match)
            {
                return (int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), DateTime.Now - govBot.Process.StartTime);
            }

            if (govBot.Process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("GovBot did not log that its search index was built:\n" + govBot.Log()[^Math.Min(4000, govBot.Log().Length)..]);
    }

    [GeneratedRegex(@"Search index built: (?<n>\d+) documents")]
    private static partial Regex IndexBuilt();

    /// <summary>No background work that would compete with the questions (the search poll can only be slowed).</summary>
    private static Dictionary<string, string?> Quiet(Dictionary<string, string?> settings)
    {
        settings["Reminders__Enabled"] = "false";
        settings["Notices__WorkerEnabled"] = "false";
        settings["Search__PollSeconds"] = "60";
        // The index's "built" line tells the bench when start-up work is over.
        settings["Logging__LogLevel__GovBot.Features.Search"] = "Information";
        return settings;
    }

    private static string Short(int n) => n >= 1000 && n % 1000 == 0 ? $"{n / 1000}k" : n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => b > 0 && !double.IsNaN(a) ? (a / b).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static void Step(string what) => Console.Error.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} scale: {what}");
}
