using System.Collections.Concurrent;
using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Outbox;
using GovBot.Features.Reminders;
using GovBot.SampleData;
using GovBot.Storage;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Features.Reminders;

/// <summary>The runner on Azurite with the sample data, a fake clock and a fake Teams: exactly once, catch-up, faults.</summary>
public sealed class ReminderRunnerTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Recipient Lee = Recipient.Person("lee-cox");
    private static readonly Recipient Channel = Recipient.Conversation("19:dag@thread.tacv2");

    /// <summary>Friday 19 April 2024, 09:00 BST: 5 working days before the DAG 34 checklist deadline of Friday 26 April.</summary>
    private static readonly DateTimeOffset Nine = UkTime.ToInstant(new(2024, 4, 19), new(9, 0));

    private readonly FakeTimeProvider _clock = new(Nine.AddSeconds(-1));
    private readonly FakeMessenger _teams = new();

    private async Task SeedAsync(bool personal = true, bool channel = true, bool toNine = true)
    {
        await new GovernanceDataWriter(Tables, new GroupStore(Tables)).WriteAsync(MhhsSampleData.Build(), Ct);
        var subs = new SubscriptionStore(Tables, _clock);
        var refs = new ConversationReferenceStore(Tables, _clock);
        if (personal)
        {
            await refs.SaveAsync(Lee, Reference("a:personal-lee", "personal"), Ct);
            await subs.SubscribeAsync(Lee, SubscriptionTargets.Checklist, Ct);
            await subs.SubscribeAsync(Lee, SubscriptionTargets.Actions, Ct);
        }
        if (channel)
        {
            await refs.SaveAsync(Channel, Reference(Channel.Id, "channel"), Ct);
            await subs.SubscribeAsync(Channel, SubscriptionTargets.Checklist, Ct);
        }
        if (toNine) _clock.SetUtcNow(Nine);
    }

    private static ConversationReference Reference(string id, string type) =>
        new("https://connector.test/", "msteams", new(id, type, "tenant"), new("28:bot"), new("29:user"), "tenant");

    private ReminderRunner Runner(string? instance = null, FakeMessenger? teams = null, ReminderOptions? options = null)
    {
        var o = options ?? new ReminderOptions();
        var services = new ServiceCollection().AddSingleton<IProactiveMessenger>(teams ?? _teams).BuildServiceProvider();
        var calendar = new WorkingDays();
        return new ReminderRunner(new ReminderPlanner(o, calendar), calendar, new ChecklistStore(Tables), new ActionStore(Tables), new GroupStore(Tables),
            new MembershipStore(Tables), new PersonStore(Tables), new SubscriptionStore(Tables, _clock), new ConversationReferenceStore(Tables, _clock),
            new ReminderLedger(Tables), new ReminderStateStore(Tables), services.GetRequiredService<IServiceScopeFactory>(), new OutboxPacer(Options.Create(new OutboxOptions()), _clock), _clock, Options.Create(o),
            NullLogger<ReminderRunner>.Instance)
        { InstanceId = instance ?? Guid.NewGuid().ToString("N")[..8] };
    }

    [Fact]
    public async Task Reminders_RunAtNine_SendOneDigestPerRecipient_AndNeverAgain()
    {
        await SeedAsync();

        var run = await Runner().RunOnceAsync(Ct);

        Assert.NotNull(run);
        Assert.Equal(2, _teams.Sent.Count);
        Assert.Contains(_teams.Sent, s => s.ConversationId == "a:personal-lee" && s.Text.Contains("pre-qualification submission", StringComparison.Ordinal));
        Assert.Contains(_teams.Sent, s => s.ConversationId == Channel.Id);
        Assert.Equal(run!.Planned, run.Sent);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Runner().RunOnceAsync(Ct)); // the day is complete
        Assert.Equal(2, _teams.Sent.Count);
    }

    [Fact]
    public async Task Reminders_BeforeNineOrAtTheWeekend_SendNothing()
    {
        await SeedAsync(toNine: false);

        Assert.Null(await Runner().RunOnceAsync(Ct));
        _clock.SetUtcNow(UkTime.ToInstant(new(2024, 4, 20), new(9, 0)));
        Assert.Null(await Runner().RunOnceAsync(Ct));
        Assert.Empty(_teams.Sent);
    }

    [Fact]
    public async Task Reminders_AppDownAtNine_CatchUpLaterThatDay_LabelledLate()
    {
        await SeedAsync();
        _clock.SetUtcNow(Nine.AddHours(4));

        await Runner().RunOnceAsync(Ct);

        Assert.Equal(2, _teams.Sent.Count);
        Assert.All(_teams.Sent, s => Assert.Contains("is late because GovBot was unavailable", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_UnsubscribedBeforeNine_NothingSentToThem()
    {
        await SeedAsync();
        await new SubscriptionStore(Tables, _clock).UnsubscribeAsync(Channel, SubscriptionTargets.Checklist, Ct);

        await Runner().RunOnceAsync(Ct);

        Assert.DoesNotContain(_teams.Sent, s => s.ConversationId == Channel.Id);
        Assert.Single(_teams.Sent);
    }

    [Fact]
    public async Task Reminders_Teams403_MarksTheConversationUnreachable_AndStopsSending()
    {
        await SeedAsync();
        _teams.Fail = r => r.Conversation.Id == Channel.Id ? new ConnectorException(403, "BotDisabledByAdmin", "forbidden") : null;

        var run = await Runner().RunOnceAsync(Ct);

        Assert.Equal(1, run!.Unreachable);
        var stored = await new ConversationReferenceStore(Tables, _clock).GetAsync(Channel, Ct);
        Assert.False(stored!.IsReachable);
        Assert.Contains("403", stored.UnreachableReason, StringComparison.Ordinal);
        var entries = await new ReminderLedger(Tables).ListAsync(Channel, new(2024, 4, 19), Ct);
        Assert.All(entries, e => Assert.Equal(LedgerState.Unreachable, e.State));

        // The next reminder day skips it (and says why) until a message from that conversation refreshes it.
        _teams.Fail = null;
        _clock.SetUtcNow(UkTime.ToInstant(new(2024, 4, 25), new(9, 0)));
        var next = await Runner().RunOnceAsync(Ct);
        Assert.DoesNotContain(_teams.Sent, s => s.ConversationId == Channel.Id && s.Attempt > 0);
        Assert.True(next!.Skipped.ContainsKey("conversation marked unreachable"));
    }

    [Fact]
    public async Task Reminders_Teams503_LeaveThemPending_AndTheNextTickSendsOnce()
    {
        await SeedAsync(channel: false);
        _teams.Fail = _ => new ConnectorException(503, "ServiceUnavailable", "try later");

        var first = await Runner().RunOnceAsync(Ct);

        Assert.True(first!.Retrying > 0);
        Assert.Empty(_teams.Sent);
        _teams.Fail = null;
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Runner().RunOnceAsync(Ct);
        Assert.Single(_teams.Sent);
        Assert.Equal(second!.Planned, second.Sent);
    }

    [Fact]
    public async Task Reminders_RestartAfterPendingWritten_SendsThemOnce()
    {
        await SeedAsync(channel: false);
        // A run that wrote the ledger and died before sending anything.
        var runner = Runner();
        var plan = new ReminderPlanner(new ReminderOptions(), new WorkingDays()).Plan(Nine, await runner.LoadAsync(new(2024, 4, 19), Ct));
        var digest = Assert.Single(plan.Digests);
        Assert.True(await new ReminderLedger(Tables).AddPendingAsync(Lee, digest.Items.Select(i => i.LedgerKey(digest.Day)), Nine, Ct));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await Runner().RunOnceAsync(Ct);

        Assert.Single(_teams.Sent);
        Assert.All(await new ReminderLedger(Tables).ListAsync(Lee, digest.Day, Ct), e => Assert.Equal(LedgerState.Sent, e.State));
    }

    [Fact]
    public async Task Reminders_RestartAfterCrashMidSend_NeverSendTwice()
    {
        await SeedAsync(channel: false);
        // Teams accepts the message, then the process dies before the ledger says Sent.
        var crashing = new FakeMessenger { CrashAfterSend = true };
        await Assert.ThrowsAsync<ProcessCrashedException>(() => Runner(teams: crashing).RunOnceAsync(Ct));
        Assert.Single(crashing.Sent);

        // Restarted within the grace: the entry might still be in flight, so it waits.
        _clock.Advance(TimeSpan.FromMinutes(1));
        var early = await Runner().RunOnceAsync(Ct);
        Assert.True(early!.Retrying > 0);
        // After the grace: resolved as Unknown, never re-sent, and the day completes.
        _clock.Advance(TimeSpan.FromMinutes(5));
        var late = await Runner().RunOnceAsync(Ct);
        Assert.True(late!.Unknown > 0);
        Assert.Empty(_teams.Sent);
        Assert.All(await new ReminderLedger(Tables).ListAsync(Lee, new(2024, 4, 19), Ct), e => Assert.Equal(LedgerState.Unknown, e.State));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Runner().RunOnceAsync(Ct));
    }

    [Fact]
    public async Task Reminders_TwoSchedulersRacing_SendEachDigestOnce()
    {
        await SeedAsync();
        var a = Runner("instance-a");
        var b = Runner("instance-b");

        for (var tick = 0; tick < 3; tick++)
        {
            await Task.WhenAll(a.RunOnceAsync(Ct), b.RunOnceAsync(Ct), Task.Run(() => a.RunOnceAsync(Ct)), Task.Run(() => b.RunOnceAsync(Ct)));
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(2, _teams.Sent.Count);
        Assert.Equal(2, _teams.Sent.Select(s => s.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task Ledger_TwoDispatchersClaimingTheSameEntries_OnlyOneWins()
    {
        var ledger = new ReminderLedger(Tables);
        var day = new DateOnly(2024, 4, 19);
        string[] keys = ["20240419|checklist:20240313-06|cl-5@20240426", "20240419|action:DAG33-04|act-3@20240424"];
        Assert.True(await ledger.AddPendingAsync(Lee, keys, Nine, Ct));
        Assert.False(await ledger.AddPendingAsync(Lee, keys, Nine, Ct)); // written once only
        var seenByA = await ledger.ListAsync(Lee, day, Ct);
        var seenByB = await ledger.ListAsync(Lee, day, Ct);

        var claims = await Task.WhenAll(ledger.ClaimAsync(seenByA, "a", Nine, Ct), ledger.ClaimAsync(seenByB, "b", Nine, Ct));

        Assert.Single(claims, c => c.Count == 2);
        Assert.Single(claims, c => c.Count == 0);
    }

    [Fact]
    public async Task Lease_HeldByOneOwner_UntilItExpires()
    {
        var state = new ReminderStateStore(Tables);

        Assert.True(await state.TryAcquireLeaseAsync("a", Nine, TimeSpan.FromMinutes(2), Ct));
        Assert.False(await state.TryAcquireLeaseAsync("b", Nine.AddMinutes(1), TimeSpan.FromMinutes(2), Ct));
        Assert.True(await state.TryAcquireLeaseAsync("a", Nine.AddMinutes(1), TimeSpan.FromMinutes(2), Ct)); // renewal
        Assert.True(await state.TryAcquireLeaseAsync("b", Nine.AddMinutes(4), TimeSpan.FromMinutes(2), Ct)); // expired
    }

    [Fact]
    public async Task Run_IsRecorded_ForTheReport()
    {
        await SeedAsync();
        await Runner().RunOnceAsync(Ct);

        var last = Assert.Single(await new ReminderStateStore(Tables).LatestRunsAsync(1, Ct));

        Assert.Equal(new DateOnly(2024, 4, 19), last.Day);
        Assert.Equal(2, last.Digests);
        Assert.Equal(last.Planned, last.Sent);
    }

    [Fact]
    public async Task SnoozedUntilMonday_ComesBackOnMonday()
    {
        await SeedAsync(channel: false);
        await new ReminderStateStore(Tables).SnoozeAsync(new Snooze(Lee, new(2024, 4, 22), ReminderItemKind.Checklist, "20240313-06"), Ct);
        _clock.SetUtcNow(UkTime.ToInstant(new(2024, 4, 22), new(9, 0)));

        await Runner().RunOnceAsync(Ct);

        var sent = Assert.Single(_teams.Sent);
        Assert.Contains("Snoozed reminders", sent.Text, StringComparison.Ordinal);
    }
}

public sealed class ProcessCrashedException() : Exception("simulated crash");

/// <summary>Teams for the runner: records sends per conversation; can refuse (a ConnectorException) or crash after accepting.</summary>
public sealed class FakeMessenger : IProactiveMessenger
{
    private readonly ConcurrentQueue<FakeSend> _sent = new();
    private int _attempts;

    public Func<ConversationReference, Exception?>? Fail { get; set; }
    public bool CrashAfterSend { get; init; }
    public IReadOnlyList<FakeSend> Sent => [.. _sent];

    public Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken ct) =>
        callback(new Turn(this, reference), ct);

    public Task<ConversationReference> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userAadObjectId, CancellationToken ct) =>
        throw new NotSupportedException();

    private sealed class Turn(FakeMessenger owner, ConversationReference reference) : ITurnContext
    {
        public Activity Activity { get; } = new() { Type = ActivityTypes.Event, Conversation = reference.Conversation, ServiceUrl = reference.ServiceUrl };
        public IServiceProvider Services => throw new NotSupportedException();

        public Task<string?> SendAsync(Activity activity, CancellationToken ct)
        {
            var attempt = Interlocked.Increment(ref owner._attempts);
            if (owner.Fail?.Invoke(reference) is { } failure) throw failure;
            var card = activity.Attachments?[0].Content;
            owner._sent.Enqueue(new FakeSend(reference.Conversation.Id, Bot.BotHarnessText.Of(card), attempt));
            if (owner.CrashAfterSend) throw new ProcessCrashedException();
            return Task.FromResult<string?>($"act-{attempt}");
        }

        public Task<string?> SendAsync(string text, CancellationToken ct) => SendAsync(Activity.Message(text), ct);
        public Task UpdateAsync(string activityId, Activity activity, CancellationToken ct) => Task.CompletedTask;
        public Task SendTypingAsync(CancellationToken ct) => Task.CompletedTask;
    }
}

public sealed record FakeSend(string ConversationId, string Text, int Attempt);
