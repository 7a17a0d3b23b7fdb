using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Milestones;
using GovBot.Features.Search;
using GovBot.SampleData;

namespace GovBot.Benchmarks;

/// <summary>
/// The search index at the scale: 10,000 synthetic passages and 10,000 synthetic records, words drawn from
/// the sample data's own texts (so the programme's vocabulary and abbreviations are in play) plus rare made-up terms.
/// In process, no storage: reading the rows from Table storage at start is not included in the build time.
/// "Server time" is the index search plus the answer card built and serialised (chat) or the 25 message-extension
/// items built and serialised; the HTTP hop and the JWT check are the endpoint suite's business.
/// </summary>
internal static class SearchBenchmark
{
    private const int Passages = 10_000;
    private const int Records = 10_000;
    private const int Queries = 400;
    private static readonly DateOnly Today = new(2024, 3, 6);

    public static Task RunAsync(TextWriter output)
    {
        var random = new Random(16);
        var vocabulary = Vocabulary();
        var documents = Documents(random, vocabulary);
        var queries = Enumerable.Range(0, Queries).Select(_ => Query(random, documents)).ToList();

        var withoutIndex = SettledWorkingSet();
        var build = Stopwatch.StartNew();
        using var index = new SearchIndex();
        foreach (var source in documents.GroupBy(d => d.Source)) index.ReplaceSource(source.Key, [.. source]);
        build.Stop();
        var withIndex = SettledWorkingSet();

        // Warm up (JIT, the searcher's caches), then one client, one question at a time.
        foreach (var q in queries.Take(50)) Answer(index, q);
        var answerTimes = new List<double>();
        var found = 0;
        foreach (var q in queries)
        {
            var t = Stopwatch.GetTimestamp();
            if (Answer(index, q) > 0) found++;
            answerTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var extensionTimes = new List<double>();
        foreach (var q in queries)
        {
            var t = Stopwatch.GetTimestamp();
            ExtensionQuery(index, q);
            extensionTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        var rows = new List<string[]>
        {
            new[] { $"Build the index ({Passages:N0} passages + {Records:N0} records)", $"{build.Elapsed.TotalSeconds:F2} s", $"{index.Count:N0} documents, {index.DefinedAbbreviations.Count():N0} abbreviations read" },
            new[] { "Search answer, server time, one client: p50", $"{Percentile(answerTimes, 0.5):F2} ms", $"{Queries} questions, {found} with results" },
            new[] { "Search answer, server time, one client: p99", $"{Percentile(answerTimes, 0.99):F2} ms", $"max {answerTimes.Max():F2} ms" },
            new[] { "Message-extension query (25 results): p50", $"{Percentile(extensionTimes, 0.5):F2} ms", $"p99 {Percentile(extensionTimes, 0.99):F2} ms" },
            new[] { "Working set without the index", $"{withoutIndex / 1048576.0:N0} MB", "documents generated, in memory" },
            new[] { "Working set with the index", $"{withIndex / 1048576.0:N0} MB", $"+{(withIndex - withoutIndex) / 1048576.0:N0} MB for the index" },
        };
        BenchTable.Print(output, ["Search benchmark", "Result", "Detail"], rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"_{Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}_"));
        return Task.CompletedTask;
    }

    /// <summary>What chat does for a question: search, then the results card as JSON.</summary>
    private static int Answer(SearchIndex index, string question)
    {
        var results = index.Search(new SearchRequest(question, Today, 0, 5));
        var card = results.Hits.Count == 0 ? SearchCards.NothingFound(question, []) : SearchCards.Results(question, results, Today, []);
        return card.ToJsonString().Length > 0 ? results.Hits.Count : 0;
    }

    private static void ExtensionQuery(SearchIndex index, string question)
    {
        var results = index.Search(new SearchRequest(question, Today, 0, MessageExtensionQuery.MaxCount));
        var response = MessageExtensionResponse.Results(results.Hits.Select(h => SearchMessageExtension.Item(h, Today)));
        _ = ((JsonObject)response.Body!).ToJsonString();
    }

    /// <summary>The sample data's words (actions, CRs, checklist, milestones, groups), and 3,000 rare made-up ones.</summary>
    internal static string[] Vocabulary()
    {
        var data = MhhsSampleData.Build();
        var texts = data.Actions.Select(ActionSearchSource.Document)
            .Concat(data.ChangeRequests.Select(ChangeRequestSearchSource.Document))
            .Concat(data.Checklist.Select(ChecklistSearchSource.Document))
            .Concat(data.Milestones.Select(MilestoneSearchSource.Document))
            .Concat(data.Decisions.Select(DecisionSearchSource.Document))
            .Select(d => d.Title + " " + d.Text);
        var words = texts.SelectMany(t => (t ?? "").Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        return [.. words, .. Enumerable.Range(0, 3_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"term{i:0000}"))];
    }

    private static List<SearchDocument> Documents(Random random, string[] vocabulary)
    {
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        var kinds = new[] { SearchKind.Action, SearchKind.Meeting, SearchKind.ChangeRequest, SearchKind.Decision, SearchKind.Deadline, SearchKind.Milestone, SearchKind.Event, SearchKind.Update };
        var documents = new List<SearchDocument>(Passages + Records);
        for (var i = 0; i < Passages; i++)
        {
            var paper = i / 40;
            documents.Add(new SearchDocument("passages", string.Create(CultureInfo.InvariantCulture, $"P{paper}|{i % 40}"), SearchKind.Passage, Words(4), Words(80 + random.Next(100)))
            {
                Published = Today.AddDays(-random.Next(900)),
                Heading = Words(3),
                Page = 1 + (i % 40 / 3),
                DocumentId = string.Create(CultureInfo.InvariantCulture, $"P{paper}"),
                Citation = string.Create(CultureInfo.InvariantCulture, $"DAG {paper} papers · section · page {1 + (i % 40 / 3)}"),
            });
        }
        for (var i = 0; i < Records; i++)
        {
            var kind = kinds[i % kinds.Length];
            documents.Add(new SearchDocument(kind.ToString().ToLowerInvariant(), string.Create(CultureInfo.InvariantCulture, $"R{i}"), kind, Words(6), Words(15 + random.Next(30)))
            {
                Date = kind is SearchKind.Update ? null : Today.AddDays(random.Next(-400, 200)),
                Status = "Open",
                Owner = "Programme",
                Citation = "register",
            });
        }
        return documents;
    }

    /// <summary>Two to four consecutive words of a random document: a question with an answer, as members ask.</summary>
    private static string Query(Random random, List<SearchDocument> documents)
    {
        var words = documents[random.Next(documents.Count)].Text.Split(' ');
        var length = 2 + random.Next(3);
        var start = random.Next(Math.Max(1, words.Length - length));
        return string.Join(' ', words.Skip(start).Take(length));
    }

    private static long SettledWorkingSet()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

}
