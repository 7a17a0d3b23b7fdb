using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Outbox;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Reminders;

/// <summary>
/// One reminder run: take the dispatch lease, load, plan, and send each digest through the ledger (see
/// <see cref="ReminderLedger"/> for why nothing goes out twice), then record what happened. Safe to call on every
/// tick: before the send time, on a non-working day, or once the day is complete it does nothing.
/// </summary>
internal sealed partial class ReminderRunner(
    ReminderPlanner planner,
    WorkingDays calendar,
    ChecklistStore checklist,
    ActionStore actions,
    GroupStore groups,
    MembershipStore memberships,
    PersonStore people,
    SubscriptionStore subscriptions,
    ConversationReferenceStore conversations,
    ReminderLedger ledger,
    ReminderStateStore state,
    IServiceScopeFactory scopes,
    OutboxPacer pacer,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderRunner> logger)
{
    private const string SkipNotInstalled = "recipient has no conversation with GovBot";
    private const string SkipUnreachable = "conversation marked unreachable";
    private DateOnly? _completedDay;

    /// <summary>This instance's lease owner id (random per process).</summary>
    public string InstanceId { get; init; } = Guid.NewGuid().ToString("N")[..12];

    private ReminderOptions Options => options.Value;

    /// <summary>Runs once if reminders are due now; returns the run's summary, or null when there was nothing to do.</summary>
    public async Task<ReminderRun?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var (today, _) = UkTime.ToUkLocal(startedAt);
        if (_completedDay == today || !calendar.IsWorkingDay(today) || startedAt < UkTime.ToInstant(today, Options.SendTime)) return null;
        if (await state.IsDayCompleteAsync(today, cancellationToken))
        {
            _completedDay = today;
            return null;
        }
        if (!await state.TryAcquireLeaseAsync(InstanceId, startedAt, Options.LeaseDuration, cancellationToken))
        {
            LogLeaseHeld(logger, InstanceId);
            return null;
        }
        try
        {
            return await RunLeasedAsync(startedAt, today, cancellationToken);
        }
        finally
        {
            try
            {
                await state.ReleaseLeaseAsync(InstanceId, clock.GetUtcNow(), CancellationToken.None);
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
            {
                LogReleaseFailed(logger, e.GetType().Name); // the lease expires by itself
            }
        }
    }

    private async Task<ReminderRun> RunLeasedAsync(DateTimeOffset startedAt, DateOnly today, CancellationToken ct)
    {
        var inputs = await LoadAsync(today, ct);
        var plan = planner.Plan(startedAt, inputs);
        var stored = (await conversations.ListAsync(ct)).ToDictionary(c => c.Recipient);
        LogPlanned(logger, today, plan.Digests.Count, plan.ReminderCount, plan.IsLate, InstanceId);

        var tally = new Tally();
        foreach (var (reason, count) in plan.Skipped) tally.Skip(reason, count);
        var unreachable = new ConcurrentBag<string>();
        using var lease = new LeaseKeeper(state, clock, Options, InstanceId, startedAt);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var messenger = scope.ServiceProvider.GetRequiredService<IProactiveMessenger>();
            await Parallel.ForEachAsync(plan.Digests, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelSends, CancellationToken = ct }, async (digest, token) =>
            {
                if (!await lease.KeepAsync(token)) { Tally.Add(ref tally.Retrying, digest.Items.Count); return; }
                try
                {
                    await DispatchAsync(digest, stored, messenger, tally, unreachable, token);
                }
                catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException && !token.IsCancellationRequested)
                {
                    // Storage failed around this digest: whatever was claimed stays Sending and is resolved after the grace.
                    var who = Hash(digest.Recipient.Key);
                    var kind = e.GetType().Name;
                    LogDigestFailed(logger, who, kind);
                    Tally.Add(ref tally.Retrying, digest.Items.Count);
                }
            });
        }

        var run = new ReminderRun(startedAt, clock.GetUtcNow(), today, plan.IsLate, plan.Digests.Count, plan.ReminderCount,
            tally.Sent, tally.AlreadyDone, tally.Failed, tally.Unreachable, tally.Unknown, tally.Retrying,
            tally.Skipped.ToDictionary(k => k.Key, k => k.Value), [.. unreachable]);
        await state.SaveRunAsync(run, ct);
        if (tally.Retrying == 0)
        {
            await state.MarkDayCompleteAsync(today, clock.GetUtcNow(), ct);
            _completedDay = today;
        }
        var skipped = string.Join("; ", run.Skipped.Select(s => $"{s.Key}={s.Value}"));
        LogRun(logger, today, run.Planned, run.Sent, run.AlreadyDone, run.Retrying, run.Failed, run.Unreachable, run.Unknown, skipped);
        return run;
    }

    private async Task DispatchAsync(PlannedDigest digest, Dictionary<Recipient, StoredConversation> stored, IProactiveMessenger messenger, Tally tally, ConcurrentBag<string> unreachable, CancellationToken ct)
    {
        var who = Hash(digest.Recipient.Key);
        if (!stored.TryGetValue(digest.Recipient, out var conversation)) { tally.Skip(SkipNotInstalled, digest.Items.Count); return; }
        if (!conversation.IsReachable) { tally.Skip(SkipUnreachable, digest.Items.Count); return; }

        var keys = digest.Items.ToDictionary(i => i.LedgerKey(digest.Day));
        var existing = (await ledger.ListAsync(digest.Recipient, digest.Day, ct)).ToDictionary(e => e.RowKey);
        var now = clock.GetUtcNow();
        var missing = keys.Keys.Where(k => !existing.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            if (!await ledger.AddPendingAsync(digest.Recipient, missing, now, ct))
            {
                LogRaced(logger, who);
                Tally.Add(ref tally.Retrying, digest.Items.Count);
                return;
            }
            existing = (await ledger.ListAsync(digest.Recipient, digest.Day, ct)).ToDictionary(e => e.RowKey);
        }

        var claimable = new List<LedgerEntry>();
        foreach (var key in keys.Keys)
        {
            if (!existing.TryGetValue(key, out var entry)) { Tally.Add(ref tally.Retrying, 1); continue; }
            switch (entry.State)
            {
                case LedgerState.Pending when entry.Attempts >= Options.MaxAttempts:
                    await ledger.CompleteAsync([entry], LedgerState.Failed, null, "attempts exhausted", now, ct);
                    Tally.Add(ref tally.Failed, 1);
                    break;
                case LedgerState.Pending:
                    claimable.Add(entry);
                    break;
                case LedgerState.Sending when now - entry.UpdatedAt > Options.SendingGrace:
                    if (await ledger.ResolveAbandonedAsync(entry, now, ct)) Tally.Add(ref tally.Unknown, 1);
                    else Tally.Add(ref tally.Retrying, 1);
                    break;
                case LedgerState.Sending:
                    Tally.Add(ref tally.Retrying, 1);
                    break;
                default:
                    Tally.Add(ref tally.AlreadyDone, 1);
                    break;
            }
        }
        if (claimable.Count == 0) return;

        await pacer.AdmitAsync(1, ct); // the messenger's connector passes the same pacer for every attempt
        var claimed = await ledger.ClaimAsync(claimable, Guid.NewGuid().ToString("N"), now, ct);
        if (claimed.Count == 0)
        {
            LogRaced(logger, who);
            Tally.Add(ref tally.Retrying, claimable.Count);
            return;
        }
        var claimedKeys = claimed.Select(c => c.RowKey).ToHashSet(StringComparer.Ordinal);
        var items = keys.Where(k => claimedKeys.Contains(k.Key)).Select(k => k.Value).ToList();
        var card = ReminderCards.Digest(digest with { Items = items }, Options.SendTime, digest.Recipient.Kind == RecipientKind.Person, Options.MaxItemsPerCard);

        LedgerState outcome;
        string? activityId = null, error = null;
        try
        {
            await messenger.ContinueConversationAsync(conversation.Reference, async (turn, token) =>
                activityId = await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(card)), token), ct);
            outcome = LedgerState.Sent;
        }
        catch (Exception e) when (OutboxErrors.Classify(e, ct) is { } result)
        {
            outcome = ReminderLedger.FromOutbox(OutboxStateMachine.After(result.Outcome));
            error = result.Error;
        }

        if (outcome == LedgerState.Pending && claimed.Max(c => c.Attempts) >= Options.MaxAttempts) outcome = LedgerState.Failed;
        await ledger.CompleteAsync(claimed, outcome, activityId, error, clock.GetUtcNow(), ct);
        switch (outcome)
        {
            case LedgerState.Sent: Tally.Add(ref tally.Sent, claimed.Count); LogSent(logger, who, claimed.Count, digest.IsLate); break;
            case LedgerState.Unreachable:
                Tally.Add(ref tally.Unreachable, claimed.Count);
                unreachable.Add(who);
                await conversations.MarkUnreachableAsync(digest.Recipient, error ?? "refused", ct);
                LogUnreachable(logger, who, error ?? "");
                break;
            case LedgerState.Pending: Tally.Add(ref tally.Retrying, claimed.Count); LogWillRetry(logger, who, error ?? ""); break;
            case LedgerState.Unknown: Tally.Add(ref tally.Unknown, claimed.Count); LogUnknown(logger, who, error ?? ""); break;
            default: Tally.Add(ref tally.Failed, claimed.Count); LogFailed(logger, who, error ?? ""); break;
        }
    }

    /// <summary>The open items near their dates, every subscription, the seats of the groups involved, and today's snoozes.</summary>
    internal async Task<ReminderPlanInputs> LoadAsync(DateOnly today, CancellationToken ct)
    {
        var checklistTask = checklist.ListWithDeadlineBetweenAsync(today, today.AddDays(21), ct);
        var actionsTask = actions.ListDueBetweenAsync(today.AddDays(-366), today.AddDays(21), ct);
        var subscriptionsTask = subscriptions.ListAllAsync(ct);
        var groupsTask = groups.ListAsync(ct);
        var snoozesTask = state.SnoozesForAsync(today, ct);
        await Task.WhenAll(checklistTask, actionsTask, subscriptionsTask, groupsTask, snoozesTask);

        var open = actionsTask.Result.Where(a => !a.IsClosed).ToList();
        var codes = open.Select(a => a.GroupCode)
            .Concat(open.SelectMany(a => a.Owners).Where(o => o.Kind is OwnerPartyKind.GroupMembers or OwnerPartyKind.GroupChair).Select(o => o.Value))
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        var seats = new Dictionary<string, IReadOnlyList<GroupMembership>>(StringComparer.Ordinal);
        foreach (var code in codes) seats[code] = await memberships.ListByGroupAsync(code, ct);
        IReadOnlyCollection<string> pmo = open.Any(a => a.Owners.Any(o => o.Kind == OwnerPartyKind.Pmo))
            ? (await people.ListAsync(ct)).Where(p => p.IsPmo).Select(p => p.Id).ToList()
            : [];
        return new(checklistTask.Result, open, subscriptionsTask.Result, seats, groupsTask.Result, pmo, snoozesTask.Result,
            await ConstituenciesAsync(subscriptionsTask.Result, ct));
    }

    /// <summary>The constituencies of the people who asked for their constituency's checklist items only (usually few).</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ConstituenciesAsync(IReadOnlyList<Subscription> all, CancellationToken ct)
    {
        var wanting = all.Where(s => s.Target == SubscriptionTargets.ChecklistMyConstituency && s.Recipient.Kind == RecipientKind.Person)
            .Select(s => s.Recipient.Id).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (wanting.Count == 0) return result;
        foreach (var person in (await people.ListAsync(ct)).Where(p => wanting.Contains(p.Id)))
        {
            result[person.Id] = Constituencies.OfPerson(person, await memberships.ListByPersonAsync(person.Id, ct));
        }
        return result;
    }

    /// <summary>A short one-way hash of an identifier, so logs can correlate without personal data.</summary>
    internal static string Hash(string value) => Recipient.Hash(value);

    private sealed class Tally
    {
        public int Sent, AlreadyDone, Failed, Unreachable, Unknown, Retrying;
        public ConcurrentDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

        public static void Add(ref int field, int n) => Interlocked.Add(ref field, n);

        public void Skip(string reason, int n) => Skipped.AddOrUpdate(reason, n, (_, v) => v + n);
    }

    /// <summary>Renews the lease during a long run; once lost, the rest of the run stops sending.</summary>
    private sealed class LeaseKeeper(ReminderStateStore state, TimeProvider clock, ReminderOptions o, string instanceId, DateTimeOffset acquiredAt) : IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);

        public void Dispose() => _lock.Dispose();
        private DateTimeOffset _renewedAt = acquiredAt;
        private bool _lost;

        public async Task<bool> KeepAsync(CancellationToken ct)
        {
            if (_lost) return false;
            if (clock.GetUtcNow() - _renewedAt < o.LeaseDuration / 3) return true;
            await _lock.WaitAsync(ct);
            try
            {
                var now = clock.GetUtcNow();
                if (_lost || now - _renewedAt < o.LeaseDuration / 3) return !_lost;
                _lost = !await state.TryAcquireLeaseAsync(instanceId, now, o.LeaseDuration, ct);
                _renewedAt = now;
                return !_lost;
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: planned {Digests} digests ({Reminders} reminders) for {Day}, late={Late}, instance {Instance}")]
    private static partial void LogPlanned(ILogger logger, DateOnly day, int digests, int reminders, bool late, string instance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders run for {Day}: planned {Planned}, sent {Sent}, already sent {AlreadyDone}, retrying {Retrying}, failed {Failed}, unreachable {Unreachable}, unknown {Unknown}; skipped: {Skipped}")]
    private static partial void LogRun(ILogger logger, DateOnly day, int planned, int sent, int alreadyDone, int retrying, int failed, int unreachable, int unknown, string skipped);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminders: another instance holds the dispatch lease; {Instance} waits")]
    private static partial void LogLeaseHeld(ILogger logger, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders: releasing the lease failed ({ErrorType}); it will expire")]
    private static partial void LogReleaseFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: another dispatcher changed the ledger of recipient {Recipient}; left to it")]
    private static partial void LogRaced(ILogger logger, string recipient);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: sent a digest of {Count} to recipient {Recipient} (late={Late})")]
    private static partial void LogSent(ILogger logger, string recipient, int count, bool late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders: recipient {Recipient} is unreachable ({Error}); marked")]
    private static partial void LogUnreachable(ILogger logger, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders: Teams refused the digest for recipient {Recipient} for now ({Error}); will retry")]
    private static partial void LogWillRetry(ILogger logger, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders: outcome unknown for recipient {Recipient} ({Error}); not re-sent")]
    private static partial void LogUnknown(ILogger logger, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders: the digest for recipient {Recipient} failed for good ({Error})")]
    private static partial void LogFailed(ILogger logger, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders: storage failed around the digest for recipient {Recipient} ({ErrorType}); retried next tick")]
    private static partial void LogDigestFailed(ILogger logger, string recipient, string errorType);
}
