using System.Text.Json.Nodes;
using GovBot.Cards;

namespace GovBot.Features.Checklist;

/// <summary>Cards for the participant checklist: deadlines with how long is left.</summary>
public static class ChecklistCards
{
    /// <summary>Deadline items (information items are skipped), soonest first, paged; each says "N days left", "due today" or "overdue".</summary>
    public static JsonObject Deadlines(IReadOnlyList<ChecklistItem> items, DateOnly asOf, string query, int page = 0, string title = "Participant checklist deadlines")
    {
        var ordered = items.Where(i => i.Deadline is not null)
            .OrderBy(i => i.Deadline).ThenBy(i => i.Published).ThenBy(i => i.Number).ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page);
        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        foreach (var item in shown)
        {
            var deadline = item.Deadline!.Value;
            var left = UkFormat.DaysLeft(deadline, asOf);
            var lines = new List<CardElement>
            {
                new TextBlock($"**{UkFormat.Date(deadline)}** – {left}") { Color = deadline < asOf ? TextColor.Attention : deadline.DayNumber - asOf.DayNumber <= 3 ? TextColor.Warning : null },
                new TextBlock((item.IsReminder ? "_Reminder:_ " : "") + CardKit.Safe(item.Text, 400)) { Spacing = Spacing.None },
            };
            var source = new List<string>();
            if (item.Source is not null) source.Add($"From {CardKit.Safe(item.Source, 60)} checklist item {item.Number}");
            if (Meetings.MeetingCards.IsHttps(item.Link)) source.Add($"[Details]({item.Link})");
            if (source.Count > 0) lines.Add(new TextBlock(string.Join(" · ", source)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            body.Add(new Container(lines) { Separator = true });
        }
        if (ordered.Count == 0) body.Add(new TextBlock("No deadlines in that period."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }
}
