using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Features.Meetings;
using GovBot.Recognition;

namespace GovBot.Features.Events;

/// <summary>Cards for programme events and for "what's on" a day. Every event cites the papers it came from.</summary>
internal static class EventCards
{
    /// <summary>Events soonest first, paged.</summary>
    public static JsonObject List(IReadOnlyList<ProgrammeEvent> events, DateOnly asOf, string title, string query, int page = 0)
    {
        var ordered = events.OrderBy(e => e.Date).ThenBy(e => e.Start).ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page);
        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        body.AddRange(shown.Select(e => (CardElement)new Container(EventItems(e, asOf)) { Separator = true }));
        if (ordered.Count == 0) body.Add(new TextBlock("No events announced in that period. Events come from the papers' \"Upcoming Events\" sections."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    /// <summary>One event: when, where, what it is about, and where GovBot read it.</summary>
    public static JsonObject Event(ProgrammeEvent e, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(e);
        var body = new List<CardElement> { CardKit.Title(e.Title), CardKit.Subtitle(Capitalised(ProgrammeEvent.KindWords(e.Kind))), CardKit.AsOf(asOf) };
        body.Add(new FactSet(Facts(e, asOf)));
        return CardKit.Build(new AdaptiveCard(body));
    }

    public static JsonObject NoneComing(EventKind? kind, DateOnly asOf) =>
        CommonCards.Error($"I know of no {(kind is { } k ? ProgrammeEvent.KindWords(k) : "event")} from {UkFormat.Date(asOf)} on. Events come from the papers' \"Upcoming Events\" sections.", "events");

    /// <summary>"Events next week", "Webinars, Mon 4 Mar to Sun 31 Mar".</summary>
    public static string ListTitle(EventKind? kind, DateRange window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var what = kind is { } k ? Capitalised(ProgrammeEvent.KindWords(k)) + "s" : "Events";
        return window.From == window.To ? $"{what} on {UkFormat.ShortDate(window.From)}" : $"{what}, {UkFormat.ShortDate(window.From)} to {UkFormat.ShortDate(window.To)}";
    }

    /// <summary>"What's on 12 March": the day's meetings, then its events, each with its source.</summary>
    public static JsonObject Day(DayAgenda day, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(day);
        var body = new List<CardElement> { CardKit.Title($"On {UkFormat.Date(day.Day)}"), CardKit.AsOf(asOf) };
        if (day.Meetings.Count == 0 && day.Events.Count == 0)
        {
            body.Add(new TextBlock("Nothing is on that day: no meetings recorded or expected, and no events announced."));
            return CardKit.Build(new AdaptiveCard(body));
        }
        if (day.Meetings.Count > 0)
        {
            body.Add(CardKit.SectionHeading($"Meetings ({day.Meetings.Count})"));
            foreach (var u in day.Meetings)
            {
                var m = u.Meeting;
                var items = new List<CardElement>
                {
                    new TextBlock($"**{CardKit.Safe(m.Title, 120)}**{(u.GroupName is null ? "" : $" – {CardKit.Safe(u.GroupName, 100)}")}{(m.IsExtraordinary && m.IsNumbered ? " (extraordinary)" : "")}") { Wrap = true },
                    new TextBlock((UkFormat.TimeRange(m.Start, m.End) is { } t ? $"{t} UK time" : "Time not given")
                        + (u.IsExpected ? " _(expected, computed from cadence)_" : "")) { Spacing = Spacing.None },
                };
                if (!string.IsNullOrWhiteSpace(m.Source)) items.Add(Cite(m.Source));
                body.Add(new Container(items)
                {
                    Separator = true,
                    SelectAction = u.IsExpected ? null
                        : new ActionExecute($"Open {CardKit.Safe(m.Title, 60)}", MeetingCards.ShowVerb, new JsonObject { ["group"] = m.GroupCode, ["number"] = m.Number }),
                });
            }
        }
        if (day.Events.Count > 0)
        {
            body.Add(CardKit.SectionHeading($"Events ({day.Events.Count})"));
            body.AddRange(day.Events.Select(e => (CardElement)new Container(EventItems(e, asOf)) { Separator = true }));
        }
        return CardKit.Build(new AdaptiveCard(body));
    }

    private static List<CardElement> EventItems(ProgrammeEvent e, DateOnly asOf) =>
    [
        new TextBlock($"**{CardKit.Safe(e.Title, 150)}** ({ProgrammeEvent.KindWords(e.Kind)})") { Wrap = true },
        new FactSet(Facts(e, asOf)) { Spacing = Spacing.Small },
    ];

    private static List<Fact> Facts(ProgrammeEvent e, DateOnly asOf)
    {
        var facts = new List<Fact> { new("Date", UkFormat.Date(e.Date) + When(e.Date, asOf)) };
        if (UkFormat.TimeRange(e.Start, e.End) is { } time) facts.Add(new("Time", $"{time} UK time"));
        var where = (e.Place, e.Online) switch
        {
            ({ } place, true) => $"{CardKit.Safe(place, 150)}, and online",
            ({ } place, false) => CardKit.Safe(place, 150),
            (null, true) => "Online",
            _ => null,
        };
        if (where is not null) facts.Add(new("Where", where));
        if (!string.IsNullOrWhiteSpace(e.About)) facts.Add(new("About", CardKit.Safe(e.About, 200)));
        facts.Add(new("Source", CardKit.Safe(e.Source, 80)));
        return facts;
    }

    private static string When(DateOnly date, DateOnly asOf) => (date.DayNumber - asOf.DayNumber) switch
    {
        0 => " (today)",
        1 => " (tomorrow)",
        < 0 => " (held)",
        var d => $" (in {d} days)",
    };

    private static TextBlock Cite(string source) =>
        new($"Source: {CardKit.Safe(source, 80)}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
