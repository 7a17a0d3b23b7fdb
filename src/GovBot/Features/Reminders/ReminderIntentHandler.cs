using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Connector;
using GovBot.Features.Conversations;
using GovBot.Features.Checklist;
using GovBot.Features.Groups;
using GovBot.Recognition;

namespace GovBot.Features.Reminders;

/// <summary>
/// "reminders off/on", "checklist reminders off", "my reminder settings", "subscribe DAG", "subscribe checklist",
/// "unsubscribe DAG", "subscriptions" and the PMO's "reminder report". In a personal chat they change the caller's
/// own reminders; in a channel or group chat, that conversation's subscriptions.
/// </summary>
internal sealed class ReminderIntentHandler(
    ConversationObserver recipients,
    SubscriptionStore subscriptions,
    ConversationReferenceStore conversations,
    ReminderStateStore state,
    GroupStore groups)
{
    public async Task<JsonObject> HandleAsync(Intent intent, Caller caller, ITurnContext turn, CancellationToken cancellationToken)
    {
        if (intent is ReminderReport) return await ReportAsync(caller, cancellationToken);

        var recipient = await recipients.RecipientOfAsync(turn.Activity, cancellationToken);
        if (recipient is null)
        {
            return CommonCards.Error("I can't match you to anyone in the programme directory, so I can't keep reminder settings for you. Ask the PMO to add you.");
        }
        var personal = recipient.Kind == RecipientKind.Person;
        switch (intent)
        {
            case SetReminders set when personal:
                {
                    var targets = set.Kind == ReminderKind.All ? new[] { SubscriptionTargets.Actions, SubscriptionTargets.Checklist } : [SubscriptionTargets.Checklist];
                    foreach (var t in targets) await Set(recipient, t, set.Enabled, cancellationToken);
                    var what = set.Kind == ReminderKind.All ? "All reminders" : "Checklist reminders";
                    return await PersonalSettingsAsync(recipient, $"{what} are now {(set.Enabled ? "on" : "off")}.", cancellationToken);
                }
            case SetReminders set when set.Kind == ReminderKind.Checklist:
                await Set(recipient, SubscriptionTargets.Checklist, set.Enabled, cancellationToken);
                return await SubscriptionsAsync(recipient, $"Checklist reminders are now {(set.Enabled ? "on" : "off")} in this conversation.", cancellationToken);
            case SetReminders { Enabled: false }:
                foreach (var s in await subscriptions.ListForAsync(recipient, cancellationToken))
                    await subscriptions.UnsubscribeAsync(recipient, s.Target, cancellationToken);
                return await SubscriptionsAsync(recipient, "All reminders are now off in this conversation.", cancellationToken);
            case SetReminders:
                return await SubscriptionsAsync(recipient, "In a channel, choose what to follow: **subscribe checklist**, or **subscribe DAG** for a group's actions.", cancellationToken);
            case SetChecklistConstituencyOnly only when personal:
                {
                    await Set(recipient, SubscriptionTargets.ChecklistMyConstituency, only.Enabled, cancellationToken);
                    var codes = Constituencies.OfPerson(caller.Person, caller.Memberships);
                    var notice = !only.Enabled ? "Checklist reminders now cover every constituency."
                        : codes.Count > 0 ? $"Checklist reminders now cover only items for {Constituencies.Describe(codes)}, and items for all participants."
                        : "Checklist reminders will cover only items for your constituency, but I can't tell it from your organisation or seats yet, so you still get every item. Ask the PMO to record it.";
                    return await PersonalSettingsAsync(recipient, notice, cancellationToken);
                }
            case SetChecklistConstituencyOnly:
                return await SubscriptionsAsync(recipient, "A conversation has no constituency: checklist reminders here cover every item. In a personal chat with me, say **only checklist items for my constituency**.", cancellationToken);
            case ShowReminderSettings when personal:
                return await PersonalSettingsAsync(recipient, null, cancellationToken);
            case Subscribe sub:
                {
                    if (await TargetAsync(sub.Target, cancellationToken) is not { } target) return UnknownGroup(sub.Target);
                    var added = await subscriptions.SubscribeAsync(recipient, target, cancellationToken);
                    var notice = added ? $"Subscribed: {ReminderCards.Describe(target)}." : $"Already subscribed: {ReminderCards.Describe(target)}.";
                    return personal ? await PersonalSettingsAsync(recipient, notice, cancellationToken) : await SubscriptionsAsync(recipient, notice, cancellationToken);
                }
            case Unsubscribe unsub:
                {
                    if (await TargetAsync(unsub.Target, cancellationToken) is not { } target) return UnknownGroup(unsub.Target);
                    var removed = await subscriptions.UnsubscribeAsync(recipient, target, cancellationToken);
                    var notice = removed ? $"Unsubscribed: {ReminderCards.Describe(target)}." : $"There was no subscription to {ReminderCards.Describe(target)} here.";
                    return personal ? await PersonalSettingsAsync(recipient, notice, cancellationToken) : await SubscriptionsAsync(recipient, notice, cancellationToken);
                }
            default:
                return await SubscriptionsAsync(recipient, null, cancellationToken);
        }
    }

    private async Task<JsonObject> ReportAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.IsPmo) return CommonCards.Error("Only the PMO can see the reminder report.");
        var runs = await state.LatestRunsAsync(1, ct);
        var unreachable = (await conversations.ListAsync(ct)).Where(c => !c.IsReachable).OrderByDescending(c => c.UnreachableSince).ToList();
        return ReminderCards.Report(runs.Count > 0 ? runs[0] : null, unreachable);
    }

    private async Task<JsonObject> PersonalSettingsAsync(Recipient recipient, string? notice, CancellationToken ct)
    {
        var targets = (await subscriptions.ListForAsync(recipient, ct)).Select(s => s.Target).ToHashSet(StringComparer.Ordinal);
        var conversation = await conversations.GetAsync(recipient, ct);
        return ReminderCards.PersonalSettings(
            targets.Contains(SubscriptionTargets.Actions), targets.Contains(SubscriptionTargets.Checklist),
            conversation is not null, conversation?.IsReachable ?? false, notice,
            constituencyOnly: targets.Contains(SubscriptionTargets.ChecklistMyConstituency));
    }

    private async Task<JsonObject> SubscriptionsAsync(Recipient recipient, string? notice, CancellationToken ct)
    {
        var targets = (await subscriptions.ListForAsync(recipient, ct)).Select(s => s.Target).ToList();
        return ReminderCards.Subscriptions(targets, notice);
    }

    private async Task Set(Recipient recipient, string target, bool enabled, CancellationToken ct)
    {
        if (enabled) await subscriptions.SubscribeAsync(recipient, target, ct);
        else await subscriptions.UnsubscribeAsync(recipient, target, ct);
    }

    private async Task<string?> TargetAsync(SubscriptionTarget target, CancellationToken ct)
    {
        if (target.Checklist) return SubscriptionTargets.Checklist;
        if (target.GroupCode is not { Length: > 0 } code) return null;
        return await groups.GetAsync(code.ToUpperInvariant(), ct) is { } g ? SubscriptionTargets.Group(g.Value.Code) : null;
    }

    private static JsonObject UnknownGroup(SubscriptionTarget target) =>
        CommonCards.Error($"I don't know a group called \"{target}\". Try **subscribe checklist** or **subscribe DAG**.");
}
