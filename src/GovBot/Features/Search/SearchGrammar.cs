using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Search;

/// <summary>Search the index for <see cref="Text"/>; <see cref="Window"/> keeps only what is dated in it.</summary>
internal sealed record SearchFor(string Text, WindowMatch? Window, string Explanation) : Intent(Explanation);

/// <summary>"What's happening next week": everything dated in the window (meetings, events, deadlines, actions due).</summary>
public sealed record WhatsHappening(WindowMatch Window, string? GroupCode, string Explanation) : Intent(Explanation);

/// <summary>
/// Questions answered from the search index. Structured answers stay first: only "search …" comes before them;
/// the rest come after every feature's own phrase rules, and what nobody understood (Unknown) is searched too.
/// </summary>
internal static partial class SearchGrammar
{
    public static void Register(Grammar grammar) => grammar
        // Asked for by name: before every other rule, so "search CR043" searches rather than opening CR043.
        .Rule(RuleOrder.Command, "search", q => SearchPrefixRegex().Match(q.Normalised) is { Success: true } m && m.Groups["rest"].Value.Length > 0
            ? new SearchFor(m.Groups["rest"].Value, null, $"search for '{m.Groups["rest"].Value}'")
            : null)
        // After the features' own window questions ("meetings next week", "deadlines in April"), which mention their
        // topic, and after the Events slice's day view ("what's on 12 March"), which answers a single day in full.
        .Rule(RuleOrder.Phrase + 85, "what's happening", q =>
            q.Window is { } w && !q.MentionsAnyTopicBut() && HappeningRegex().IsMatch(q.Rest)
                ? new WhatsHappening(w, q.Group?.Code, QuestionText.Join("what's happening", [w.Describe(), .. q.Group is { } g ? [g.Describe()] : Array.Empty<string>()]))
                : null)
        // "find …" is also a filler of structured questions ("find my actions"), which have had their turn by now.
        // A question that names a group but asks something no feature understood ("DAG terms of reference quorum")
        // is understood only weakly by the group rule after this one: search it instead.
        .Rule(RuleOrder.Phrase + 89, "find / weak", q =>
            FindPrefixRegex().Match(q.Normalised) is { Success: true } m && m.Groups["rest"].Value.Length > 0
                ? new SearchFor(m.Groups["rest"].Value, q.Window, $"find '{m.Groups["rest"].Value}'")
                : q.Group is not null && !q.MentionsAnyTopicBut() && ContentWords(q.Rest) >= 2
                    ? new SearchFor(q.Normalised, q.Window, $"search: '{q.Rest}' with {q.Group.Describe()} (no question of the group's understood)")
                    : null)
        .Examples("search pre-qualification", "what's happening next week")
        .Help("Search", "search code of connection", "find impact assessment", "what's happening next week");

    private static readonly HashSet<string> NotContent =
        ["what", "is", "are", "the", "a", "an", "of", "for", "to", "in", "on", "and", "who", "when", "where", "how", "does", "do", "about", "me", "my", "i", "s"];

    private static int ContentWords(string rest) => rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => !NotContent.Contains(w));

    [GeneratedRegex(@"^(?:please\s+)?search(?:\s+for)?\s+(?<rest>.+)$")] private static partial Regex SearchPrefixRegex();
    [GeneratedRegex(@"^(?:please\s+)?find(?:\s+me)?\s+(?<rest>.+)$")] private static partial Regex FindPrefixRegex();
    [GeneratedRegex(@"\b(?:happening|happens|going on|on|coming up|scheduled|planned|in the diary|diary|calendar|due|what is|anything)\b")]
    private static partial Regex HappeningRegex();
}
