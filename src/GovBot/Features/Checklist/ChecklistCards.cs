using System.Text.Json.Nodes;
using GovBot.Cards;

namespace GovBot.Features.Checklist;

/// <summary>Cards for the participant checklist: deadlines with how long is left, and items for an audience.</summary>
internal static class ChecklistCards
{
    /// <summary>
    /// Deadline items (information items are skipped), soonest first, paged; each says "N days left", "due today" or
    /// "overdue", whom it is for when it names constituencies, and, given <paramref name="yours"/> (the reader's
    /// constituencies), whether it applies to them.
    /// </summary>
    public static JsonObject Deadlines(IReadOnlyList<ChecklistItem> items, DateOnly asOf, string query, int page = 0, string title = "Participant checklist deadlines", IReadOnlyList<string>? yours = null)
    {
        var ordered = items.Where(i => i.Deadline is not null)
            .OrderBy(i => i.Deadline).ThenBy(i => i.Published).ThenBy(i => i.Number).ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page);
        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        var covering = yours is null ? null : Constituencies.Covering(yours);
        foreach (var item in shown)
        {
            body.Add(ItemContainer(item, asOf, covering is null ? null : item.AppliesTo(covering)));
        }
        if (ordered.Count == 0) body.Add(new TextBlock("No deadlines in that period."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    /// <summary>"What do LDSOs need to do": the audience's deadlines in the window, then the latest information items; each cites its paper.</summary>
    public static JsonObject ForAudience(ChecklistAudienceView view, bool mine, string? organisation, DateOnly asOf, string query, int page = 0)
    {
        var who = view.Unknown ? "everyone" : Constituencies.Describe(view.Audience);
        var title = mine ? "Your checklist items" : $"Checklist items for {Constituencies.Brief(view.Audience)}";
        var all = view.Deadlines.Concat(view.Information).ToList();
        var (shown, more, summary) = CardKit.Page(all, query, page);
        var body = new List<CardElement>
        {
            CardKit.Title(title),
            CardKit.AsOf(asOf),
            new TextBlock($"Deadlines from {UkFormat.Date(view.Window.From)} to {UkFormat.Date(view.Window.To)} for {CardKit.Safe(who, 200)}, with the items for all participants; then the latest news. {summary}") { IsSubtle = true, Spacing = Spacing.None, },
        };
        if (mine && view.Unknown)
        {
            var from = string.IsNullOrWhiteSpace(organisation) ? "" : $" from your organisation ({CardKit.Safe(organisation, 80)})";
            body.Add(new TextBlock($"I can't tell your constituency{from}, so this shows every item. Ask the PMO to record your organisation or seat, or ask for one, e.g. **checklist items for suppliers**.") { Wrap = true });
        }
        var informationStarted = false;
        foreach (var item in shown)
        {
            if (item.IsInformation && !informationStarted)
            {
                body.Add(CardKit.SectionHeading("For information"));
                informationStarted = true;
            }
            body.Add(ItemContainer(item, asOf, applies: null));
        }
        if (all.Count == 0) body.Add(new TextBlock($"Nothing on the checklist for {CardKit.Safe(who, 200)} in that period."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    private static Container ItemContainer(ChecklistItem item, DateOnly asOf, bool? applies)
    {
        var lines = new List<CardElement>();
        if (item.Deadline is { } deadline)
        {
            var left = UkFormat.DaysLeft(deadline, asOf);
            lines.Add(new TextBlock($"**{UkFormat.Date(deadline)}** – {left}") { Color = deadline < asOf ? TextColor.Attention : deadline.DayNumber - asOf.DayNumber <= 3 ? TextColor.Warning : null });
        }
        else
        {
            lines.Add(new TextBlock(item.Dated is { } on ? $"**Information** – {UkFormat.Date(on)}" : "**Information**"));
        }
        lines.Add(new TextBlock((item.IsReminder ? "_Reminder:_ " : "") + CardKit.Safe(item.Text, 400)) { Spacing = Spacing.None });
        var facts = new List<string> { item.Constituencies.Count == 0 ? "For all participants" : $"For {Constituencies.Brief(item.Constituencies)}" };
        if (applies is { } a) facts.Add(a ? "✓ Applies to you" : "Not for your constituency");
        lines.Add(new TextBlock(string.Join(" · ", facts)) { Size = TextSize.Small, Spacing = Spacing.None, Color = applies == true ? TextColor.Good : null });
        var source = new List<string>();
        if (item.Source is not null) source.Add($"From {CardKit.Safe(item.Source, 60)} papers, participant checklist item {item.Number}");
        if (Meetings.MeetingCards.IsHttps(item.Link)) source.Add($"[Details]({item.Link})");
        if (source.Count > 0) lines.Add(new TextBlock(string.Join(" · ", source)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        return new Container(lines) { Separator = true };
    }
}
