using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;

namespace GovBot.Features.Reminders;

/// <summary>What the planner works from: the open items near their dates, who subscribed, and who owns what.</summary>
/// <param name="Actions">Actions that are not closed, due soon or overdue.</param>
/// <param name="Memberships">Seats by group code (collective owners and secretariats resolve through them).</param>
/// <param name="PmoPersonIds">People of the programme office (owner "Programme (PMO)").</param>
/// <param name="PersonConstituencies">Constituency codes by person id, for those who want checklist items only for
/// their constituency; someone missing here (or with none) is not narrowed: an unknown constituency never hides a deadline.</param>
internal sealed record ReminderPlanInputs(
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyDictionary<string, IReadOnlyList<GroupMembership>> Memberships,
    IReadOnlyList<Group> Groups,
    IReadOnlyCollection<string> PmoPersonIds,
    IReadOnlyList<Snooze> Snoozes,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? PersonConstituencies = null);

/// <summary>The outcome of planning at one instant: the digests due now, and counts of what was left out and why.</summary>
internal sealed record ReminderPlan(DateOnly Day, DateTimeOffset ScheduledAt, bool IsSendDay, bool IsLate, IReadOnlyList<PlannedDigest> Digests, IReadOnlyDictionary<string, int> Skipped)
{
    public int ReminderCount => Digests.Sum(d => d.Items.Count);
}

/// <summary>
/// The reminder policy as a pure function: given the instant, the items, the subscriptions and the seats, which
/// reminders are due now, grouped into one digest per recipient. Slots fall on working days (England and Wales) at
/// the send time, UK local (so 08:00 UTC in summer, 09:00 UTC in winter). Only today's slots are planned: a run after
/// the send time (GovBot was down) catches up the same working day and marks the digests late; the ledger makes
/// repeated planning harmless.
/// </summary>
internal sealed class ReminderPlanner(ReminderOptions options, WorkingDays calendar)
{
    public const string SkipNotWorkingDay = "not a working day";
    public const string SkipBeforeSendTime = "before the send time";
    public const string SkipOwnerNotSubscribed = "owner has reminders off or no personal install";
    public const string SkipOwnerUnresolved = "owner is an organisation or unknown";
    public const string SkipSnoozedItemGone = "snoozed item closed or gone";
    public const string SkipOtherConstituency = "checklist item for another constituency";

    public ReminderPlan Plan(DateTimeOffset now, ReminderPlanInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (today, _) = UkTime.ToUkLocal(now);
        var scheduledAt = UkTime.ToInstant(today, options.SendTime);
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!calendar.IsWorkingDay(today))
        {
            skipped[SkipNotWorkingDay] = 1;
            return new(today, scheduledAt, false, false, [], skipped);
        }
        if (now < scheduledAt)
        {
            skipped[SkipBeforeSendTime] = 1;
            return new(today, scheduledAt, false, false, [], skipped);
        }

        var days = new DayCache(calendar);
        var subscribers = inputs.Subscriptions
            .GroupBy(s => s.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Recipient).Distinct().ToList(), StringComparer.Ordinal);
        var personalActions = subscribers.TryGetValue(SubscriptionTargets.Actions, out var pa)
            ? pa.Where(r => r.Kind == RecipientKind.Person).Select(r => r.Id).ToHashSet(StringComparer.Ordinal)
            : [];
        var personalChecklist = subscribers.TryGetValue(SubscriptionTargets.Checklist, out var pc)
            ? pc.Where(r => r.Kind == RecipientKind.Person).Select(r => r.Id).ToHashSet(StringComparer.Ordinal)
            : [];
        var groups = inputs.Groups.ToDictionary(g => g.Code, StringComparer.OrdinalIgnoreCase);
        var planned = new Dictionary<Recipient, Dictionary<(string, string), PlannedReminder>>();

        void Add(Recipient r, ReminderItem item, ReminderSlot slot)
        {
            if (!planned.TryGetValue(r, out var items)) planned[r] = items = [];
            items.TryAdd((item.Key, slot.Id), new PlannedReminder(item, slot));
        }
        void Skip(string reason, int count = 1) => skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        IEnumerable<Recipient> Subscribers(string target) => subscribers.TryGetValue(target, out var list) ? list : [];

        // Participant checklist deadlines: everyone subscribed to the checklist, people and channels alike; a person
        // who asked for their constituency only skips items that name other constituencies.
        var narrowed = NarrowedToConstituency(Subscribers(SubscriptionTargets.ChecklistMyConstituency), inputs.PersonConstituencies);
        foreach (var c in inputs.Checklist)
        {
            if (c.Deadline is not { } deadline) continue;
            if (BeforeSlot(options.ChecklistWorkingDaysBefore, deadline, today, days) is not { } n) continue;
            var item = new ReminderItem(ReminderItemKind.Checklist, c.Id, c.Text, deadline, null, c.Source);
            var slot = new ReminderSlot(SlotKind.ChecklistBefore, n, deadline);
            foreach (var r in Subscribers(SubscriptionTargets.Checklist))
            {
                if (r.Kind == RecipientKind.Person && narrowed.TryGetValue(r.Id, out var covering) && !c.AppliesTo(covering)) Skip(SkipOtherConstituency);
                else Add(r, item, slot);
            }
        }

        // Actions: owners (collective owners resolve to their members) in person; group subscribers in their channel.
        var isDigestDay = today == OverdueDigestDay(today, days);
        var weekAnchor = WeekAnchor(today);
        foreach (var a in inputs.Actions)
        {
            if (a.IsClosed || a.Due is not { } due) continue;
            var item = new ReminderItem(ReminderItemKind.Action, a.Ref, a.Text, due, a.GroupCode, a.OwnerText);
            var slots = new List<ReminderSlot>();
            if (BeforeSlot(options.ActionWorkingDaysBefore, due, today, days) is { } n) slots.Add(new(SlotKind.ActionBefore, n, due));
            if (due < today && isDigestDay) slots.Add(new(SlotKind.OverdueWeekly, 0, weekAnchor));
            foreach (var slot in slots)
            {
                var owners = Owners(a, inputs, groups);
                if (owners.Count == 0) Skip(SkipOwnerUnresolved);
                foreach (var person in owners)
                {
                    if (personalActions.Contains(person)) Add(Recipient.Person(person), item, slot);
                    else Skip(SkipOwnerNotSubscribed);
                }
                foreach (var r in Subscribers(SubscriptionTargets.Group(a.GroupCode))) Add(r, item, slot);
            }

            if (options.EscalateAfterWorkingDays > 0 && due < today && days.Between(due, today) >= options.EscalateAfterWorkingDays)
            {
                var slot = new ReminderSlot(SlotKind.Escalation, options.EscalateAfterWorkingDays, due);
                foreach (var person in Secretariat(a.GroupCode, inputs, groups))
                {
                    if (personalActions.Contains(person)) Add(Recipient.Person(person), item, slot);
                    else Skip(SkipOwnerNotSubscribed);
                }
            }
        }

        // Snoozed reminders come back to the one who snoozed them, if they still want reminders of that kind.
        foreach (var s in inputs.Snoozes.Where(s => s.Day == today))
        {
            ReminderItem? item = s.Kind == ReminderItemKind.Checklist
                ? inputs.Checklist.FirstOrDefault(c => c.Id == s.ItemId && c.Deadline is { } d && d >= today) is { } c
                    ? new ReminderItem(ReminderItemKind.Checklist, c.Id, c.Text, c.Deadline!.Value, null, c.Source) : null
                : inputs.Actions.FirstOrDefault(a => a.Ref == s.ItemId && !a.IsClosed && a.Due is not null) is { } a
                    ? new ReminderItem(ReminderItemKind.Action, a.Ref, a.Text, a.Due!.Value, a.GroupCode, a.OwnerText) : null;
            if (item is null) { Skip(SkipSnoozedItemGone); continue; }
            var wanted = s.Recipient.Kind != RecipientKind.Person
                || (s.Kind == ReminderItemKind.Checklist ? personalChecklist : personalActions).Contains(s.Recipient.Id);
            if (!wanted) { Skip(SkipOwnerNotSubscribed); continue; }
            if (planned.TryGetValue(s.Recipient, out var already) && already.Keys.Any(k => k.Item1 == item.Key)) continue; // due today anyway
            Add(s.Recipient, item, new ReminderSlot(SlotKind.Snoozed, 0, today));
        }

        var isLate = now - scheduledAt > options.LateAfter;
        var digests = planned
            .Select(p => new PlannedDigest(p.Key, today, scheduledAt, isLate,
                p.Value.Values.OrderBy(i => i.Item.Due).ThenBy(i => i.Item.Key, StringComparer.Ordinal).ThenBy(i => i.Slot.Id, StringComparer.Ordinal).ToList()))
            .OrderBy(d => d.Recipient.Key, StringComparer.Ordinal)
            .ToList();
        return new(today, scheduledAt, true, isLate, digests, skipped);
    }

    /// <summary>People with the constituency-only setting and a known constituency → what their constituency covers.</summary>
    private static Dictionary<string, IReadOnlySet<string>> NarrowedToConstituency(IEnumerable<Recipient> wanting, IReadOnlyDictionary<string, IReadOnlyList<string>>? known)
    {
        var narrowed = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (known is null) return narrowed;
        foreach (var r in wanting.Where(r => r.Kind == RecipientKind.Person))
        {
            if (known.TryGetValue(r.Id, out var codes) && codes.Count > 0) narrowed[r.Id] = Constituencies.Covering(codes);
        }
        return narrowed;
    }

    /// <summary>The day a "N working days before" slot falls on; "on the day" for a weekend or holiday date is the working day before.</summary>
    public DateOnly SlotDay(DateOnly date, int workingDaysBefore) =>
        workingDaysBefore == 0
            ? calendar.IsWorkingDay(date) ? date : calendar.AddWorkingDays(date, -1)
            : calendar.AddWorkingDays(date, -workingDaysBefore);

    /// <summary>The first working day on or after the configured digest day, in today's week (Monday to Sunday).</summary>
    public DateOnly OverdueDigestDay(DateOnly today) => OverdueDigestDay(today, new DayCache(calendar));

    private DateOnly OverdueDigestDay(DateOnly today, DayCache days)
    {
        var day = WeekAnchor(today);
        var sunday = today.AddDays(6 - (((int)today.DayOfWeek + 6) % 7));
        while (day <= sunday && !days.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private DateOnly WeekAnchor(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return monday.AddDays(((int)options.OverdueDigestDay + 6) % 7);
    }

    /// <summary>The smallest configured "working days before" whose slot is today, or null.</summary>
    private static int? BeforeSlot(IEnumerable<int> before, DateOnly date, DateOnly today, DayCache days)
    {
        foreach (var n in before.Distinct().Order())
        {
            if (days.SlotDay(date, n) == today) return n;
        }
        return null;
    }

    private static HashSet<string> Owners(ActionItem a, ReminderPlanInputs inputs, Dictionary<string, Group> groups)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in a.Owners)
        {
            switch (owner.Kind)
            {
                case OwnerPartyKind.Person:
                    people.Add(owner.Value);
                    break;
                case OwnerPartyKind.GroupMembers:
                    foreach (var m in Seats(inputs, owner.Value).Where(m => m.Role is MembershipRole.Member or MembershipRole.Chair or MembershipRole.Alternate))
                        people.Add(m.PersonId);
                    break;
                case OwnerPartyKind.GroupChair:
                    foreach (var m in Seats(inputs, owner.Value).Where(m => m.Role == MembershipRole.Chair)) people.Add(m.PersonId);
                    if (groups.TryGetValue(owner.Value, out var g) && g.ChairPersonId is { } chair) people.Add(chair);
                    break;
                case OwnerPartyKind.Pmo:
                    people.UnionWith(inputs.PmoPersonIds);
                    break;
            }
        }
        return people;
    }

    private static HashSet<string> Secretariat(string groupCode, ReminderPlanInputs inputs, Dictionary<string, Group> groups)
    {
        var people = Seats(inputs, groupCode).Where(m => m.Role == MembershipRole.Secretariat).Select(m => m.PersonId).ToHashSet(StringComparer.Ordinal);
        if (groups.TryGetValue(groupCode, out var g) && g.SecretariatPersonId is { } s) people.Add(s);
        return people;
    }

    private static IReadOnlyList<GroupMembership> Seats(ReminderPlanInputs inputs, string groupCode) =>
        inputs.Memberships.TryGetValue(groupCode.ToUpperInvariant(), out var seats) ? seats : [];

    /// <summary>Working-day answers memoised for one plan (the calendar recomputes holidays per call).</summary>
    private sealed class DayCache(WorkingDays calendar)
    {
        private readonly Dictionary<DateOnly, bool> _working = [];
        private readonly Dictionary<(DateOnly, int), DateOnly> _slots = [];

        public bool IsWorkingDay(DateOnly d)
        {
            if (!_working.TryGetValue(d, out var w)) _working[d] = w = calendar.IsWorkingDay(d);
            return w;
        }

        public DateOnly SlotDay(DateOnly date, int n)
        {
            if (_slots.TryGetValue((date, n), out var day)) return day;
            day = n == 0 && IsWorkingDay(date) ? date : Add(date, n == 0 ? -1 : -n);
            _slots[(date, n)] = day;
            return day;
        }

        public int Between(DateOnly from, DateOnly to)
        {
            var count = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) count++;
            return count;
        }

        private DateOnly Add(DateOnly day, int count)
        {
            var step = count >= 0 ? 1 : -1;
            for (var left = Math.Abs(count); left > 0;)
            {
                day = day.AddDays(step);
                if (IsWorkingDay(day)) left--;
            }
            return day;
        }
    }
}
