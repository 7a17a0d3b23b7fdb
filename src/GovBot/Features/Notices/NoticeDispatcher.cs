using System.Collections.Concurrent;
using GovBot.Connector;
using GovBot.Features.Conversations;
using GovBot.Features.Outbox;
using GovBot.Features.Reminders;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>
/// Processes one queued job for up to <see cref="NoticeJob.MaxRecipients"/> recipients: sends the notice to those
/// still Queued (at most once each, via the ledger), or brings delivered copies up to date after an edit or a
/// cancellation. A send job reads top-down: load, sort by ledger state, pace, claim (one transaction), call Teams
/// for the claimed copies at once, record (one transaction), then delete the job or release it for a retry.
/// </summary>
internal sealed partial class NoticeDispatcher(
    NoticeStore notices,
    INoticeLedger ledger,
    INoticeQueue queue,
    ConversationReferenceStore conversations,
    OutboxSender outbox,
    NoticeLinks links,
    NoticeProgress progress,
    IOptions<NoticeOptions> options,
    TimeProvider clock,
    ILogger<NoticeDispatcher> logger)
{
    /// <summary>
    /// One Teams call (with the connector's retries) is allowed this long once claimed, never cut short by shutdown,
    /// and always well inside the grace, so a live worker's copy is never taken for an abandoned one.
    /// </summary>
    private TimeSpan SendTimeout => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(100).Ticks, Options.SendingGrace.Ticks / 2));

    private readonly ConcurrentDictionary<int, (Notice Notice, long ReadAt)> _recent = new();

    private NoticeOptions Options => options.Value;

    public async Task ProcessAsync(ReceivedJob received, CancellationToken cancellationToken)
    {
        if (received.Job is not { } job)
        {
            LogMalformed(logger, received.MessageId);
            await queue.DeleteAsync(received, cancellationToken);
            return;
        }
        // Sends may use a notice read up to a second ago (thousands of jobs share it); a change made meanwhile reaches
        // the copy through the update job the change queues for every copy. Updates always read it fresh.
        var noticeTask = job.Kind == NoticeJobKind.Send ? CachedNoticeAsync(job.Notice, cancellationToken) : FreshNoticeAsync(job.Notice, cancellationToken);
        var deliveriesTask = ledger.GetManyAsync(job.Notice, job.RecipientKeys, cancellationToken);
        var notice = await noticeTask;
        var deliveries = (await deliveriesTask).ToList();
        if (notice is null || deliveries.Count == 0)
        {
            await queue.DeleteAsync(received, cancellationToken);
            return;
        }
        var again = job.Kind == NoticeJobKind.Send
            ? await SendAsync(received, notice, deliveries, cancellationToken)
            : await UpdateAsync(received, notice, deliveries, cancellationToken);
        if (again is { } delay) await queue.ReleaseAsync(received, delay, CancellationToken.None);
        else await queue.DeleteAsync(received, CancellationToken.None);
    }

    /// <summary>Returns when to look at the job again, or null when every copy has its outcome.</summary>
    private async Task<TimeSpan?> SendAsync(ReceivedJob received, Notice notice, List<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        TimeSpan? again = null;
        var queued = new List<Delivery>();
        var settled = new List<(Delivery, DeliveryState, string?, string?, int)>();
        foreach (var d in deliveries)
        {
            switch (d.State)
            {
                case DeliveryState.Queued: queued.Add(d); break;
                case DeliveryState.Sending when now - d.UpdatedAt >= Options.SendingGrace:
                    // The worker that claimed it died during the call: Teams may have shown it, so never again.
                    settled.Add((d, DeliveryState.Unknown, null, "worker stopped during the send", d.SentVersion));
                    LogUnknown(logger, notice.Number);
                    break;
                case DeliveryState.Sending:
                    // Another worker is calling Teams now (its own delete of the job will fail once we hold it), or died:
                    // look again soon; after the grace the copy is settled Unknown.
                    again = Min(again, Options.SendingGrace < Options.VisibilityTimeout ? Options.SendingGrace : Options.VisibilityTimeout);
                    break;
            }
        }
        if (received.DequeueCount > Options.MaxDequeueCount)
        {
            settled.AddRange(queued.Select(d => (d, DeliveryState.Failed, (string?)null, (string?)$"gave up after {received.DequeueCount - 1} attempts ({d.Error ?? "no reason recorded"})", 0)));
            queued.Clear();
        }
        else if (notice.Status == NoticeStatus.Cancelled)
        {
            settled.AddRange(queued.Select(d => (d, DeliveryState.Failed, (string?)null, (string?)"not sent: the meeting was cancelled first", 0)));
            queued.Clear();
        }
        var sendable = new List<Delivery>();
        foreach (var d in queued)
        {
            if (d is { ServiceUrl: { Length: > 0 }, ConversationId: { Length: > 0 } }) { sendable.Add(d); continue; }
            // Queued without an address (older rows): look it up now.
            var c = await conversations.GetAsync(d.Recipient, cancellationToken);
            if (c is { IsReachable: true }) sendable.Add(d with { ServiceUrl = c.Reference.ServiceUrl, ConversationId = Recipient.RootConversationId(c.Reference.Conversation.Id) });
            else settled.Add((d, DeliveryState.Unreachable, null, NoticeService.NoChat, 0));
        }
        await ledger.CompleteManyAsync(settled, now, cancellationToken);
        if (sendable.Count == 0)
        {
            if (settled.Count > 0) progress.Touch(notice.Number);
            return again;
        }

        // Claimed about as fast as the outbox lets copies out, so a claimed copy does not wait long for its turn.
        await outbox.AdmitAsync(sendable.Count, cancellationToken);

        // From the claim to the recorded outcome nothing may be cut short: a shutdown waits for the calls to end.
        using var timeout = new CancellationTokenSource(SendTimeout);
        var claimed = await ledger.TryClaimManyAsync(sendable, clock.GetUtcNow(), timeout.Token);
        if (claimed.Count < sendable.Count) again = Min(again, Options.SendingGrace < Options.VisibilityTimeout ? Options.SendingGrace : Options.VisibilityTimeout); // the rest belong to another worker
        var card = Activity.Message(null, Attachment.AdaptiveCard(NoticeCards.Recipient(notice, links.CalendarUrl(notice.Number))));
        var results = await Task.WhenAll(claimed.Select(d => SendOneAsync(d, card, notice.Version, timeout.Token)));
        await ledger.CompleteManyAsync(results.Select(r => (r.Claimed, r.State, r.ActivityId, r.Error, r.SentVersion)).ToList(), clock.GetUtcNow(), CancellationToken.None);
        progress.Touch(notice.Number);

        foreach (var r in results)
        {
            switch (r.State)
            {
                case DeliveryState.Queued:
                    // A 429 has already paused the whole outbox for its Retry-After; the job only has to come back later.
                    var delay = Backoff(r.Claimed.Attempts);
                    LogRetry(logger, notice.Number, r.Error ?? "", delay.TotalMilliseconds);
                    again = Min(again, delay);
                    break;
                case DeliveryState.Unreachable:
                    await conversations.MarkUnreachableAsync(r.Claimed.Recipient, r.Error ?? "refused", CancellationToken.None);
                    break;
            }
        }
        return again;
    }

    private sealed record SendResult(Delivery Claimed, DeliveryState State, string? ActivityId, string? Error, int SentVersion);

    private async Task<SendResult> SendOneAsync(Delivery claimed, Activity card, int version, CancellationToken ct)
    {
        OutboxResult result;
        try
        {
            result = await outbox.SendAsync(claimed.ServiceUrl!, claimed.ConversationId!, card, ct);
        }
        catch (OperationCanceledException)
        {
            result = new(OutboxOutcome.Unknown, null, "timed out"); // Teams may have shown it, so never again
        }
        var state = NoticeLedger.FromOutbox(OutboxStateMachine.After(result.Outcome));
        return new(claimed, state, result.ActivityId, result.Error, state == DeliveryState.Delivered ? version : 0);
    }

    private async Task<TimeSpan?> UpdateAsync(ReceivedJob received, Notice notice, List<Delivery> deliveries, CancellationToken cancellationToken)
    {
        TimeSpan? again = null;
        var giveUp = received.DequeueCount > Options.MaxDequeueCount;
        foreach (var delivery in deliveries)
        {
            switch (delivery.State)
            {
                case DeliveryState.Delivered when delivery.AppliedVersion < notice.Version:
                    if (giveUp)
                    {
                        LogUpdateGaveUp(logger, notice.Number);
                        continue;
                    }
                    await outbox.AdmitAsync(1, cancellationToken);
                    if (!await UpdateInPlaceAsync(notice, delivery, CancellationToken.None)) again = Min(again, Backoff((int)received.DequeueCount));
                    break;
                case DeliveryState.Queued or DeliveryState.Sending when !giveUp:
                    // Not delivered yet: it may be on its way with the old version; look again shortly.
                    again = Min(again, Backoff((int)received.DequeueCount));
                    break;
            }
        }
        return again;
    }

    /// <summary>Replaces the delivered message with the notice's latest card. False when Teams refused retryably.</summary>
    private async Task<bool> UpdateInPlaceAsync(Notice notice, Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is not { ServiceUrl: { } serviceUrl, ConversationId: { } conversationId, ActivityId: { } activityId }) return true;
        var card = NoticeCards.Recipient(notice, links.CalendarUrl(notice.Number));
        OutboxResult result;
        using (var timeout = new CancellationTokenSource(SendTimeout))
        {
            try
            {
                result = await outbox.UpdateAsync(serviceUrl, conversationId, activityId, Activity.Message(null, Attachment.AdaptiveCard(card)), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return false; // an update is idempotent: trying again later cannot duplicate anything
            }
        }
        switch (result.Outcome)
        {
            case OutboxOutcome.Delivered:
                await ledger.SetAppliedVersionAsync(delivery, notice.Version, clock.GetUtcNow(), cancellationToken);
                return true;
            case OutboxOutcome.Retry or OutboxOutcome.Unknown:
                return false;
            default:
                LogUpdateRefused(logger, notice.Number, result.Error ?? "");
                return true; // the message is gone or the app was removed: nothing more to do
        }
    }

    private async Task<Notice?> FreshNoticeAsync(int number, CancellationToken cancellationToken) =>
        (await notices.GetAsync(number, cancellationToken))?.Notice;

    private async Task<Notice?> CachedNoticeAsync(int number, CancellationToken cancellationToken)
    {
        if (_recent.TryGetValue(number, out var hit) && clock.GetElapsedTime(hit.ReadAt) < TimeSpan.FromSeconds(1)) return hit.Notice;
        var notice = await FreshNoticeAsync(number, cancellationToken);
        if (notice is not null)
        {
            if (_recent.Count > 100) _recent.Clear();
            _recent[number] = (notice, clock.GetTimestamp());
        }
        return notice;
    }

    private static TimeSpan? Min(TimeSpan? a, TimeSpan b) => a is { } x && x < b ? x : b;

    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(60_000, 1_000 * Math.Pow(2, Math.Clamp(attempt - 1, 0, 6)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice job {MessageId} is malformed; deleted")]
    private static partial void LogMalformed(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {Notice}: a copy was being sent when its worker stopped; outcome unknown, not re-sent")]
    private static partial void LogUnknown(ILogger logger, int notice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Notice}: Teams refused a send retryably ({Error}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int notice, string error, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {Notice}: an in-place update kept failing; gave up")]
    private static partial void LogUpdateGaveUp(ILogger logger, int notice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Notice}: Teams refused an in-place update ({Error})")]
    private static partial void LogUpdateRefused(ILogger logger, int notice, string error);
}
