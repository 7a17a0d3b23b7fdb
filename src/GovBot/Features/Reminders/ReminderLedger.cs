using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GovBot.Features.Conversations;
using GovBot.Features.Outbox;
using GovBot.Storage;

namespace GovBot.Features.Reminders;

/// <summary>Where a reminder is in its life: the stored names of the outbox's states (<see cref="OutboxStateMachine"/>; Sent is Delivered).</summary>
internal enum LedgerState
{
    /// <summary>Planned and written; no send attempted since. Safe to send.</summary>
    Pending,
    /// <summary>Claimed by a dispatcher that is calling Teams now. Outcome unknown until it writes one.</summary>
    Sending,
    /// <summary>Teams accepted the message.</summary>
    Sent,
    /// <summary>Teams refused it for good (e.g. 400, 413) or the attempts ran out.</summary>
    Failed,
    /// <summary>Teams answered 403/404: the app is gone from the conversation, or the user blocked it.</summary>
    Unreachable,
    /// <summary>The dispatcher died while sending: Teams may or may not have shown it. Never re-sent (at most once).</summary>
    Unknown,
}

/// <summary>One (recipient, item, slot) reminder in the ledger.</summary>
internal sealed record LedgerEntry(Recipient Recipient, string RowKey, LedgerState State, int Attempts, DateTimeOffset UpdatedAt, string? DigestId, string? ActivityId, string? Error, ETag ETag);

/// <summary>
/// <b>ReminderLedger</b>: the durable record that makes every reminder go out exactly once. PartitionKey = the
/// recipient's encoded key; RowKey = "yyyyMMdd|{item}|{slot}" (the send day, then e.g. "action:DAG33-04|act-3@20240424").
/// A digest's entries share one partition and one day prefix, so one range query reads them and one transaction
/// changes them all. Partitions grow by a few rows per working day per recipient.
/// <para>
/// The model: an entry is written Pending (an insert: a second writer gets 409) before anything is sent; a dispatcher
/// may send only after moving it Pending → Sending with its ETag (a second dispatcher gets 412); it then records
/// Sent, Unreachable, Failed, or back to Pending when Teams refused it retryably (nothing was shown, so a retry
/// cannot duplicate). An entry still Sending after <see cref="ReminderOptions.SendingGrace"/> belongs to a dispatcher
/// that died mid-call: Teams may have shown it, so it becomes Unknown and is never re-sent. Hence never twice; and
/// nothing is skipped except a message lost in the milliseconds of that one HTTP call, which the report shows.
/// </para>
/// </summary>
internal sealed class ReminderLedger(GovBotTables tables)
{
    private TableClient Table => tables.Get(TableNames.ReminderLedger);

    public static string DayPrefix(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "|";

    /// <summary>A recipient's entries of one send day.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(Recipient recipient, DateOnly day, CancellationToken cancellationToken)
    {
        var prefix = DayPrefix(day);
        var rows = await TableRows.QueryAsync(Table, TableRows.PartitionRowRange(recipient.TableKey, prefix, prefix + "~"), cancellationToken);
        return rows.Select(r => FromRow(recipient, r)).ToList();
    }

    /// <summary>Writes new entries as Pending in one transaction per 100; false when another writer got there first (409).</summary>
    public async Task<bool> AddPendingAsync(Recipient recipient, IEnumerable<string> rowKeys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(TableRows.MaxBatch))
        {
            var actions = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Add, NewRow(recipient, k, now)));
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Pending → Sending for all of <paramref name="entries"/> at once, each guarded by its ETag. Returns the claimed
    /// entries, or an empty list when another dispatcher changed any of them (412): then nothing may be sent.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> ClaimAsync(IReadOnlyList<LedgerEntry> entries, string digestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entries.Count == 0 || entries.Any(e => e.State != LedgerState.Pending)) return [];
        var claimed = new List<LedgerEntry>();
        foreach (var chunk in entries.Chunk(TableRows.MaxBatch))
        {
            var moves = chunk.Select(e => Move(e, LedgerState.Sending, e.Attempts + 1, now, digestId, null, null)).ToList();
            // Lost the race for this chunk: chunks already claimed are still ours to send.
            if (await OutboxLedger.MoveAllAsync(Table, moves, cancellationToken) is not { } etags) break;
            claimed.AddRange(chunk.Select((e, i) => e with { State = LedgerState.Sending, Attempts = e.Attempts + 1, UpdatedAt = now, DigestId = digestId, ETag = etags[i] }));
        }
        return claimed;
    }

    /// <summary>
    /// Records the outcome of a send for all of <paramref name="entries"/> (the dispatcher that claimed them), each
    /// guarded by its claim's ETag. False when an entry had changed meanwhile (resolved by someone else): it is left so.
    /// </summary>
    public async Task<bool> CompleteAsync(IReadOnlyList<LedgerEntry> entries, LedgerState state, string? activityId, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = true;
        foreach (var chunk in entries.Chunk(TableRows.MaxBatch))
        {
            var moves = chunk.Select(e => Move(e, state, e.Attempts, now, e.DigestId, activityId, error)).ToList();
            all &= (await OutboxLedger.MoveEachAsync(Table, moves, cancellationToken)).All(e => e is not null);
        }
        return all;
    }

    /// <summary>Resolves an entry left Sending by a dispatcher that died (Sending → Unknown, ETag-guarded).</summary>
    public async Task<bool> ResolveAbandonedAsync(LedgerEntry entry, DateTimeOffset now, CancellationToken cancellationToken) =>
        entry.State == LedgerState.Sending
        && await OutboxLedger.MoveAsync(Table, Move(entry, LedgerState.Unknown, entry.Attempts, now, entry.DigestId, null, "dispatcher stopped during the send"), cancellationToken) is not null;

    private static OutboxMove Move(LedgerEntry e, LedgerState to, int attempts, DateTimeOffset now, string? digestId, string? activityId, string? error) =>
        new(Row(e.Recipient, e.RowKey, to, attempts, now, digestId, activityId, error), e.ETag, ToOutbox(e.State), ToOutbox(to));

    /// <summary>The outbox state a stored reminder state stands for (the stored names predate the outbox and stay).</summary>
    public static OutboxState ToOutbox(LedgerState state) => state switch
    {
        LedgerState.Pending => OutboxState.Pending,
        LedgerState.Sending => OutboxState.Sending,
        LedgerState.Sent => OutboxState.Delivered,
        LedgerState.Unreachable => OutboxState.Unreachable,
        LedgerState.Failed => OutboxState.Failed,
        _ => OutboxState.Unknown,
    };

    /// <summary>The reminder state for an outbox state.</summary>
    public static LedgerState FromOutbox(OutboxState state) => state switch
    {
        OutboxState.Pending => LedgerState.Pending,
        OutboxState.Sending => LedgerState.Sending,
        OutboxState.Delivered => LedgerState.Sent,
        OutboxState.Unreachable => LedgerState.Unreachable,
        OutboxState.Failed => LedgerState.Failed,
        _ => LedgerState.Unknown,
    };

    private static TableEntity NewRow(Recipient r, string rowKey, DateTimeOffset now) => Row(r, rowKey, LedgerState.Pending, 0, now, null, null, null);

    private static TableEntity Row(Recipient r, string rowKey, LedgerState state, int attempts, DateTimeOffset now, string? digestId, string? activityId, string? error) =>
        new(r.TableKey, rowKey)
        {
            ["Recipient"] = r.Key,
            ["State"] = state.ToString(),
            ["Attempts"] = attempts,
            ["UpdatedAt"] = now,
            ["DigestId"] = digestId,
            ["ActivityId"] = activityId,
            ["Error"] = error,
        };

    private static LedgerEntry FromRow(Recipient r, TableEntity e) => new(
        r, e.RowKey, e.GetRequiredEnum<LedgerState>("State"), e.GetInt32("Attempts") ?? 0, e.GetDateTimeOffset("UpdatedAt") ?? default,
        e.GetString("DigestId"), e.GetString("ActivityId"), e.GetString("Error"), e.ETag);
}
