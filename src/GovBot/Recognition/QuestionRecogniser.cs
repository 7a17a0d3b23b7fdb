using System.Collections.Frozen;

namespace GovBot.Recognition;

/// <summary>
/// Turns a member's plain-English question into an <see cref="Intent"/>. Deterministic rules, no AI: each feature
/// contributes the rules for its own questions (<see cref="Grammar"/>); they run in order on the normalised text,
/// and the first that recognises the question wins. Every intent says what matched.
/// </summary>
public sealed class QuestionRecogniser
{
    private readonly IReadOnlyList<(string Name, QuestionRule Rule)> _rules;
    private readonly FrozenDictionary<string, System.Text.RegularExpressions.Regex> _topics;
    private readonly IReadOnlyList<string> _fallback;
    private readonly IReadOnlyList<(string Example, HashSet<string> Words)> _examples;

    public QuestionRecogniser(Grammar grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        _rules = grammar.OrderedRules;
        _topics = grammar.Topics.ToFrozenDictionary(StringComparer.Ordinal);
        _fallback = grammar.Fallback;
        Examples = grammar.ExampleQuestions;
        HelpSections = grammar.HelpSections;
        _examples = Examples.Select(e => (e, ContentWords(QuestionText.Normalise(e)))).ToList();
    }

    /// <summary>Questions GovBot understands; "did you mean" suggestions draw on them.</summary>
    public IReadOnlyList<string> Examples { get; }

    /// <summary>The help card's sections, in the order the features registered them.</summary>
    public IReadOnlyList<HelpSection> HelpSections { get; }

    /// <summary>Longer input is cut to this many characters before it is read.</summary>
    public const int MaxLength = QuestionText.MaxLength;

    /// <summary>The part of a message GovBot reads: at most <see cref="MaxLength"/> characters, never half an emoji.</summary>
    public static string Cut(string text) => QuestionText.Cut(text);

    public Intent Recognise(string? text, RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var original = text ?? "";
        var question = new Question(original, context, _topics);
        foreach (var (_, rule) in _rules)
        {
            if (rule(question) is { } intent) return intent;
        }
        var suggestions = Suggest(question.Text);
        var shown = original.Length > 100 ? original[..100] + "…" : original;
        return new Unknown(shown.Trim(), suggestions, $"no question recognised; closest examples: {string.Join("; ", suggestions)}");
    }

    /// <summary>The closest example questions to the text, by shared words.</summary>
    public IReadOnlyList<string> Suggest(string text, int count = 3)
    {
        var words = ContentWords(QuestionText.StripFillers(QuestionText.Normalise(text)));
        var scored = _examples
            .Select((e, i) => (e.Example, Index: i, Score: e.Words.Count(words.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Select(x => x.Example)
            .Take(count)
            .ToList();
        return scored.Count > 0 ? scored : _fallback;
    }

    private static readonly HashSet<string> StopWords =
        ["the", "a", "an", "of", "for", "to", "in", "on", "is", "are", "what", "me", "show", "please", "and", "my", "i", "any", "all", "do", "about"];

    private static HashSet<string> ContentWords(string normalised) =>
        normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w) && w != "-")
            .Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w)
            .ToHashSet();
}
