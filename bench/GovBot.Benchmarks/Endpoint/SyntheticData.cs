using GovBot.Features.Actions;
using GovBot.SampleData;
using GovBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Benchmarks;

/// <summary>
/// Grows the action log to a given size with realistic-looking actions: 20 per owner (synthetic owners are person
/// ids; only the caller is in the directory, which the answer does not read for other owners), refs in the sample
/// groups' codes from meeting 100 on, a mix of open, ongoing and closed, due dates spread over 2023-2025. The caller of the bench (Lee Cox) owns exactly 20 of them, written first, so "my
/// open actions" answers the same whatever the total. Written with the app's own <see cref="GovernanceDataWriter"/>
/// (batch transactions of up to 100 rows per partition), a few chunks at a time.
/// </summary>
public sealed class SyntheticData(string connectionString, string tablePrefix)
{
    public const int ActionsPerOwner = 20;
    private static readonly int OwnerShare = int.TryParse(Environment.GetEnvironmentVariable("BENCH_OWNER_SHARE"), out var s) ? s : ActionsPerOwner;
    private const int ChunkSize = 1_000;
    private const int ParallelChunks = 4;

    private int _written;
    private int _next;

    public int Written => _written;

    /// <summary>
    /// Adds synthetic actions until there are TOTAL of them, or until DEADLINE passes (chunks already started finish);
    /// returns how many there are.
    /// </summary>
    public async Task<int> GrowToAsync(int total, string callerPersonId, DateTime deadline, CancellationToken ct)
    {
        await using var provider = await BenchStorage.OpenAsync(connectionString, tablePrefix, ct);
        var writer = provider.GetRequiredService<GovernanceDataWriter>();

        var chunks = new List<(int From, int To)>();
        for (var from = _next; from < total; from += ChunkSize)
        {
            chunks.Add((from, Math.Min(total, from + ChunkSize)));
        }

        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ParallelChunks, CancellationToken = ct }, async (chunk, token) =>
        {
            if (DateTime.UtcNow > deadline)
            {
                return;
            }

            var actions = Enumerable.Range(chunk.From, chunk.To - chunk.From).Select(i => Action(i, callerPersonId)).ToList();
            await writer.WriteAsync(new GovernanceDataSet([], [], [], [], actions, [], [], [], []), token);
            var written = Interlocked.Add(ref _written, actions.Count);
            if (written / 10_000 != (written - actions.Count) / 10_000)
            {
                Console.Error.WriteLine($"[bench] {DateTime.Now:HH:mm:ss}   {written:N0} actions written");
            }
        });
        _next = Math.Max(_next, total);
        return _written;
    }

    /// <summary>
    /// The emulator's own share: N sequential queries of the caller's person partition of the action index, straight
    /// to Azurite with the Azure SDK (no GovBot), in milliseconds.
    /// </summary>
    public async Task<Stats> ProbeOwnerPartitionAsync(string callerPersonId, int n, CancellationToken ct)
    {
        var table = new Azure.Data.Tables.TableServiceClient(connectionString).GetTableClient(tablePrefix + TableNames.ActionIndex);
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"person:" + callerPersonId}");
        var stats = new Stats("Azurite partition query");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var rows = 0;
            await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(filter, cancellationToken: ct))
            {
                rows++;
            }

            if (rows == 0)
            {
                throw new InvalidOperationException($"The caller's partition of {tablePrefix}{TableNames.ActionIndex} is empty: the table naming or keys changed.");
            }

            stats.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        stats.Elapsed = clock.Elapsed;
        return stats;
    }

    private static ActionItem Action(int i, string callerPersonId)
    {
        var owner = i < ActionsPerOwner ? callerPersonId : $"bench-person-{i / OwnerShare:D5}";
        var code = BenchStorage.GroupCodes[i % BenchStorage.GroupCodes.Length];
        var j = i / BenchStorage.GroupCodes.Length;
        var reference = $"{code}{100 + j / 100}-{j % 100:D2}";
        var raised = new DateOnly(2023, 1, 1).AddDays(i % 700);
        var status = i < ActionsPerOwner ? ActionStatus.Open : (i % 4) switch { 0 => ActionStatus.Closed, 1 => ActionStatus.Ongoing, _ => ActionStatus.Open };
        return new ActionItem(
            Ref: reference,
            GroupCode: code,
            MeetingNumber: $"{100 + j / 100}",
            Raised: raised,
            Text: $"Confirm the impact of change request CR{i % 200:D3} on the migration plan and report back to {code} with a recommendation.",
            OwnerText: owner == callerPersonId ? "Programme (Lee Cox)" : $"Participant (Bench Person {i / ActionsPerOwner})",
            Owners: [new OwnerParty(OwnerPartyKind.Person, owner)],
            Due: raised.AddDays(30 + i % 90),
            Status: status,
            LatestUpdate: i % 3 == 0 ? "Work in progress; update at the next meeting." : null,
            History: []);
    }
}
