using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Features.Conversations;

namespace GovBot.Features.Reminders;

/// <summary>Cards for reminders: the digest (with snooze buttons in personal chats), settings, subscriptions and the PMO's report.</summary>
internal static class ReminderCards
{
    public const string SnoozeVerb = "reminder.snooze";
    public const string SnoozeTomorrow = "tomorrow";
    public const string SnoozeMonday = "monday";

    /// <summary>Item keys carried by a snooze button (the rest of a long digest is not snoozable from the card).</summary>
    public const int MaxSnoozeItems = 50;

    /// <summary>The words of the late label; the time is the configured send time.</summary>
    public static string LateLabel(TimeOnly sendTime) =>
        $"This reminder was due at {UkFormat.Time(sendTime)} and is late because GovBot was unavailable.";

    /// <summary>One digest: every item due for the recipient at this send time, soonest first.</summary>
    /// <param name="personal">A personal chat: offers snoozing.</param>
    public static JsonObject Digest(PlannedDigest digest, TimeOnly sendTime, bool personal, int maxItems = 15)
    {
        var day = digest.Day;
        var body = new List<CardElement>
        {
            CardKit.Title(digest.Items.Count == 1 ? "Reminder" : $"Reminders ({digest.Items.Count})"),
            CardKit.AsOf(day),
        };
        if (digest.IsLate)
        {
            body.Add(new TextBlock(LateLabel(sendTime)) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }
        foreach (var section in digest.Items.GroupBy(i => Section(i.Slot.Kind)).OrderBy(g => g.Key))
        {
            body.Add(CardKit.SectionHeading(SectionTitle(section.Key, personal)));
            foreach (var r in section.Take(maxItems))
                body.Add(Item(r, day));
            var more = section.Count() - maxItems;
            if (more > 0) body.Add(new TextBlock($"…and {more} more. Ask me for the full list.") { IsSubtle = true });
        }

        var actions = new List<CardButton>();
        if (personal)
        {
            var keys = digest.Items.Select(i => i.Item.Key).Distinct().Take(MaxSnoozeItems).ToList();
            actions.Add(new ActionExecute("Snooze until tomorrow 09:00", SnoozeVerb, SnoozeData(SnoozeTomorrow, keys)));
            actions.Add(new ActionExecute("Snooze until next Monday", SnoozeVerb, SnoozeData(SnoozeMonday, keys)));
        }
        return CardKit.Build(new AdaptiveCard(body, actions));
    }

    /// <summary>The digest after a snooze: replaces the card in place.</summary>
    public static JsonObject Snoozed(DateOnly until, TimeOnly sendTime, IReadOnlyList<string> itemKeys) =>
        CardKit.Build(new AdaptiveCard(
        [
            CardKit.Title("Reminder snoozed"),
            new TextBlock($"I'll remind you again on **{UkFormat.Date(until)}** at {UkFormat.Time(sendTime)} about {Count(itemKeys.Count, "item")}."),
            new TextBlock(CardKit.Safe(string.Join(", ", itemKeys.Select(ItemLabel)), 1000)) { IsSubtle = true, Size = TextSize.Small },
        ]));

    /// <summary>"my reminder settings" in a personal chat.</summary>
    public static JsonObject PersonalSettings(bool actions, bool checklist, bool installed, bool reachable, string? notice = null, bool constituencyOnly = false)
    {
        var body = new List<CardElement> { CardKit.Title("Your reminder settings") };
        if (notice is not null) body.Add(new TextBlock(CardKit.Safe(notice)) { Color = TextColor.Good });
        body.Add(new FactSet(
        [
            new("Your actions", actions ? "On: 3 working days before and on the due date; overdue on Mondays" : "Off"),
            new("Checklist deadlines", checklist ? "On: 5 and 1 working days before, and on the day" : "Off"),
            new("Checklist items", constituencyOnly ? "Only for your constituency (and for all participants)" : "Every constituency"),
            new("Delivered", !installed ? "Not yet: I have no personal chat with you" : reachable ? "Here, at 09:00 on working days" : "Paused: Teams refused my last message"),
        ]));
        var buttons = new List<CardButton>
        {
            actions || checklist ? ActionSubmit.ImBack("Turn all reminders off", "reminders off") : ActionSubmit.ImBack("Turn reminders on", "reminders on"),
        };
        if (checklist) buttons.Add(ActionSubmit.ImBack("Checklist reminders off", "checklist reminders off"));
        else if (actions) buttons.Add(ActionSubmit.ImBack("Checklist reminders on", "checklist reminders on"));
        if (checklist)
        {
            buttons.Add(constituencyOnly
                ? ActionSubmit.ImBack("Every constituency", "constituency reminders off")
                : ActionSubmit.ImBack("Only my constituency", "constituency reminders on"));
        }
        return CardKit.Build(new AdaptiveCard(body, buttons));
    }

    /// <summary>"subscriptions" (and the answer to subscribe/unsubscribe) in a channel or group chat.</summary>
    public static JsonObject Subscriptions(IReadOnlyList<string> targets, string? notice = null)
    {
        var body = new List<CardElement> { CardKit.Title("Reminders in this conversation") };
        if (notice is not null) body.Add(new TextBlock(CardKit.Safe(notice)) { Color = TextColor.Good });
        if (targets.Count == 0)
        {
            body.Add(new TextBlock("Nothing yet. Try **subscribe checklist** for participant checklist deadlines, or **subscribe DAG** for a group's actions."));
        }
        else
        {
            body.Add(new TextBlock(CardKit.Bullets(targets.Select(Describe))));
            body.Add(new TextBlock("Reminders arrive at 09:00 on working days. To stop one: **unsubscribe checklist**, **unsubscribe DAG**.") { IsSubtle = true, Size = TextSize.Small });
        }
        return CardKit.Build(new AdaptiveCard(body));
    }

    /// <summary>"reminder report" (PMO): the last run and the conversations Teams refused.</summary>
    public static JsonObject Report(ReminderRun? run, IReadOnlyList<StoredConversation> unreachable)
    {
        var body = new List<CardElement> { CardKit.Title("Reminder report") };
        if (run is null)
        {
            body.Add(new TextBlock("No reminder run yet."));
        }
        else
        {
            body.Add(CardKit.Subtitle($"Last run {UkFormat.DateTime(run.StartedAt)}, for {UkFormat.Date(run.Day)}{(run.Late ? " (late)" : "")}"));
            body.Add(new FactSet(
            [
                new("Digests planned", $"{run.Digests} ({run.Planned} reminders)"),
                new("Sent", $"{run.Sent}"),
                new("Already sent earlier", $"{run.AlreadyDone}"),
                new("Retrying", $"{run.Retrying}"),
                new("Failed", $"{run.Failed}"),
                new("Unreachable", $"{run.Unreachable}"),
                new("Outcome unknown", $"{run.Unknown}"),
            ]));
            if (run.Skipped.Count > 0)
            {
                body.Add(CardKit.SectionHeading("Not planned, and why"));
                body.Add(new TextBlock(CardKit.Bullets(run.Skipped.OrderByDescending(s => s.Value).Select(s => $"{CardKit.Safe(s.Key, 100)}: {s.Value}"))));
            }
        }
        body.Add(CardKit.SectionHeading($"Unreachable conversations ({unreachable.Count})"));
        body.Add(new TextBlock(unreachable.Count == 0 ? "None."
            : CardKit.Bullets(unreachable.Take(20).Select(u => $"{CardKit.Safe(Label(u), 100)} since {UkFormat.DateTime(u.UnreachableSince!.Value)}{(u.UnreachableReason is { } r ? $" ({CardKit.Safe(r, 60)})" : "")}"))));
        return CardKit.Build(new AdaptiveCard(body));
    }

    /// <summary>"DAG actions", "Participant checklist deadlines", "Your own actions".</summary>
    public static string Describe(string target) => target switch
    {
        SubscriptionTargets.Checklist => "Participant checklist deadlines",
        SubscriptionTargets.Actions => "Your own actions",
        SubscriptionTargets.ChecklistMyConstituency => "Checklist items only for your constituency",
        _ when SubscriptionTargets.GroupCode(target) is { } code => $"{code} actions: due soon, and overdue on Mondays",
        _ => target,
    };

    private static string Label(StoredConversation c) =>
        c.Recipient.Kind == RecipientKind.Person ? $"Personal chat of {c.Recipient.Id}" : c.Reference.Conversation.Name ?? $"{c.Reference.Conversation.ConversationType ?? "conversation"} {c.Recipient.Id[..Math.Min(24, c.Recipient.Id.Length)]}";

    private static JsonObject SnoozeData(string until, IReadOnlyList<string> keys) => new()
    {
        ["until"] = until,
        ["items"] = new JsonArray([.. keys.Select(k => (JsonNode)JsonValue.Create(k))]),
    };

    private enum SectionKind { Checklist, ActionsDue, Overdue, Escalation, Snoozed }

    private static SectionKind Section(SlotKind slot) => slot switch
    {
        SlotKind.ChecklistBefore => SectionKind.Checklist,
        SlotKind.ActionBefore => SectionKind.ActionsDue,
        SlotKind.OverdueWeekly => SectionKind.Overdue,
        SlotKind.Escalation => SectionKind.Escalation,
        _ => SectionKind.Snoozed,
    };

    private static string SectionTitle(SectionKind s, bool personal) => s switch
    {
        SectionKind.Checklist => "Participant checklist deadlines",
        SectionKind.ActionsDue => personal ? "Your actions due soon" : "Actions due soon",
        SectionKind.Overdue => personal ? "Your overdue actions" : "Overdue actions",
        SectionKind.Escalation => "Overdue by a week or more (you are the group's secretariat)",
        _ => "Snoozed reminders",
    };

    private static Container Item(PlannedReminder r, DateOnly asOf)
    {
        var item = r.Item;
        var lines = new List<CardElement>
        {
            new TextBlock($"**{UkFormat.Date(item.Due)}** – {UkFormat.DaysLeft(item.Due, asOf)}")
            {
                Color = item.Due < asOf ? TextColor.Attention : item.Due.DayNumber - asOf.DayNumber <= 1 ? TextColor.Warning : null,
            },
            new TextBlock((item.Kind == ReminderItemKind.Action ? $"**{item.Id}** " : "") + CardKit.Safe(item.Title, 300)) { Spacing = Spacing.None, MaxLines = 4 },
        };
        var source = item.Kind == ReminderItemKind.Action
            ? $"Owner: {CardKit.Safe(item.Source, 80)}"
            : item.Source is { } s ? $"From the {CardKit.Safe(s, 40)} participant checklist" : null;
        if (source is not null) lines.Add(new TextBlock(source) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        return new Container(lines)
        {
            Separator = true,
            SelectAction = item.Kind == ReminderItemKind.Action
                ? new ActionExecute($"Open {item.Id}", Actions.ActionCards.ShowVerb, new JsonObject { ["ref"] = item.Id })
                : null,
        };
    }

    private static string ItemLabel(string key) =>
        key.StartsWith("action:", StringComparison.Ordinal) ? key["action:".Length..]
        : key.StartsWith("checklist:", StringComparison.Ordinal) ? "checklist item " + key["checklist:".Length..]
        : key;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
