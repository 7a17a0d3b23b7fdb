using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Events;

/// <summary>Events of a kind (any when null) in a window (the next three months when null).</summary>
internal sealed record ListEvents(DateRange? Window, EventKind? Kind, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>The next event of a kind: "next webinar", "when is the open day".</summary>
internal sealed record NextEvent(EventKind? Kind, string Explanation) : Intent(Explanation);

/// <summary>Meetings and events on one day: "what's on 12 March", "anything on Thursday".</summary>
internal sealed record WhatsOn(DateOnly Day, string Explanation) : Intent(Explanation);

/// <summary>Questions about programme events and about what is on a given day.</summary>
internal static partial class EventGrammar
{
    /// <summary>The topic of questions about events.</summary>
    public const string Topic = "events";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, EventWordRegex())
        // First of the phrase rules: "when is the open day" has the action status word "open", and "next webinar"
        // the meeting word "next"; an event word decides.
        .Rule(RuleOrder.Phrase + 5, "events", EventsRule)
        // Before the meeting and action lists: a day with nothing but "what's on", "anything", "happening" asks for
        // everything on it. "meetings on 12 March" names a topic and stays with meetings.
        .Rule(RuleOrder.Phrase + 6, "what's on a day", WhatsOnRule)
        .Examples("when is the open day", "events next week", "next webinar", "what's on 12 March")
        .Help("Events and days", "when is the open day", "events next week", "next webinar", "what's on 12 March", "anything on Thursday");

    private static Intent? EventsRule(Question q)
    {
        if (!q.Mentions(Topic) || q.Group is not null || q.Person is not null) return null;
        var kind = Kind(q.Rest);
        var kindWords = kind is { } k ? ProgrammeEvent.KindWords(k) + "s" : "events";
        if (q.Window is { } w) return new ListEvents(w.Range, kind, $"{kindWords}: {w.Describe()}");
        var plural = PluralRegex().IsMatch(q.Rest);
        if (!plural && NextOrWhenRegex().IsMatch(q.Rest)) return new NextEvent(kind, $"next {(kind is { } n ? ProgrammeEvent.KindWords(n) : "event")}");
        return new ListEvents(null, kind, $"{kindWords}: coming up");
    }

    private static WhatsOn? WhatsOnRule(Question q)
    {
        if (q.Window is not { } w || w.Range.From != w.Range.To || q.Group is not null || q.Person is not null) return null;
        if (!CueRegex().IsMatch(q.Normalised)) return null;
        if (DayWordsRegex().Replace(q.Rest, " ").Trim().Length > 0) return null;
        return new WhatsOn(w.Range.From, $"meetings and events {w.Describe()}");
    }

    internal static EventKind? Kind(string rest) =>
        WebinarRegex().IsMatch(rest) ? EventKind.Webinar
        : OpenDayRegex().IsMatch(rest) ? EventKind.OpenDay
        : ConferenceRegex().IsMatch(rest) ? EventKind.Conference
        : null;

    [GeneratedRegex(@"\b(?:events?|webinars?|open ?days?|livestreams?|conferences?|roadshows?)\b")] private static partial Regex EventWordRegex();
    [GeneratedRegex(@"\bwebinars?\b")] private static partial Regex WebinarRegex();
    [GeneratedRegex(@"\bopen ?days?\b")] private static partial Regex OpenDayRegex();
    [GeneratedRegex(@"\b(?:conferences?|roadshows?)\b")] private static partial Regex ConferenceRegex();
    [GeneratedRegex(@"\b(?:events|webinars|open ?days|conferences|roadshows|are)\b")] private static partial Regex PluralRegex();
    [GeneratedRegex(@"\b(?:next|when|upcoming|coming up|date of|what date|what day)\b")] private static partial Regex NextOrWhenRegex();

    /// <summary>What marks a question about a day rather than a bare date: "what's on", "anything on", "happening".</summary>
    [GeneratedRegex(@"\b(?:on|happening|anything|scheduled|planned|diary|calendar|going on|in the diary)\b")] private static partial Regex CueRegex();

    /// <summary>Words a "what's on" question may have besides the day.</summary>
    [GeneratedRegex(@"\b(?:what|whats|is|are|was|were|there|anything|something|any|happening|going|on|scheduled|planned|in|diary|calendar|for|me|do|we|have|got|meetings and events|events and meetings|everything|programme|mhhs)\b")]
    private static partial Regex DayWordsRegex();
}
