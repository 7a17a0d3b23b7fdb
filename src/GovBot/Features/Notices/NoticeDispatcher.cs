using GovBot.Connector;
using GovBot.Features.Reminders;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>
/// Processes one queued job: sends a notice to one recipient (at most once, via the ledger), or brings a delivered
/// copy up to date after an edit or a cancellation (update activity in place). Read top-down: load, check the
/// ledger, pace, claim, call Teams, record, then delete or release the job.
/// </summary>
public sealed partial class NoticeDispatcher(
    NoticeStore notices,
    INoticeLedger ledger,
    INoticeQueue queue,
    ConversationReferenceStore conversations,
    ConnectorClient connector,
    NoticePacer pacer,
    NoticeLinks links,
    NoticeProgress progress,
    IOptions<NoticeOptions> options,
    TimeProvider clock,
    ILogger<NoticeDispatcher> logger)
{
    /// <summary>One Teams call is allowed this long once claimed; it is never cut short by shutdown.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(100);

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
        // the copy through the update job that the change queues for every copy. Updates always read it fresh.
        var noticeTask = job.Kind == NoticeJobKind.Send ? CachedNoticeAsync(job.Notice, cancellationToken) : FreshNoticeAsync(job.Notice, cancellationToken);
        var deliveryTask = ledger.GetAsync(job.Notice, job.RecipientKey, cancellationToken);
        var notice = await noticeTask;
        var delivery = await deliveryTask;
        if (notice is null || delivery is null)
        {
            await queue.DeleteAsync(received, cancellationToken);
            return;
        }
        if (job.Kind == NoticeJobKind.Update)
        {
            await UpdateAsync(received, notice, delivery, cancellationToken);
            return;
        }

        switch (delivery.State)
        {
            case DeliveryState.Queued:
                await SendAsync(received, notice, delivery, cancellationToken);
                break;
            case DeliveryState.Sending when clock.GetUtcNow() - delivery.UpdatedAt >= Options.SendingGrace:
                // The worker that claimed it died during the call: Teams may have shown it, so never again.
                if (await ledger.CompleteAsync(delivery, DeliveryState.Unknown, null, "worker stopped during the send", delivery.SentVersion, clock.GetUtcNow(), cancellationToken) is not null)
                    LogUnknown(logger, job.Notice);
                await queue.DeleteAsync(received, cancellationToken);
                progress.Touch(job.Notice);
                break;
            case DeliveryState.Sending:
                // Another worker is calling Teams now (or died: look again after the grace).
                await queue.ReleaseAsync(received, Options.SendingGrace, cancellationToken);
                break;
            case DeliveryState.Delivered when delivery.AppliedVersion < notice.Version:
                await UpdateAsync(received, notice, delivery, cancellationToken);
                break;
            default:
                await queue.DeleteAsync(received, cancellationToken);
                break;
        }
    }

    private async Task SendAsync(ReceivedJob received, Notice notice, Delivery delivery, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (received.DequeueCount > Options.MaxDequeueCount)
        {
            await CompleteAndDeleteAsync(received, delivery, DeliveryState.Failed, null, $"gave up after {received.DequeueCount - 1} attempts ({delivery.Error ?? "no reason recorded"})", 0, cancellationToken);
            return;
        }
        if (notice.Status == NoticeStatus.Cancelled)
        {
            await CompleteAndDeleteAsync(received, delivery, DeliveryState.Failed, null, "not sent: the meeting was cancelled first", 0, cancellationToken);
            return;
        }
        var conversation = await conversations.GetAsync(delivery.Recipient, cancellationToken);
        if (conversation is null || !conversation.IsReachable)
        {
            var reason = conversation is null ? "no chat with GovBot (the app is not installed there)" : $"Teams refused earlier messages ({conversation.UnreachableReason ?? "unreachable"})";
            await CompleteAndDeleteAsync(received, delivery, DeliveryState.Unreachable, null, reason, 0, cancellationToken);
            return;
        }

        var reference = conversation.Reference;
        var conversationId = Recipient.RootConversationId(reference.Conversation.Id);
        await pacer.WaitAsync(reference.TenantId ?? "", conversationId, cancellationToken);

        // From the claim to the recorded outcome nothing may be cut short: a shutdown waits for the call to end.
        using var timeout = new CancellationTokenSource(SendTimeout);
        var ct = timeout.Token;
        var claimed = await ledger.TryClaimAsync(delivery, reference.ServiceUrl, conversationId, clock.GetUtcNow(), ct);
        if (claimed is null)
        {
            return; // another worker has it; its outcome will be in the ledger when this job comes round again
        }

        var version = notice.Version;
        var card = NoticeCards.Recipient(notice, links.CalendarUrl(notice.Number));
        DeliveryState outcome;
        string? activityId = null, error = null;
        var throttled = false;
        try
        {
            var response = await connector.SendToConversationAsync(reference.ServiceUrl, conversationId, Activity.Message(null, Attachment.AdaptiveCard(card)), ct);
            activityId = response.Id;
            outcome = DeliveryState.Delivered;
        }
        catch (ConnectorException e) when (e.StatusCode is 403 or 404)
        {
            outcome = DeliveryState.Unreachable;
            error = $"HTTP {e.StatusCode} {e.ErrorCode ?? e.SubCode}".Trim();
        }
        catch (ConnectorException e) when (e.StatusCode is 412 or 429 or >= 500)
        {
            outcome = DeliveryState.Queued; // Teams did not accept it: a later attempt cannot duplicate it
            throttled = e.StatusCode == 429;
            error = $"HTTP {e.StatusCode} {e.ErrorCode}".Trim();
        }
        catch (ConnectorException e)
        {
            outcome = DeliveryState.Failed;
            error = $"HTTP {e.StatusCode} {e.ErrorCode}".Trim();
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            outcome = DeliveryState.Queued; // no connection: nothing reached Teams
            error = "connection failed";
        }
        catch (OperationCanceledException)
        {
            outcome = DeliveryState.Unknown; // timed out: Teams may have shown it, so never again
            error = "timed out";
        }

        await ledger.CompleteAsync(claimed, outcome, activityId, error, outcome == DeliveryState.Delivered ? version : 0, clock.GetUtcNow(), CancellationToken.None);
        progress.Touch(notice.Number);
        switch (outcome)
        {
            case DeliveryState.Queued:
                var delay = throttled ? pacer.Penalise(reference.TenantId ?? "", claimed.Attempts) : Backoff(claimed.Attempts);
                LogRetry(logger, notice.Number, error ?? "", delay.TotalMilliseconds);
                await queue.ReleaseAsync(received, delay, CancellationToken.None);
                return;
            case DeliveryState.Unreachable:
                await conversations.MarkUnreachableAsync(delivery.Recipient, error ?? "refused", CancellationToken.None);
                break;
        }
        await queue.DeleteAsync(received, CancellationToken.None);
    }

    private async Task UpdateAsync(ReceivedJob received, Notice notice, Delivery delivery, CancellationToken cancellationToken)
    {
        switch (delivery.State)
        {
            case DeliveryState.Delivered when delivery.AppliedVersion >= notice.Version:
            case DeliveryState.Failed or DeliveryState.Unreachable or DeliveryState.Unknown:
                await queue.DeleteAsync(received, cancellationToken);
                return;
            case DeliveryState.Queued or DeliveryState.Sending:
                // Not delivered yet: the send shows the latest version; look again shortly in case it raced the change.
                if (received.DequeueCount > Options.MaxDequeueCount) await queue.DeleteAsync(received, cancellationToken);
                else await queue.ReleaseAsync(received, Backoff((int)received.DequeueCount), cancellationToken);
                return;
        }
        if (received.DequeueCount > Options.MaxDequeueCount)
        {
            LogUpdateGaveUp(logger, notice.Number);
            await queue.DeleteAsync(received, cancellationToken);
            return;
        }
        await pacer.WaitAsync("", delivery.ConversationId ?? "", cancellationToken);
        if (await UpdateInPlaceAsync(notice, delivery, CancellationToken.None)) await queue.DeleteAsync(received, CancellationToken.None);
        else await queue.ReleaseAsync(received, Backoff((int)received.DequeueCount), CancellationToken.None);
    }

    /// <summary>Replaces the delivered message with the notice's latest card. False when Teams refused retryably.</summary>
    private async Task<bool> UpdateInPlaceAsync(Notice notice, Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is not { ServiceUrl: { } serviceUrl, ConversationId: { } conversationId, ActivityId: { } activityId }) return true;
        var card = NoticeCards.Recipient(notice, links.CalendarUrl(notice.Number));
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            await connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, Activity.Message(null, Attachment.AdaptiveCard(card)), timeout.Token);
            await ledger.SetAppliedVersionAsync(delivery, notice.Version, clock.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (ConnectorException e) when (e.StatusCode is 412 or 429 or >= 500)
        {
            return false;
        }
        catch (ConnectorException e)
        {
            LogUpdateRefused(logger, notice.Number, e.StatusCode);
            return true; // the message is gone or the app was removed: nothing more to do
        }
    }

    private async Task CompleteAndDeleteAsync(ReceivedJob received, Delivery delivery, DeliveryState state, string? activityId, string error, int version, CancellationToken cancellationToken)
    {
        await ledger.CompleteAsync(delivery, state, activityId, error, version, clock.GetUtcNow(), cancellationToken);
        progress.Touch(delivery.Notice);
        await queue.DeleteAsync(received, cancellationToken);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (Notice Notice, long ReadAt)> _recent = new();

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Notice}: Teams refused an in-place update ({Status})")]
    private static partial void LogUpdateRefused(ILogger logger, int notice, int status);
}
