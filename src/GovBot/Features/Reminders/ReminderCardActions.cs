using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Bot;
using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.Features.Conversations;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Reminders;

/// <summary>
/// "Snooze" on a personal reminder card (Action.Execute): the items come back at the send time on the next working
/// day, or next Monday (the first working day from then). The snooze belongs to the caller, whoever the card says.
/// </summary>
internal sealed partial class ReminderCardActions(
    CallerResolver callers,
    ReminderStateStore state,
    WorkingDays calendar,
    TimeProvider clock,
    IOptions<ReminderOptions> options) : ICardActionHandler
{
    public static readonly IReadOnlyList<string> Verbs = [ReminderCards.SnoozeVerb];

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var until = Cards.CardData.String(action.Data, "until", 16);
        var items = ItemKeys(action.Data);
        if (until is not (ReminderCards.SnoozeTomorrow or ReminderCards.SnoozeMonday) || items is null)
        {
            return InvokeResponse.Error(400, "BadRequest", "This snooze button's data is incomplete. Use the buttons of a newer reminder.");
        }
        if (turn.Activity.Conversation?.ConversationType is "channel" or "groupChat")
        {
            return InvokeResponse.Error(400, "BadRequest", "Reminders can be snoozed in your personal chat with GovBot only.");
        }
        var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
        if (caller.Person is null)
        {
            return InvokeResponse.Error(403, "Forbidden", "I can't match you to anyone in the programme directory, so I can't snooze reminders for you.");
        }

        var day = SnoozeDay(UkTime.Today(clock), until);
        var recipient = Recipient.Person(caller.Person.Id);
        foreach (var key in items)
        {
            var (kind, id) = key.StartsWith("action:", StringComparison.Ordinal)
                ? (ReminderItemKind.Action, key["action:".Length..])
                : (ReminderItemKind.Checklist, key["checklist:".Length..]);
            await state.SnoozeAsync(new Snooze(recipient, day, kind, id), cancellationToken);
        }
        return InvokeResponse.Card(ReminderCards.Snoozed(day, options.Value.SendTime, items));
    }

    /// <summary>"tomorrow": the next working day; "monday": next Monday, or the first working day after it.</summary>
    public DateOnly SnoozeDay(DateOnly today, string until)
    {
        var day = until == ReminderCards.SnoozeMonday
            ? today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7)
            : today.AddDays(1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private static List<string>? ItemKeys(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array) return null;
        var keys = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } key || !ItemKeyPattern().IsMatch(key)) return null;
            keys.Add(key);
        }
        return keys.Count is > 0 and <= ReminderCards.MaxSnoozeItems ? keys.Distinct().ToList() : null;
    }

    [GeneratedRegex(@"^(?:action:[A-Za-z]{1,10}[0-9.]{1,8}-[0-9]{1,3}|checklist:[0-9]{8}-[0-9]{2,3})$")]
    private static partial Regex ItemKeyPattern();
}
