using System.Globalization;
using GovBot.Features.Conversations;

namespace GovBot.Features.Reminders;

internal enum ReminderItemKind
{
    Checklist,
    Action,
}

/// <summary>Something with a date that someone must not miss: a checklist deadline or an action's due date.</summary>
/// <param name="Id">The checklist item id ("20240313-06") or the action ref ("DAG33-04").</param>
internal sealed record ReminderItem(ReminderItemKind Kind, string Id, string Title, DateOnly Due, string? GroupCode, string? Source)
{
    /// <summary>"checklist:20240313-06", "action:DAG33-04".</summary>
    public string Key => (Kind == ReminderItemKind.Checklist ? "checklist:" : "action:") + Id;
}

/// <summary>Why an item is in a digest; the slot is part of the ledger key, so the wire value never changes.</summary>
internal enum SlotKind
{
    /// <summary>N working days before a checklist deadline (0 = on the day).</summary>
    ChecklistBefore,
    /// <summary>N working days before an action's due date (0 = on the day).</summary>
    ActionBefore,
    /// <summary>The weekly digest of overdue actions.</summary>
    OverdueWeekly,
    /// <summary>Overdue by the escalation threshold: to the group's secretariat.</summary>
    Escalation,
    /// <summary>A reminder the recipient snoozed to today.</summary>
    Snoozed,
}

/// <summary>
/// A reminder slot: which rule and which occurrence. <see cref="Id"/> is part of the ledger key
/// ("cl-5@20240426", "act-0@20240424", "overdue@20240422", "esc@20240401", "snooze@20240422").
/// </summary>
internal sealed record ReminderSlot(SlotKind Kind, int WorkingDaysBefore, DateOnly Anchor)
{
    public string Id => Kind switch
    {
        SlotKind.ChecklistBefore => $"cl-{WorkingDaysBefore}@{Day(Anchor)}",
        SlotKind.ActionBefore => $"act-{WorkingDaysBefore}@{Day(Anchor)}",
        SlotKind.OverdueWeekly => $"overdue@{Day(Anchor)}",
        SlotKind.Escalation => $"esc@{Day(Anchor)}",
        _ => $"snooze@{Day(Anchor)}",
    };

    private static string Day(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>One item for one recipient in one slot: a ledger entry once it is dispatched.</summary>
internal sealed record PlannedReminder(ReminderItem Item, ReminderSlot Slot)
{
    public string LedgerKey(DateOnly day) => $"{day:yyyyMMdd}|{Item.Key}|{Slot.Id}";
}

/// <summary>Everything due for one recipient at one send time: one card, never a burst of messages.</summary>
/// <param name="ScheduledAt">The send time (09:00 UK on <see cref="Day"/>).</param>
/// <param name="IsLate">Planned noticeably after <see cref="ScheduledAt"/> (GovBot was unavailable); the card says so.</param>
internal sealed record PlannedDigest(Recipient Recipient, DateOnly Day, DateTimeOffset ScheduledAt, bool IsLate, IReadOnlyList<PlannedReminder> Items);

/// <summary>A snoozed item: remind <see cref="Recipient"/> again on <see cref="Day"/>.</summary>
internal sealed record Snooze(Recipient Recipient, DateOnly Day, ReminderItemKind Kind, string ItemId);
