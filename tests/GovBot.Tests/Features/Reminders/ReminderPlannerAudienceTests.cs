using GovBot.Features.Conversations;
using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Features.Checklist;
using GovBot.Features.Reminders;

namespace GovBot.Tests.Features.Reminders;

/// <summary>The constituency-only checklist setting, and reminders for someone GovBot cannot match (a personal chat kept by its conversation).</summary>
public class ReminderPlannerAudienceTests
{
    private static readonly ReminderPlanner Planner = new(new ReminderOptions(), new WorkingDays());
    private static readonly Recipient Taylor = Recipient.Person("taylor-brooks"); // a DNO
    private static readonly Recipient Alex = Recipient.Person("alex-morgan");     // a supplier
    private static readonly Recipient Unmatched = Recipient.Conversation("a:personal-unknown");

    // Friday 8 March 2024: each item's deadline is today, so every one is in the "on the day" slot.
    private static readonly DateOnly Friday = new(2024, 3, 8);

    private static ChecklistItem Item(int n, params string[] constituencies) =>
        new(new(2024, 3, 6), n, $"Item {n}", Friday, false, null, "DAG 34", constituencies);

    private static readonly ChecklistItem[] Items = [Item(1, "LDSO"), Item(2), Item(3, "DCC"), Item(4, "iDNO"), Item(5, "Supplier")];

    private static Subscription Sub(Recipient r, string target) => new(r, target, default);

    private static IReadOnlyList<string> Planned(ReminderPlan plan, Recipient r) =>
        plan.Digests.SingleOrDefault(d => d.Recipient == r)?.Items.Select(i => i.Item.Id[^2..]).ToList() ?? [];

    private static ReminderPlan Plan(IEnumerable<Subscription> subs, Dictionary<string, IReadOnlyList<string>>? constituencies) =>
        Planner.Plan(UkTime.ToInstant(Friday, new(9, 0)), new([.. Items], [], [.. subs], new Dictionary<string, IReadOnlyList<GovBot.Features.Groups.GroupMembership>>(), [], [], [], constituencies));

    [Fact]
    public void ConstituencyOnly_GetsItemsForItsConstituencyAndForEveryone()
    {
        var plan = Plan(
            [Sub(Taylor, SubscriptionTargets.Checklist), Sub(Taylor, SubscriptionTargets.ChecklistMyConstituency), Sub(Alex, SubscriptionTargets.Checklist)],
            new() { ["taylor-brooks"] = ["DNO"] });

        // A DNO is an LDSO: the LDSO item and the item for all, not the DCC, iDNO or supplier items.
        Assert.Equal(["01", "02"], Planned(plan, Taylor));
        Assert.Equal(3, plan.Skipped[ReminderPlanner.SkipOtherConstituency]);
        // Without the setting, everything.
        Assert.Equal(["01", "02", "03", "04", "05"], Planned(plan, Alex));
    }

    [Fact]
    public void ConstituencyOnly_WithAnUnknownConstituency_HidesNothing()
    {
        var plan = Plan([Sub(Alex, SubscriptionTargets.Checklist), Sub(Alex, SubscriptionTargets.ChecklistMyConstituency)], new() { ["alex-morgan"] = [] });
        Assert.Equal(["01", "02", "03", "04", "05"], Planned(plan, Alex));
    }

    [Fact]
    public void ConstituencyOnly_WithoutChecklistReminders_SendsNone()
    {
        var plan = Plan([Sub(Taylor, SubscriptionTargets.ChecklistMyConstituency)], new() { ["taylor-brooks"] = ["DNO"] });
        Assert.Empty(Planned(plan, Taylor));
    }

    [Fact]
    public void SomeoneGovBotCannotMatch_GetsTheProgrammeWideChecklist()
    {
        var plan = Plan([Sub(Unmatched, SubscriptionTargets.Checklist)], null);
        Assert.Equal(["01", "02", "03", "04", "05"], Planned(plan, Unmatched));
    }
}
