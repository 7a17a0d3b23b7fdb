using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Reminders;

namespace GovBot.Tests.Features.Reminders;

public class ReminderPlannerTests
{
    private static readonly Recipient Lee = Recipient.Person("lee-cox");
    private static readonly Recipient Kate = Recipient.Person("kate-goodman");
    private static readonly Recipient DagChannel = Recipient.Conversation("19:dag@thread.tacv2;messageid=100");
    private static readonly ReminderPlanner Planner = new(new ReminderOptions(), new WorkingDays());

    private static ChecklistItem Check(int n, DateOnly deadline) => new(new(2024, 3, 13), n, $"Checklist item {n}", deadline, false, null, "DAG 34");

    private static ActionItem Action(string @ref, DateOnly due, params OwnerParty[] owners) =>
        new(@ref, "DAG", "33", new(2024, 2, 7), $"Text of {@ref}", "owner text", owners.Length == 0 ? [new(OwnerPartyKind.Person, "lee-cox")] : owners,
            due, ActionStatus.Open, null, []);

    private static Subscription Sub(Recipient r, string target) => new(r, target, default);

    private static readonly Subscription[] Everyone =
    [
        Sub(Lee, SubscriptionTargets.Actions), Sub(Lee, SubscriptionTargets.Checklist),
        Sub(DagChannel, SubscriptionTargets.Checklist), Sub(DagChannel, SubscriptionTargets.Group("DAG")),
    ];

    private static ReminderPlanInputs Inputs(IEnumerable<ChecklistItem>? checklist = null, IEnumerable<ActionItem>? actions = null,
        IEnumerable<Subscription>? subs = null, IEnumerable<GroupMembership>? seats = null, IEnumerable<Group>? groups = null, IEnumerable<Snooze>? snoozes = null) =>
        new([.. checklist ?? []], [.. actions ?? []], [.. subs ?? Everyone],
            (seats ?? []).GroupBy(s => s.GroupCode).ToDictionary(g => g.Key, g => (IReadOnlyList<GroupMembership>)g.ToList()),
            [.. groups ?? []], [], [.. snoozes ?? []]);

    private static DateTimeOffset At(int y, int m, int d, int hour = 9, int minute = 0) => UkTime.ToInstant(new(y, m, d), new(hour, minute));

    /// <summary>The days (at 09:00 UK) in [from, to] on which <paramref name="recipient"/> gets a digest.</summary>
    private static List<DateOnly> DaysWithDigest(ReminderPlanInputs inputs, Recipient recipient, DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (Planner.Plan(UkTime.ToInstant(d, new(9, 0)), inputs).Digests.Any(x => x.Recipient == recipient)) days.Add(d);
        }
        return days;
    }

    [Fact]
    public void ChecklistDeadline_RemindsFiveAndOneWorkingDaysBefore_AndOnTheDay()
    {
        var inputs = Inputs(checklist: [Check(6, new(2024, 4, 26))]);

        var days = DaysWithDigest(inputs, Lee, new(2024, 4, 10), new(2024, 4, 30));

        Assert.Equal([new(2024, 4, 19), new(2024, 4, 25), new(2024, 4, 26)], days);
        var slots = days.Select(d => Planner.Plan(UkTime.ToInstant(d, new(9, 0)), inputs).Digests.Single(x => x.Recipient == Lee).Items.Single().Slot.Id);
        Assert.Equal(["cl-5@20240426", "cl-1@20240426", "cl-0@20240426"], slots);
    }

    [Fact]
    public void ActionDueDate_RemindsOwnerThreeWorkingDaysBefore_AndOnTheDueDate()
    {
        var inputs = Inputs(actions: [Action("DAG33-04", new(2024, 4, 24))]);

        Assert.Equal([new(2024, 4, 19), new(2024, 4, 24)], DaysWithDigest(inputs, Lee, new(2024, 4, 10), new(2024, 4, 26)));
    }

    [Fact]
    public void Weekends_HaveNoReminders_AndCountAsNoWorkingDays()
    {
        // Monday 15 April 2024: 1 working day before is Friday 12th, 5 before is Monday 8th.
        var monday = Inputs(checklist: [Check(1, new(2024, 4, 15))]);
        Assert.Equal([new(2024, 4, 8), new(2024, 4, 12), new(2024, 4, 15)], DaysWithDigest(monday, Lee, new(2024, 4, 1), new(2024, 4, 21)));

        // A Saturday deadline: "on the day" and "1 day before" both fall on Friday: one reminder, not two.
        var saturday = Inputs(checklist: [Check(2, new(2024, 4, 20))]);
        var friday = Planner.Plan(At(2024, 4, 19), saturday).Digests.Single(d => d.Recipient == Lee);
        Assert.Equal("cl-0@20240420", Assert.Single(friday.Items).Slot.Id);

        var plan = Planner.Plan(At(2024, 4, 20, 10), saturday);
        Assert.False(plan.IsSendDay);
        Assert.Empty(plan.Digests);
    }

    [Fact]
    public void Easter2024_GoodFridayAndEasterMonday_AreSkipped()
    {
        // Deadline Tuesday 2 April 2024; 29 March (Good Friday) and 1 April (Easter Monday) are bank holidays.
        var inputs = Inputs(checklist: [Check(3, new(2024, 4, 2))], actions: [Action("DAG33-05", new(2024, 3, 29))]);

        Assert.Equal([new(2024, 3, 22), new(2024, 3, 26), new(2024, 3, 28), new(2024, 4, 2)], DaysWithDigest(inputs, Lee, new(2024, 3, 18), new(2024, 4, 3)));
        Assert.Empty(Planner.Plan(At(2024, 3, 29), inputs).Digests);
        Assert.Empty(Planner.Plan(At(2024, 4, 1), inputs).Digests);
        // Action due Good Friday: 3 working days before is Tuesday 26 March; "on the day" moves to Thursday 28 March.
        var thursday = Planner.Plan(At(2024, 3, 28), inputs).Digests.Single(d => d.Recipient == Lee);
        Assert.Contains(thursday.Items, i => i.Slot.Id == "act-0@20240329");
        Assert.Contains(thursday.Items, i => i.Slot.Id == "cl-1@20240402");
    }

    [Fact]
    public void WeeklyOverdueDigest_AfterEasterMonday_GoesOnTuesday()
    {
        var inputs = Inputs(actions: [Action("DAG33-06", new(2024, 3, 20))]);

        Assert.Equal(new DateOnly(2024, 4, 2), Planner.OverdueDigestDay(new(2024, 4, 3)));
        var tuesday = Planner.Plan(At(2024, 4, 2), inputs).Digests.Single(d => d.Recipient == Lee);
        Assert.Contains(tuesday.Items, i => i.Slot.Id == "overdue@20240401");
        Assert.DoesNotContain(Planner.Plan(At(2024, 4, 3), inputs).Digests.SelectMany(d => d.Items), i => i.Slot.Kind == SlotKind.OverdueWeekly);
    }

    [Theory]
    // Spring 2025: clocks go forward on Sunday 30 March. 09:00 is 09:00Z on Friday 28th and 08:00Z on Monday 31st.
    [InlineData("2025-03-28T08:59:00Z", false)]
    [InlineData("2025-03-28T09:00:00Z", true)]
    [InlineData("2025-03-31T07:59:00Z", false)]
    [InlineData("2025-03-31T08:00:00Z", true)]
    // Autumn 2024: clocks go back on Sunday 27 October. 09:00 is 08:00Z on Friday 25th and 09:00Z on Monday 28th.
    [InlineData("2024-10-25T07:59:00Z", false)]
    [InlineData("2024-10-25T08:00:00Z", true)]
    [InlineData("2024-10-28T08:30:00Z", false)]
    [InlineData("2024-10-28T09:00:00Z", true)]
    public void ClockChangeWeeks_SendAtNineUkTime(string instant, bool due)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var day = UkTime.ToUkLocal(now).Date;
        var inputs = Inputs(checklist: [Check(1, day)]);

        var plan = Planner.Plan(now, inputs);

        Assert.Equal(due, plan.Digests.Count > 0);
        Assert.Equal(new TimeOnly(9, 0), UkTime.ToUkLocal(plan.ScheduledAt).Time);
    }

    [Fact]
    public void ItemsDueTogether_GoInOneDigestPerRecipient()
    {
        var inputs = Inputs(checklist: [Check(6, new(2024, 4, 26)), Check(7, new(2024, 4, 26))],
            actions: [Action("DAG33-01", new(2024, 4, 24)), Action("DAG33-02", new(2024, 4, 24))]);

        var plan = Planner.Plan(At(2024, 4, 19), inputs);

        var lee = Assert.Single(plan.Digests, d => d.Recipient == Lee);
        Assert.Equal(4, lee.Items.Count);
        var channel = Assert.Single(plan.Digests, d => d.Recipient == DagChannel);
        Assert.Equal(4, channel.Items.Count); // checklist + DAG's actions
        Assert.Equal(2, plan.Digests.Count);
    }

    [Fact]
    public void CollectiveOwners_ResolveToMembers_OnlySubscribersGetIt()
    {
        var seats = new[]
        {
            new GroupMembership("DAG", "lee-cox", MembershipRole.Member, "Programme"),
            new GroupMembership("DAG", "kate-goodman", MembershipRole.Alternate, "Programme"),
            new GroupMembership("DAG", "pmo-person", MembershipRole.Secretariat, null),
        };
        var inputs = Inputs(actions: [Action("DAG33-03", new(2024, 4, 24), new OwnerParty(OwnerPartyKind.GroupMembers, "DAG"))],
            subs: [Sub(Lee, SubscriptionTargets.Actions)], seats: seats);

        var plan = Planner.Plan(At(2024, 4, 24), inputs);

        Assert.Equal([Lee], plan.Digests.Select(d => d.Recipient));
        Assert.Equal(1, plan.Skipped[ReminderPlanner.SkipOwnerNotSubscribed]); // Kate has no personal install
    }

    [Fact]
    public void OverdueByFiveWorkingDays_EscalatesToTheSecretariat_Once()
    {
        var seats = new[] { new GroupMembership("DAG", "kate-goodman", MembershipRole.Secretariat, null) };
        var inputs = Inputs(actions: [Action("DAG33-08", new(2024, 4, 10))], subs: [Sub(Kate, SubscriptionTargets.Actions)], seats: seats);

        Assert.Empty(Planner.Plan(At(2024, 4, 16), inputs).Digests); // 4 working days overdue
        var wednesday = Planner.Plan(At(2024, 4, 17), inputs).Digests.Single(d => d.Recipient == Kate);
        Assert.Equal("esc@20240410", Assert.Single(wednesday.Items).Slot.Id);
        // Every later plan names the same slot, so the ledger sends it once.
        Assert.Equal("esc@20240410", Planner.Plan(At(2024, 4, 18), inputs).Digests.Single().Items.Single().Slot.Id);
    }

    [Fact]
    public void BeforeNine_NothingIsDue_AfterTheLateThreshold_DigestsAreLate()
    {
        var inputs = Inputs(checklist: [Check(6, new(2024, 4, 26))]);

        Assert.Empty(Planner.Plan(At(2024, 4, 19, 8, 59), inputs).Digests);
        Assert.False(Planner.Plan(At(2024, 4, 19, 9, 5), inputs).IsLate);
        var late = Planner.Plan(At(2024, 4, 19, 13, 0), inputs);
        Assert.True(late.IsLate);
        Assert.All(late.Digests, d => Assert.True(d.IsLate));
        // The next working day does not catch up a missed day: that slot has passed.
        Assert.Empty(Planner.Plan(At(2024, 4, 22), inputs).Digests);
    }

    [Fact]
    public void NoSubscription_NothingPlanned()
    {
        var inputs = Inputs(checklist: [Check(6, new(2024, 4, 26))], actions: [Action("DAG33-04", new(2024, 4, 24))], subs: []);

        Assert.Empty(Planner.Plan(At(2024, 4, 19), inputs).Digests);
    }

    [Fact]
    public void SnoozedItem_ComesBackOnTheDay()
    {
        var inputs = Inputs(checklist: [Check(6, new(2024, 4, 26))],
            snoozes: [new Snooze(Lee, new(2024, 4, 22), ReminderItemKind.Checklist, "20240313-06")]);

        var monday = Planner.Plan(At(2024, 4, 22), inputs).Digests.Single(d => d.Recipient == Lee);

        Assert.Equal("snooze@20240422", Assert.Single(monday.Items).Slot.Id);
    }

    [Fact]
    public void ChannelIds_DropTheMessageId()
    {
        Assert.Equal("19:dag@thread.tacv2", DagChannel.Id);
        Assert.Equal("conv|19:dag@thread.tacv2", DagChannel.Key);
    }
}
