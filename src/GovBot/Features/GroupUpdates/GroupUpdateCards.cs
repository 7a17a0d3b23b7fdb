using System.Text.Json.Nodes;
using GovBot.Cards;

namespace GovBot.Features.GroupUpdates;

/// <summary>Cards for group updates: each topic with the group, the meeting date and the papers it came from.</summary>
public static class GroupUpdateCards
{
    /// <summary>Text of one update on a card, at most this long.</summary>
    private const int TextCap = 400;

    public static string Title(string? groupCode, string? changeRequestId) => (groupCode, changeRequestId) switch
    {
        ({ } g, { } cr) => $"What {g} said about {cr}",
        (null, { } cr) => $"What the groups said about {cr}",
        ({ } g, null) => $"Updates from {g}",
        _ => "Group updates",
    };

    /// <summary>Updates newest first, paged; one container per topic.</summary>
    public static JsonObject List(IReadOnlyList<GroupUpdate> updates, DateOnly asOf, string title, string query, int page = 0)
    {
        var ordered = updates.OrderByDescending(u => u.MeetingDate).ThenBy(u => u.GroupCode, StringComparer.Ordinal).ThenBy(u => u.Order).ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page);
        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        foreach (var u in shown)
        {
            body.Add(new Container(
            [
                new TextBlock(Line(u)),
                new TextBlock(CardKit.Safe(u.Citation, 120)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            ]) { Separator = true });
        }
        if (ordered.Count == 0) body.Add(new TextBlock("No updates recorded. Updates come from the \"Updates from other governance groups\" sections of imported papers."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    /// <summary>"**CR042 Decision**: The PSG approved CR042 …".</summary>
    public static string Line(GroupUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var text = CardKit.Safe(update.Text, TextCap);
        return string.IsNullOrWhiteSpace(update.Topic) ? text : $"**{CardKit.Safe(update.Topic, 120)}**: {text}";
    }
}
