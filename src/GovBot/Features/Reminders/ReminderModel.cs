using System.Globalization;
using GovBot.Storage;

namespace GovBot.Features.Reminders;

public enum RecipientKind
{
    /// <summary>A person, reached in their personal chat with GovBot; Id is the GovBot person id.</summary>
    Person,
    /// <summary>A channel or group chat; Id is the conversation id (a channel's root id, without ";messageid=").</summary>
    Conversation,
}

/// <summary>Who a reminder goes to. <see cref="Key"/> is the stored identity ("person|lee-cox", "conv|19:…@thread.tacv2").</summary>
public sealed record Recipient(RecipientKind Kind, string Id)
{
    public string Key => (Kind == RecipientKind.Person ? "person|" : "conv|") + Id;

    /// <summary>The key made safe for a table key.</summary>
    public string TableKey => TableKeys.Encode(Key);

    public static Recipient Person(string personId) => new(RecipientKind.Person, personId);

    public static Recipient Conversation(string conversationId) => new(RecipientKind.Conversation, RootConversationId(conversationId));

    public static Recipient? FromKey(string key) =>
        key.StartsWith("person|", StringComparison.Ordinal) ? Person(key["person|".Length..])
        : key.StartsWith("conv|", StringComparison.Ordinal) ? new(RecipientKind.Conversation, key["conv|".Length..])
        : null;

    /// <summary>A channel message's conversation id carries ";messageid=…"; reminders start a new thread at the root.</summary>
    public static string RootConversationId(string conversationId)
    {
        var at = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }

    public override string ToString() => Key;
}

/// <summary>What a subscription is to. Wire values are stored, so they never change.</summary>
public static class SubscriptionTargets
{
    /// <summary>A person's own actions (personal installs only).</summary>
    public const string Actions = "actions";

    /// <summary>Participant checklist deadlines.</summary>
    public const string Checklist = "checklist";

    /// <summary>A preference rather than a subscription: checklist reminders only for items of the person's constituency.</summary>
    public const string ChecklistMyConstituency = "checklist-constituency";

    /// <summary>A group's actions: due soon and the weekly overdue digest ("group:DAG").</summary>
    public static string Group(string code) => "group:" + code.ToUpperInvariant();

    public static string? GroupCode(string target) => target.StartsWith("group:", StringComparison.Ordinal) ? target["group:".Length..] : null;
}

/// <summary>A recipient's subscription to a target.</summary>
public sealed record Subscription(Recipient Recipient, string Target, DateTimeOffset Since);

public enum ReminderItemKind
{
    Checklist,
    Action,
}

/// <summary>Something with a date that someone must not miss: a checklist deadline or an action's due date.</summary>
/// <param name="Id">The checklist item id ("20240313-06") or the action ref ("DAG33-04").</param>
public sealed record ReminderItem(ReminderItemKind Kind, string Id, string Title, DateOnly Due, string? GroupCode, string? Source)
{
    /// <summary>"checklist:20240313-06", "action:DAG33-04".</summary>
    public string Key => (Kind == ReminderItemKind.Checklist ? "checklist:" : "action:") + Id;
}

/// <summary>Why an item is in a digest; the slot is part of the ledger key, so the wire value never changes.</summary>
public enum SlotKind
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
public sealed record ReminderSlot(SlotKind Kind, int WorkingDaysBefore, DateOnly Anchor)
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
public sealed record PlannedReminder(ReminderItem Item, ReminderSlot Slot)
{
    public string LedgerKey(DateOnly day) => $"{day:yyyyMMdd}|{Item.Key}|{Slot.Id}";
}

/// <summary>Everything due for one recipient at one send time: one card, never a burst of messages.</summary>
/// <param name="ScheduledAt">The send time (09:00 UK on <see cref="Day"/>).</param>
/// <param name="IsLate">Planned noticeably after <see cref="ScheduledAt"/> (GovBot was unavailable); the card says so.</param>
public sealed record PlannedDigest(Recipient Recipient, DateOnly Day, DateTimeOffset ScheduledAt, bool IsLate, IReadOnlyList<PlannedReminder> Items);

/// <summary>A snoozed item: remind <see cref="Recipient"/> again on <see cref="Day"/>.</summary>
public sealed record Snooze(Recipient Recipient, DateOnly Day, ReminderItemKind Kind, string ItemId);
