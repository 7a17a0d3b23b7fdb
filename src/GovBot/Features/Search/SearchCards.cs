using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Recognition;

namespace GovBot.Features.Search;

/// <summary>Search answers: one card of the best results, each in its own shape and citing its source.</summary>
public static class SearchCards
{
    /// <summary>The results of a search; suggestions and help stay at the foot, as on the "not understood" card.</summary>
    /// <param name="originals">Signed links to the originals of passage results, by <see cref="SearchDocument.Id"/>.</param>
    public static JsonObject Results(string question, SearchResults results, DateOnly asOf, IReadOnlyList<string> suggestions, IReadOnlyDictionary<string, Uri>? originals = null)
    {
        var body = new List<CardElement>
        {
            CardKit.Title("Here's what I found"),
            new TextBlock($"You asked: _{Echo(question)}_") { IsSubtle = true, Spacing = Spacing.None },
            CardKit.AsOf(asOf),
        };
        foreach (var hit in results.Hits) body.Add(new Container(Result(hit, asOf, original: originals?.GetValueOrDefault(hit.Document.Id))) { Separator = true, Spacing = Spacing.Medium });
        if (results.Total > results.Hits.Count)
        {
            body.Add(new TextBlock($"{results.Total - results.Hits.Count} more matched less well. Add a word or two to narrow it down.") { IsSubtle = true, Size = TextSize.Small });
        }
        return CardKit.Build(new AdaptiveCard(body, FooterButtons(suggestions)));
    }

    /// <summary>Below the threshold: say so plainly, and offer the closest questions and help.</summary>
    public static JsonObject NothingFound(string question, IReadOnlyList<string> suggestions)
    {
        var body = new List<CardElement> { CardKit.Title("Sorry, I found nothing on that") };
        if (!string.IsNullOrWhiteSpace(question)) body.Add(new TextBlock($"You asked: _{Echo(question)}_") { IsSubtle = true });
        body.Add(new TextBlock("I searched actions, meetings, events, change requests, decisions, deadlines, milestones, groups, people, group updates and the papers. " +
            (suggestions.Count > 0 ? "Did you mean one of these?" : "Try one of these:")));
        return CardKit.Build(new AdaptiveCard(body, FooterButtons(suggestions)));
    }

    /// <summary>"What's happening next week": everything dated in the window, day by day, in each thing's own shape.</summary>
    public static JsonObject WhatsHappening(WindowMatch window, IReadOnlyList<SearchHit> hits, int total, DateOnly asOf)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"What's on {window.Words}"),
            new TextBlock(window.Range.From == window.Range.To ? UkFormat.Date(window.Range.From) : $"{UkFormat.Date(window.Range.From)} – {UkFormat.Date(window.Range.To)}") { IsSubtle = true, Spacing = Spacing.None },
            CardKit.AsOf(asOf),
        };
        if (hits.Count == 0) body.Add(new TextBlock("No meetings, events, deadlines or actions due in that time."));
        foreach (var day in hits.GroupBy(h => h.Document.Date))
        {
            body.Add(CardKit.SectionHeading(day.Key is { } d ? UkFormat.Date(d) : "Undated"));
            foreach (var hit in day) body.Add(new Container(Result(hit, asOf, showSnippet: false)) { Spacing = Spacing.Small });
        }
        if (total > hits.Count) body.Add(new TextBlock($"Showing {hits.Count} of {total}; ask about one kind (\"meetings next week\", \"deadlines next week\") for the full list.") { IsSubtle = true, Size = TextSize.Small });
        return CardKit.Build(new AdaptiveCard(body, [ActionSubmit.ImBack("Upcoming meetings", "upcoming meetings"), ActionSubmit.ImBack("Deadlines", "deadlines"), ActionSubmit.ImBack("Help", "help")]));
    }

    /// <summary>One result in its own shape: what it is, its key facts, the matching sentence, its source and its button.</summary>
    public static IReadOnlyList<CardElement> Result(SearchHit hit, DateOnly asOf, bool showSnippet = true, Uri? original = null)
    {
        var d = hit.Document;
        var items = new List<CardElement>
        {
            new TextBlock($"{KindWords(d.Kind)} · **{CardKit.Safe(d.Title, 160)}**"),
        };
        if (Shape(d, asOf) is { } facts) items.Add(new TextBlock(CardKit.Safe(facts, 300)) { Spacing = Spacing.None });
        if (showSnippet && ShowsSnippet(d.Kind) && !string.IsNullOrWhiteSpace(hit.Snippet))
        {
            items.Add(new TextBlock(CardKit.Safe(hit.Snippet, 320)) { Size = TextSize.Small, Spacing = Spacing.Small });
        }
        items.Add(new TextBlock($"Source: {CardKit.Safe(d.Citation, 160)}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        var buttons = new List<CardButton>();
        if (d.Open is { } open) buttons.Add(new ActionExecute(open.Title, open.Verb, (JsonObject)open.Data.DeepClone()));
        if (original is not null) buttons.Add(new ActionOpenUrl("Open the paper", original.AbsoluteUri));
        if (buttons.Count > 0) items.Add(new ActionSet(buttons) { Spacing = Spacing.Small });
        return items;
    }

    /// <summary>The facts that make a result useful at a glance, by kind.</summary>
    public static string? Shape(SearchDocument d, DateOnly asOf) => d.Kind switch
    {
        SearchKind.Deadline when d.Date is { } due => $"Deadline {UkFormat.ShortDate(due)} ({UkFormat.DaysLeft(due, asOf)})",
        SearchKind.Meeting or SearchKind.Event when d.Date is { } on => $"{(on < asOf ? "Was on" : "On")} {UkFormat.Date(on)}",
        SearchKind.ChangeRequest => $"Stage: {d.Status}" + (d.Date is { } next && next >= asOf ? $" · next date {UkFormat.ShortDate(next)}" : ""),
        SearchKind.Action => $"Owner: {d.Owner} · " + (d.Date is { } due ? $"due {UkFormat.ShortDate(due)} ({UkFormat.DaysLeft(due, asOf)})" : "no due date") + $" · {d.Status}",
        SearchKind.Milestone => $"Forecast {(d.Date is { } f ? UkFormat.ShortDate(f) : "not set")} · {d.Status}",
        SearchKind.Decision => $"Outcome: {d.Status}",
        SearchKind.Person when d.Status is not null => d.Status,
        SearchKind.Passage => d.Heading is null ? null : $"Section: {d.Heading}",
        _ => d.Date is { } day ? UkFormat.ShortDate(day) : null,
    };

    private static bool ShowsSnippet(SearchKind kind) => kind is SearchKind.Passage or SearchKind.Group or SearchKind.Person or SearchKind.Information or SearchKind.Update or SearchKind.Decision or SearchKind.Meeting;

    public static string KindWords(SearchKind kind) => kind switch
    {
        SearchKind.ChangeRequest => "Change request",
        SearchKind.Passage => "Paper",
        SearchKind.Information => "Information",
        SearchKind.Update => "Group update",
        _ => kind.ToString(),
    };

    private static List<CardButton> FooterButtons(IReadOnlyList<string> suggestions)
    {
        var questions = suggestions.Where(s => s != "help").Take(3).ToList();
        if (questions.Count == 0) questions = ["my open actions", "upcoming meetings"];
        var buttons = questions.Select(q => (CardButton)ActionSubmit.ImBack(char.ToUpperInvariant(q[0]) + q[1..], q)).ToList();
        buttons.Add(ActionSubmit.ImBack("Help", "help"));
        return buttons;
    }

    private static string Echo(string text) => CardKit.Safe(text.Replace('_', ' ').Replace('*', ' '), 200);
}
