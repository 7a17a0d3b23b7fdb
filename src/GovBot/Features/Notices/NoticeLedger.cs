using Azure;
using Azure.Data.Tables;
using GovBot.Features.Conversations;
using GovBot.Features.Outbox;
using GovBot.Features.Reminders;
using GovBot.Storage;

namespace GovBot.Features.Notices;

/// <summary>
/// The per-recipient delivery ledger of notices: what makes each copy go out at most once and never get lost.
/// The model is the outbox's (<see cref="OutboxStateMachine"/>): a delivery is written Queued before its job is queued; a worker may send
/// only after moving it Queued → Sending with its ETag (a second worker holding the same job gets 412 and stops);
/// it then records Delivered (with the activity id), Unreachable, Failed, or back to Queued when Teams refused it
/// retryably (nothing was shown, so a retry cannot duplicate). A delivery still Sending after the grace belongs to a
/// worker that died mid-call: Teams may have shown it, so it becomes Unknown and is never re-sent.
/// </summary>
internal interface INoticeLedger
{
    /// <summary>Writes the deliveries as Queued (idempotent: existing rows are left as they are).</summary>
    Task AddQueuedAsync(int notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    Task<Delivery?> GetAsync(int notice, string recipientKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<Delivery>> ListAsync(int notice, CancellationToken cancellationToken);

    /// <summary>The rows of some recipients of one notice (a job's), in one query; missing rows are left out.</summary>
    Task<IReadOnlyList<Delivery>> GetManyAsync(int notice, IReadOnlyList<string> recipientKeys, CancellationToken cancellationToken);

    /// <summary>Queued → Sending, guarded by the ETag; null when another worker changed it first.</summary>
    Task<Delivery?> TryClaimAsync(Delivery queued, string serviceUrl, string conversationId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the outcome (guarded by the ETag the claim returned, or the row's as read); null when it changed meanwhile.</summary>
    Task<Delivery?> CompleteAsync(Delivery delivery, DeliveryState state, string? activityId, string? failure, int sentVersion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Queued → Sending for several rows of one notice in one transaction (each ETag-guarded); on a lost race, one by one. Returns those claimed.</summary>
    Task<IReadOnlyList<Delivery>> TryClaimManyAsync(IReadOnlyList<Delivery> queued, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records several outcomes of one notice in one transaction (each guarded by its claim's ETag).</summary>
    Task CompleteManyAsync(IReadOnlyList<(Delivery Claimed, DeliveryState State, string? ActivityId, string? Error, int SentVersion)> outcomes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records that the delivered message now shows <paramref name="version"/> (after an in-place update).</summary>
    Task SetAppliedVersionAsync(Delivery delivery, int version, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// <b>NoticeDeliveries</b>: PartitionKey = "n" + the notice number ("n000012"), RowKey = the recipient's encoded key.
/// One partition per notice: the status card and the report read it whole (up to a few thousand rows), every
/// worker step is a point read or an ETag-guarded replace of one row, and queuing writes transactions of 100.
/// </summary>
internal sealed class NoticeLedger(GovBotTables tables) : INoticeLedger
{
    private TableClient Table => tables.Get(TableNames.NoticeDeliveries);

    public async Task AddQueuedAsync(int notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var chunk in deliveries.Chunk(TableRows.MaxBatch))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.Add, ToRow(d))), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // A retried send: some rows exist already and must keep their state. Add the rest one by one.
                foreach (var d in chunk)
                {
                    try
                    {
                        await Table.AddEntityAsync(ToRow(d), cancellationToken);
                    }
                    catch (RequestFailedException one) when (one.Status == 409)
                    {
                    }
                }
            }
        }
    }

    public async Task<Delivery?> GetAsync(int notice, string recipientKey, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Table, NoticeStore.NoticePartition(notice), TableKeys.Encode(recipientKey), cancellationToken);
        return row is null ? null : FromRow(notice, row);
    }

    public async Task<IReadOnlyList<Delivery>> GetManyAsync(int notice, IReadOnlyList<string> recipientKeys, CancellationToken cancellationToken)
    {
        if (recipientKeys.Count == 0) return [];
        // One range query for a job's rows instead of one read each (jobs are cut in key order, so the range holds
        // little else): at hundreds of copies a second, storage round trips are the cost.
        var keys = recipientKeys.Select(TableKeys.Encode).ToHashSet(StringComparer.Ordinal);
        var from = keys.Min(StringComparer.Ordinal)!;
        var to = keys.Max(StringComparer.Ordinal)!;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {NoticeStore.NoticePartition(notice)} and RowKey ge {from} and RowKey le {to}");
        var rows = await TableRows.QueryAsync(Table, filter, cancellationToken);
        return rows.Where(r => keys.Contains(r.RowKey)).Select(r => FromRow(notice, r)).Where(d => d is not null).Select(d => d!).ToList();
    }

    public async Task<IReadOnlyList<Delivery>> ListAsync(int notice, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Table, TableRows.Partition(NoticeStore.NoticePartition(notice)), cancellationToken);
        return rows.Select(r => FromRow(notice, r)).Where(d => d is not null).Select(d => d!).ToList();
    }

    public async Task<Delivery?> TryClaimAsync(Delivery queued, string serviceUrl, string conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (queued.State != DeliveryState.Queued) return null;
        var claimed = queued with { State = DeliveryState.Sending, Attempts = queued.Attempts + 1, UpdatedAt = now, ServiceUrl = serviceUrl, ConversationId = conversationId, Error = null };
        var etag = await OutboxLedger.MoveAsync(Table, Move(queued, claimed), cancellationToken);
        return etag is { } e ? claimed with { ETag = e } : null;
    }

    public async Task<Delivery?> CompleteAsync(Delivery delivery, DeliveryState state, string? activityId, string? failure, int sentVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var done = Outcome(delivery, state, activityId, failure, sentVersion, now);
        var etag = await OutboxLedger.MoveAsync(Table, Move(delivery, done), cancellationToken);
        return etag is { } e ? done with { ETag = e } : null;
    }

    public async Task<IReadOnlyList<Delivery>> TryClaimManyAsync(IReadOnlyList<Delivery> queued, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Another worker may hold some of them (the job came round twice): then each row is tried on its own.
        var candidates = queued.Where(d => d.State == DeliveryState.Queued).ToList();
        var claimed = candidates.Select(d => d with { State = DeliveryState.Sending, Attempts = d.Attempts + 1, UpdatedAt = now, Error = null }).ToList();
        var etags = await OutboxLedger.MoveEachAsync(Table, candidates.Select((d, i) => Move(d, claimed[i])).ToList(), cancellationToken);
        return claimed.Select((c, i) => etags[i] is { } e ? c with { ETag = e } : null).Where(c => c is not null).Select(c => c!).ToList();
    }

    public async Task CompleteManyAsync(IReadOnlyList<(Delivery Claimed, DeliveryState State, string? ActivityId, string? Error, int SentVersion)> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Each guarded by the ETag of its claim (or of the read, for rows settled without a send): a row that changed
        // meanwhile belongs to someone else and keeps its state.
        await OutboxLedger.MoveEachAsync(Table, outcomes.Select(o => Move(o.Claimed, Outcome(o.Claimed, o.State, o.ActivityId, o.Error, o.SentVersion, now))).ToList(), cancellationToken);
    }

    private static Delivery Outcome(Delivery d, DeliveryState state, string? activityId, string? failure, int sentVersion, DateTimeOffset now) =>
        d with { State = state, ActivityId = activityId ?? d.ActivityId, Error = failure, SentVersion = sentVersion, AppliedVersion = sentVersion, UpdatedAt = now };

    private static OutboxMove Move(Delivery before, Delivery after) => new(ToRow(after), before.ETag, ToOutbox(before.State), ToOutbox(after.State));

    /// <summary>The outbox state a stored notice state stands for (the stored names predate the outbox and stay).</summary>
    public static OutboxState ToOutbox(DeliveryState state) => state switch
    {
        DeliveryState.Queued => OutboxState.Pending,
        DeliveryState.Sending => OutboxState.Sending,
        DeliveryState.Delivered => OutboxState.Delivered,
        DeliveryState.Unreachable => OutboxState.Unreachable,
        DeliveryState.Failed => OutboxState.Failed,
        _ => OutboxState.Unknown,
    };

    /// <summary>The notice state for an outbox state.</summary>
    public static DeliveryState FromOutbox(OutboxState state) => state switch
    {
        OutboxState.Pending => DeliveryState.Queued,
        OutboxState.Sending => DeliveryState.Sending,
        OutboxState.Delivered => DeliveryState.Delivered,
        OutboxState.Unreachable => DeliveryState.Unreachable,
        OutboxState.Failed => DeliveryState.Failed,
        _ => DeliveryState.Unknown,
    };

    public async Task SetAppliedVersionAsync(Delivery delivery, int version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Updates are idempotent (the same card again), so losing this race only costs one more update later.
        await TableRows.ReplaceIfUnchangedAsync(Table, ToRow(delivery with { AppliedVersion = version, UpdatedAt = now, Error = null }), delivery.ETag, cancellationToken);
    }

    internal static TableEntity ToRow(Delivery d) => new(NoticeStore.NoticePartition(d.Notice), d.Recipient.TableKey)
    {
        ["Recipient"] = d.Recipient.Key,
        ["Label"] = d.Label,
        ["State"] = d.State.ToString(),
        ["Attempts"] = d.Attempts,
        ["UpdatedAt"] = d.UpdatedAt,
        ["ServiceUrl"] = d.ServiceUrl,
        ["ConversationId"] = d.ConversationId,
        ["ActivityId"] = d.ActivityId,
        ["Error"] = d.Error,
        ["SentVersion"] = d.SentVersion,
        ["AppliedVersion"] = d.AppliedVersion,
    };

    private static Delivery? FromRow(int notice, TableEntity r) =>
        Recipient.FromKey(r.GetString("Recipient") ?? "") is not { } recipient ? null : new(
            notice, recipient, r.GetString("Label") ?? recipient.Id, r.GetRequiredEnum<DeliveryState>("State"), r.GetInt32("Attempts") ?? 0,
            r.GetDateTimeOffset("UpdatedAt") ?? default, r.GetString("ServiceUrl"), r.GetString("ConversationId"), r.GetString("ActivityId"),
            r.GetString("Error"), r.GetInt32("SentVersion") ?? 0, r.GetInt32("AppliedVersion") ?? 0, r.ETag);
}
