using System.Text.Json.Nodes;
using GovBot.Cards;

namespace GovBot.Features.Milestones;

/// <summary>Cards for programme milestones: RAG in words, forecast against baseline.</summary>
internal static class MilestoneCards
{
    public static JsonObject List(IReadOnlyList<Milestone> milestones, DateOnly asOf, string query, int page = 0, string title = "Programme milestones")
    {
        var ordered = milestones.OrderBy(m => m.Forecast ?? m.Baseline ?? DateOnly.MaxValue).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page);
        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        foreach (var m in shown)
        {
            var facts = new List<Fact> { new("Responsible", CardKit.Safe(m.Responsible, 100)) };
            if (m.Baseline is { } b) facts.Add(new("Baseline", UkFormat.ShortDate(b)));
            if (m.Forecast is { } f) facts.Add(new("Forecast", UkFormat.ShortDate(f) + (m.SlipDays is { } slip ? $" ({UkFormat.Slip(slip)})" : "")));
            facts.Add(new("Status now", RagInWords(m.Current)));
            if (m.ForecastRag is not null) facts.Add(new("Status forecast", RagInWords(m.ForecastRag)));
            if (m.Previous is not null) facts.Add(new("Status before", RagInWords(m.Previous)));
            var items = new List<CardElement>
            {
                new TextBlock($"**{CardKit.Safe(m.Id, 40)}** {CardKit.Safe(m.Title, 200)}"),
                new FactSet(facts) { Spacing = Spacing.Small },
            };
            if (!string.IsNullOrWhiteSpace(m.Commentary)) items.Add(new TextBlock(CardKit.Safe(m.Commentary, 300)) { IsSubtle = true, Size = TextSize.Small });
            body.Add(new Container(items) { Separator = true });
        }
        if (ordered.Count == 0) body.Add(new TextBlock("No milestones found."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    /// <summary>"Amber – at risk": the RAG colour name with its meaning, so it never relies on colour.</summary>
    public static string RagInWords(Rag? rag) => rag switch
    {
        Rag.Complete => "Complete",
        Rag.OnTrack => "Green – on track",
        Rag.AtRisk => "Amber – at risk",
        Rag.OffTrack => "Red – off track",
        _ => "Not reported",
    };
}
