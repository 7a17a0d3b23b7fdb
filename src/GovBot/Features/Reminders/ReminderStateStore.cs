using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using GovBot.Features.Conversations;
using GovBot.Storage;

namespace GovBot.Features.Reminders;

/// <summary>
/// <b>ReminderState</b>: the scheduler's small shared state.
/// <list type="bullet">
/// <item>PartitionKey "lease", RowKey "dispatch": the single dispatch lease (owner, expiry), taken with ETag-conditional writes.</item>
/// <item>PartitionKey "run", RowKey = inverted ticks of the run's start: run summaries, newest first ("reminder report").</item>
/// <item>PartitionKey "day", RowKey "yyyyMMdd": the day's reminders are all resolved; later ticks that day skip planning.</item>
/// <item>PartitionKey "snooze:yyyyMMdd", RowKey = recipient key + "|" + item key: reminders snoozed to that day (tens a day).</item>
/// </list>
/// </summary>
internal sealed class ReminderStateStore(GovBotTables tables)
{
    private const string LeasePartition = "lease";
    private const string LeaseRow = "dispatch";
    private const string RunPartition = "run";
    private const string DayPartition = "day";

    private TableClient Table => tables.Get(TableNames.ReminderState);

    /// <summary>Takes or renews the dispatch lease until <paramref name="now"/> + <paramref name="duration"/>; false when another owner holds it.</summary>
    public async Task<bool> TryAcquireLeaseAsync(string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Table, LeasePartition, LeaseRow, cancellationToken);
        var next = new TableEntity(LeasePartition, LeaseRow) { ["Owner"] = owner, ["ExpiresAt"] = now + duration };
        if (row is null)
        {
            try
            {
                await TableRows.AddAsync(Table, next, "Dispatch lease", cancellationToken);
                return true;
            }
            catch (EntityAlreadyExistsException)
            {
                return false;
            }
        }
        var holder = row.GetString("Owner");
        var expires = row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue;
        if (holder != owner && expires > now) return false;
        return await TableRows.ReplaceIfUnchangedAsync(Table, next, row.ETag, cancellationToken) is not null;
    }

    /// <summary>Gives the lease up early (shutdown, end of a run) if this owner still holds it.</summary>
    public async Task ReleaseLeaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Table, LeasePartition, LeaseRow, cancellationToken);
        if (row is null || row.GetString("Owner") != owner) return;
        row["ExpiresAt"] = now;
        await TableRows.ReplaceIfUnchangedAsync(Table, row, row.ETag, cancellationToken);
    }

    public async Task<bool> IsDayCompleteAsync(DateOnly day, CancellationToken cancellationToken) =>
        await TableRows.GetAsync(Table, DayPartition, Day(day), cancellationToken) is not null;

    public Task MarkDayCompleteAsync(DateOnly day, DateTimeOffset at, CancellationToken cancellationToken) =>
        TableRows.UpsertAsync(Table, new TableEntity(DayPartition, Day(day)) { ["CompletedAt"] = at }, cancellationToken);

    public Task SaveRunAsync(ReminderRun run, CancellationToken cancellationToken) =>
        TableRows.UpsertAsync(Table, new TableEntity(RunPartition, TableKeys.InvertedTicks(run.StartedAt))
        {
            ["Json"] = JsonSerializer.Serialize(run, ReminderJson.Default.ReminderRun),
        }, cancellationToken);

    /// <summary>The latest runs, newest first.</summary>
    public async Task<IReadOnlyList<ReminderRun>> LatestRunsAsync(int count, CancellationToken cancellationToken)
    {
        var runs = new List<ReminderRun>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableRows.Partition(RunPartition), maxPerPage: count, cancellationToken: cancellationToken))
        {
            if (row.GetString("Json") is { } json && JsonSerializer.Deserialize(json, ReminderJson.Default.ReminderRun) is { } run) runs.Add(run);
            if (runs.Count >= count) break;
        }
        return runs;
    }

    public Task SnoozeAsync(Snooze snooze, CancellationToken cancellationToken) =>
        TableRows.UpsertAsync(Table, new TableEntity(SnoozePartition(snooze.Day), snooze.Recipient.TableKey + "|" + TableKeys.Encode(ItemKey(snooze)))
        {
            ["Recipient"] = snooze.Recipient.Key,
            ["Kind"] = snooze.Kind.ToString(),
            ["ItemId"] = snooze.ItemId,
        }, cancellationToken);

    public async Task<IReadOnlyList<Snooze>> SnoozesForAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Table, TableRows.Partition(SnoozePartition(day)), cancellationToken);
        return rows
            .Select(r => Recipient.FromKey(r.GetString("Recipient") ?? "") is { } rec && r.GetEnum<ReminderItemKind>("Kind") is { } kind && r.GetString("ItemId") is { } id
                ? new Snooze(rec, day, kind, id) : null)
            .Where(s => s is not null).Select(s => s!).ToList();
    }

    private static string ItemKey(Snooze s) => (s.Kind == ReminderItemKind.Checklist ? "checklist:" : "action:") + s.ItemId;

    private static string SnoozePartition(DateOnly day) => "snooze:" + Day(day);

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>What one reminder run did: the PMO's "reminder report" and the run log.</summary>
internal sealed record ReminderRun(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateOnly Day,
    bool Late,
    int Digests,
    int Planned,
    int Sent,
    int AlreadyDone,
    int Failed,
    int Unreachable,
    int Unknown,
    int Retrying,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyList<string> UnreachableConversations);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReminderRun))]
internal sealed partial class ReminderJson : JsonSerializerContext;
