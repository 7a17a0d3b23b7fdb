using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GovBot.Features.Papers;
using GovBot.SampleData;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Benchmarks;

/// <summary>
/// Grows the papers' passages in storage to a given count, written with the app's own <see cref="PaperStore"/> (one
/// Papers row per paper, its passages as one batch): 40 passages a paper, each 80–180 words drawn from the sample
/// data's own texts plus one or two of <see cref="Topics"/>, so the bench's questions find passages at every size and
/// the matches grow with the corpus as they would. Passage i is the same whatever the total (its own seed), so the
/// 1k corpus is the first 1k of the 100k one.
/// </summary>
public sealed class SyntheticPassages(string connectionString, string tablePrefix)
{
    public const int PassagesPerPaper = 40;
    private const int PapersPerChunk = 25;
    private const int ParallelChunks = 4;

    /// <summary>Free-text questions members ask that no other rule answers, so they go to search.</summary>
    public static readonly IReadOnlyList<string> Topics =
    [
        "pre-qualification submission",
        "migration readiness evidence",
        "settlement reconciliation timetable",
        "data integration platform onboarding",
        "code of practice consultation",
        "interface specification baseline",
        "cutover rehearsal",
        "qualification assessment window",
    ];

    private readonly string[] _vocabulary = SearchBenchmark.Vocabulary().Where(w => !w.Any(char.IsDigit)).ToArray();
    private int _papers;
    private int _next;

    /// <summary>Passages written so far (whole papers; a chunk not started before the deadline is never written).</summary>
    public int Written => Volatile.Read(ref _papers) * PassagesPerPaper;

    /// <summary>Adds papers until there are <paramref name="total"/> passages or <paramref name="deadline"/> passes; returns how many there are.</summary>
    public async Task<int> GrowToAsync(int total, DateTime deadline, CancellationToken ct)
    {
        await using var provider = await BenchStorage.OpenAsync(connectionString, tablePrefix, ct);
        var store = provider.GetRequiredService<PaperStore>();

        var wanted = (total + PassagesPerPaper - 1) / PassagesPerPaper;
        var chunks = new List<(int From, int To)>();
        for (var from = _next; from < wanted; from += PapersPerChunk)
        {
            chunks.Add((from, Math.Min(wanted, from + PapersPerChunk)));
        }

        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ParallelChunks, CancellationToken = ct }, async (chunk, token) =>
        {
            if (DateTime.UtcNow > deadline)
            {
                return;
            }

            for (var p = chunk.From; p < chunk.To; p++)
            {
                var (paper, passages) = Paper(p);
                await store.WritePassagesAsync(paper.ContentHash, passages, token);
                await store.SaveAsync(paper, null, token);
            }

            Interlocked.Add(ref _papers, chunk.To - chunk.From);
        });

        _next = Math.Max(_next, wanted);

        return Written;
    }

    private (Paper Paper, List<PaperPassage> Passages) Paper(int p)
    {
        var code = BenchStorage.GroupCodes[p % BenchStorage.GroupCodes.Length];
        var key = string.Create(CultureInfo.InvariantCulture, $"BENCH-{code}-{p:D5}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var meeting = new DateOnly(2022, 1, 3).AddDays(p % 900);
        var passages = Enumerable.Range(0, PassagesPerPaper).Select(order => Passage(key, p * PassagesPerPaper + order, order)).ToList();
        var paper = new Paper(key, code, string.Create(CultureInfo.InvariantCulture, $"{100 + p}"), meeting, "1.0", null,
            $"{code} {100 + p} papers", key + ".pdf", hash, hash + ".pdf", "application/pdf", 250_000, PassagesPerPaper);
        return (paper, passages);
    }

    private PaperPassage Passage(string paperKey, int i, int order)
    {
        var random = new Random(i);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => _vocabulary[random.Next(_vocabulary.Length)]));
        var text = new StringBuilder(Words(40 + random.Next(50)));
        text.Append(' ').Append(Topics[i % Topics.Count]).Append(' ').Append(Words(20 + random.Next(30)));
        if (i % 3 == 0)
        {
            text.Append(' ').Append(Topics[(i / 3) % Topics.Count]).Append(' ').Append(Words(20));
        }

        return new PaperPassage(paperKey, order, [Words(3)], 1 + (order / 3), text.ToString());
    }
}
