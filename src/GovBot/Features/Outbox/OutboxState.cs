using Azure;
using Azure.Data.Tables;

namespace GovBot.Features.Outbox;

/// <summary>
/// Where one proactive copy is in its life; every sender's ledger (reminders, notices) follows this machine, whatever
/// name its rows store for a state. A send happens only from <see cref="Sending"/>, entered only from
/// <see cref="Pending"/> by an ETag-checked claim, so two senders can never both send one copy.
/// </summary>
public enum OutboxState
{
    /// <summary>Written, not being sent: safe to claim.</summary>
    Pending,
    /// <summary>Claimed by a sender that is calling Teams now (or died doing so).</summary>
    Sending,
    /// <summary>Teams accepted it.</summary>
    Delivered,
    /// <summary>The conversation is gone or the app was removed (403/404), or there is no conversation.</summary>
    Unreachable,
    /// <summary>Refused for good, or given up.</summary>
    Failed,
    /// <summary>Sent with no answer (the sender died, the connection dropped, or it timed out): Teams may show it. Never re-sent.</summary>
    Unknown,
}

/// <summary>The legal moves, and the one place that checks them.</summary>
public static class OutboxStateMachine
{
    /// <summary>
    /// Pending → Sending (claim), Pending → Failed/Unreachable (given up before any send), Sending → any outcome, and
    /// Sending → Pending only when Teams definitely showed nothing. No way out of Delivered, Unreachable, Failed or
    /// Unknown: that is what makes "never twice" hold.
    /// </summary>
    public static bool IsAllowed(OutboxState from, OutboxState to) => (from, to) switch
    {
        (OutboxState.Pending, OutboxState.Sending or OutboxState.Failed or OutboxState.Unreachable) => true,
        (OutboxState.Sending, OutboxState.Pending or OutboxState.Delivered or OutboxState.Unreachable or OutboxState.Failed or OutboxState.Unknown) => true,
        _ => false,
    };

    /// <summary>Throws when the move is not allowed (a programming error: nothing is written).</summary>
    public static void Check(OutboxState from, OutboxState to)
    {
        if (!IsAllowed(from, to)) throw new InvalidOperationException($"A delivery cannot move from {from} to {to}.");
    }

    /// <summary>Where a send's result leaves the copy.</summary>
    public static OutboxState After(OutboxOutcome outcome) => outcome switch
    {
        OutboxOutcome.Delivered => OutboxState.Delivered,
        OutboxOutcome.Retry => OutboxState.Pending,
        OutboxOutcome.Unreachable => OutboxState.Unreachable,
        OutboxOutcome.Failed => OutboxState.Failed,
        _ => OutboxState.Unknown,
    };
}

/// <summary>One row's move: the row as it should be stored afterwards, the ETag it was read (or claimed) with, and the states.</summary>
public sealed record OutboxMove(TableEntity Row, ETag ETag, OutboxState From, OutboxState To);

/// <summary>
/// Applies ledger moves to Table Storage: each checked against <see cref="OutboxStateMachine"/>, then written with
/// its ETag, so a row changed by anyone else since it was read is left alone (412). Rows of one partition go in one
/// transaction of up to 100.
/// </summary>
public static class OutboxLedger
{
    /// <summary>All moves (one partition, at most 100) at once; their new ETags in order, or null when any row had changed (nothing written).</summary>
    public static async Task<IReadOnlyList<ETag>?> MoveAllAsync(TableClient table, IReadOnlyList<OutboxMove> moves, CancellationToken cancellationToken)
    {
        if (moves.Count == 0) return [];
        foreach (var m in moves) OutboxStateMachine.Check(m.From, m.To);
        try
        {
            var response = await table.SubmitTransactionAsync(moves.Select(m => new TableTransactionAction(TableTransactionActionType.UpdateReplace, m.Row, m.ETag)), cancellationToken);
            return moves.Select((_, i) => response.Value.Count > i ? response.Value[i].Headers.ETag ?? ETag.All : ETag.All).ToList();
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>One move; the new ETag, or null when the row had changed.</summary>
    public static async Task<ETag?> MoveAsync(TableClient table, OutboxMove move, CancellationToken cancellationToken)
    {
        OutboxStateMachine.Check(move.From, move.To);
        try
        {
            var response = await table.UpdateEntityAsync(move.Row, move.ETag, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>All moves at once when none raced; otherwise one by one. Returns the new ETag per move (null: that row had changed).</summary>
    public static async Task<IReadOnlyList<ETag?>> MoveEachAsync(TableClient table, IReadOnlyList<OutboxMove> moves, CancellationToken cancellationToken)
    {
        if (moves.Count == 0) return [];
        if (moves.Count <= 100 && moves.Select(m => m.Row.PartitionKey).Distinct(StringComparer.Ordinal).Count() == 1
            && await MoveAllAsync(table, moves, cancellationToken) is { } all)
            return all.Select(e => (ETag?)e).ToList();
        var result = new List<ETag?>(moves.Count);
        foreach (var m in moves) result.Add(await MoveAsync(table, m, cancellationToken));
        return result;
    }
}
