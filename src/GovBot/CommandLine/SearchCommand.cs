using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Clock;
using GovBot.Features.Search;

namespace GovBot.CommandLine;

/// <summary><c>govbot search "text" [--as-of DATE] [--json] [--count N]</c>: what the index answers, for the PMO and for debugging.</summary>
internal static class SearchCommand
{
    public const string Usage = "usage: govbot search \"TEXT\" [--as-of YYYY-MM-DD] [--json] [--count N]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? text = null;
        DateOnly? asOf = null;
        var json = false;
        var count = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--as-of" when i + 1 < args.Length:
                    if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        await stderr.WriteLineAsync($"--as-of needs a date like 2025-03-12, not '{args[i]}'.");
                        return 2;
                    }
                    asOf = d;
                    break;
                case "--count" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 100)
                    {
                        await stderr.WriteLineAsync("--count needs a number from 1 to 100.");
                        return 2;
                    }
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    await stderr.WriteLineAsync($"Unknown option '{a}'.\n{Usage}");
                    return 2;
                default:
                    text = text is null ? args[i] : text + " " + args[i];
                    break;
            }
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        await using var services = await StorageCommandHost.StartAsync([], stderr, register: null, cancellationToken);
        if (services is null) return 1;
        var today = asOf ?? UkTime.Today(services.GetRequiredService<TimeProvider>());
        var results = await services.GetRequiredService<SearchAnswers>().FindAsync(text, null, today, 0, count, cancellationToken);
        if (json)
        {
            var array = new JsonArray();
            foreach (var h in results.Hits)
            {
                var d = h.Document;
                array.Add(new JsonObject
                {
                    ["kind"] = d.Kind.ToString(), ["source"] = d.Source, ["key"] = d.Key, ["title"] = d.Title,
                    ["shape"] = SearchCards.Shape(d, today), ["date"] = d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["citation"] = d.Citation, ["snippet"] = h.Snippet, ["rank"] = Math.Round(h.Rank, 4), ["coverage"] = Math.Round(h.Coverage, 3),
                });
            }
            var output = new JsonObject { ["query"] = text, ["asOf"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["total"] = results.Total, ["understood"] = new JsonArray([.. results.Understood.Select(u => (JsonNode)u)]), ["results"] = array };
            await stdout.WriteLineAsync(output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        await stdout.WriteLineAsync($"Searched for: {string.Join(", ", results.Understood)} (as of {today:yyyy-MM-dd}); {results.Total} above the threshold.");
        var n = 0;
        foreach (var h in results.Hits)
        {
            var d = h.Document;
            await stdout.WriteLineAsync($"{++n}. [{SearchCards.KindWords(d.Kind)}] {d.Title}  (rank {h.Rank:0.00}, covers {h.Coverage:P0})");
            if (SearchCards.Shape(d, today) is { } shape) await stdout.WriteLineAsync($"   {shape}");
            await stdout.WriteLineAsync($"   Source: {d.Citation}");
        }
        if (n == 0) await stdout.WriteLineAsync("Nothing found above the relevance threshold.");
        return 0;
    }
}
