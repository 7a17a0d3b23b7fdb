using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Reminders;

/// <summary>Which reminders a command is about.</summary>
public enum ReminderKind
{
    /// <summary>Every reminder GovBot sends the caller.</summary>
    All,
    /// <summary>Only participant checklist deadline reminders.</summary>
    Checklist,
}

/// <summary>"reminders off", "checklist reminders on".</summary>
internal sealed record SetReminders(ReminderKind Kind, bool Enabled, string Explanation) : Intent(Explanation);

/// <summary>"only checklist items for my constituency" (on), "checklist reminders for all constituencies" (off).</summary>
internal sealed record SetChecklistConstituencyOnly(bool Enabled, string Explanation) : Intent(Explanation);

/// <summary>"my reminder settings".</summary>
internal sealed record ShowReminderSettings(string Explanation) : Intent(Explanation);

/// <summary>What a subscription is to: a group's notices, or the participant checklist.</summary>
internal sealed record SubscriptionTarget(string? GroupCode, bool Checklist)
{
    public override string ToString() => Checklist ? "checklist" : GroupCode ?? "";
}

/// <summary>"subscribe DAG", "subscribe checklist".</summary>
internal sealed record Subscribe(SubscriptionTarget Target, string Explanation) : Intent(Explanation);

/// <summary>"unsubscribe DAG".</summary>
internal sealed record Unsubscribe(SubscriptionTarget Target, string Explanation) : Intent(Explanation);

/// <summary>"subscriptions": list the caller's subscriptions.</summary>
internal sealed record ListSubscriptions(string Explanation) : Intent(Explanation);

/// <summary>"reminder report" (PMO only; the handler checks).</summary>
internal sealed record ReminderReport(string Explanation) : Intent(Explanation);

/// <summary>The reminder and subscription commands.</summary>
internal static partial class ReminderGrammar
{
    public static void Register(Grammar grammar) => grammar
        .Rule(RuleOrder.Command, "reminder report", q => ReminderReportRegex().IsMatch(q.Text) ? new ReminderReport("reminder report command") : null)
        .Rule(RuleOrder.Command, "reminder settings", q => ReminderSettingsRegex().IsMatch(q.Text) ? new ShowReminderSettings("reminder settings") : null)
        // Before "reminders on or off": "constituency reminders off" is about the filter, not about checklist reminders.
        .Rule(RuleOrder.Command - 1, "checklist constituency filter", ConstituencyOnly)
        .Rule(RuleOrder.Command, "reminders on or off", RemindersOnOff)
        .Rule(RuleOrder.Command, "subscriptions", q => SubscriptionsRegex().IsMatch(q.Text) ? new ListSubscriptions("list subscriptions") : null)
        .Rule(RuleOrder.Command, "subscribe", SubscribeRule)
        .Examples("my reminder settings", "subscribe DAG", "subscriptions")
        .Help("Reminders and subscriptions", "my reminder settings", "reminders off", "checklist reminders off", "only checklist items for my constituency", "subscribe DAG", "unsubscribe DAG", "subscriptions");

    private static SetReminders? RemindersOnOff(Question q)
    {
        var on = RemindersOnOffRegex().Match(q.Text);
        if (!on.Success) on = TurnRemindersOnOffRegex().Match(q.Text);
        if (!on.Success) return null;
        var kind = on.Groups["kind"].Success && on.Groups["kind"].Value.Length > 0 ? ReminderKind.Checklist : ReminderKind.All;
        var enabled = on.Groups["state"].Value is "on" or "start" or "resume" or "enable";
        var what = kind == ReminderKind.Checklist ? "checklist reminders" : "all reminders";
        return new SetReminders(kind, enabled, $"turn {what} {(enabled ? "on" : "off")}");
    }

    private static SetChecklistConstituencyOnly? ConstituencyOnly(Question q)
    {
        var t = q.Text;
        if (ConstituencyFilterOnOffRegex().Match(t) is { Success: true } onOff)
        {
            var on = onOff.Groups["state"].Value == "on";
            return new(on, $"checklist reminders {(on ? "only for your constituency" : "for all constituencies")}");
        }
        // A setting names the checklist and says "only" or "reminders"; without either, "checklist items for my
        // constituency" is a question (the checklist grammar answers it). Read before fillers go: "all" matters here.
        t = q.Normalised;
        if (!ChecklistWordRegex().IsMatch(t) || !SettingWordRegex().IsMatch(t)) return null;
        if (MyConstituencyRegex().IsMatch(t)) return new(true, "checklist reminders only for your constituency");
        if (AllConstituenciesRegex().IsMatch(t)) return new(false, "checklist reminders for all constituencies");
        return null;
    }

    private static Intent? SubscribeRule(Question q)
    {
        var sub = SubscribeRegex().Match(q.Text);
        if (!sub.Success) return null;
        var un = sub.Groups["un"].Success && sub.Groups["un"].Value.Length > 0;
        var target = sub.Groups["target"].Value.Trim();
        SubscriptionTarget? what = null;
        var describe = "";
        if (ChecklistTargetRegex().IsMatch(target))
        {
            what = new SubscriptionTarget(null, Checklist: true);
            describe = "the participant checklist";
        }
        else
        {
            var rest = target;
            if (QuestionText.TakeGroup(ref rest, q.Context) is { } g)
            {
                what = new SubscriptionTarget(g.Code, Checklist: false);
                describe = g.Describe();
            }
        }
        if (what is null)
        {
            var suggestion = un ? "unsubscribe DAG" : "subscribe DAG";
            return new Unknown(q.Text, [suggestion, "subscribe checklist", "subscriptions"],
                $"'{(un ? "unsubscribe" : "subscribe")}' needs a group code or 'checklist'; '{target}' is neither");
        }
        return un
            ? new Unsubscribe(what, $"unsubscribe from {describe}")
            : new Subscribe(what, $"subscribe to {describe}");
    }

    [GeneratedRegex(@"^(?:turn |switch )?(?:my )?constituency (?:only )?(?:checklist )?(?:reminders?|filter) (?<state>on|off)$|^(?:turn|switch) (?<state>on|off) (?:my )?constituency (?:only )?(?:checklist )?(?:reminders?|filter)$")]
    private static partial Regex ConstituencyFilterOnOffRegex();
    [GeneratedRegex(@"\b(?:checklist|deadlines?)\b")] private static partial Regex ChecklistWordRegex();
    [GeneratedRegex(@"\b(?:only|just|reminders?|remind|notify|send)\b")] private static partial Regex SettingWordRegex();
    [GeneratedRegex(@"\bmy (?:own )?(?:constituenc(?:y|ies)|organi[sz]ation|company)\b|\bconstituency only\b")] private static partial Regex MyConstituencyRegex();
    [GeneratedRegex(@"\b(?:all|every|any) (?:constituenc(?:y|ies)|participants?|items?|checklist items?)\b|\bfor everyone\b|\bwhatever (?:my )?constituency\b")] private static partial Regex AllConstituenciesRegex();
    [GeneratedRegex(@"\breminders? report\b")] private static partial Regex ReminderReportRegex();
    [GeneratedRegex(@"\b(?:my )?reminders? (?:settings?|preferences|prefs|status)\b|^(?:my )?reminders$|^(?:my )?settings$")] private static partial Regex ReminderSettingsRegex();
    [GeneratedRegex(@"^(?:turn |switch |set )?(?:my )?(?<kind>checklist |deadline )?reminders? (?:to )?(?<state>off|on)$|^(?<state>stop|pause|mute|disable|start|resume|enable) (?:my )?(?<kind>checklist |deadline )?reminders?$")]
    private static partial Regex RemindersOnOffRegex();
    [GeneratedRegex(@"^(?:turn|switch) (?<state>off|on) (?:my )?(?<kind>checklist |deadline )?reminders?$")] private static partial Regex TurnRemindersOnOffRegex();
    [GeneratedRegex(@"^(?:my )?subscriptions$|^what am i subscribed to$|^(?:list|show) (?:my )?subscriptions$")] private static partial Regex SubscriptionsRegex();
    [GeneratedRegex(@"^(?<un>un)?subscribe(?: me)?(?: to| from)?(?<target>(?: .*)?)$")] private static partial Regex SubscribeRegex();
    [GeneratedRegex(@"^(?:the )?(?:participant )?(?:checklist|deadlines)$")] private static partial Regex ChecklistTargetRegex();
}
