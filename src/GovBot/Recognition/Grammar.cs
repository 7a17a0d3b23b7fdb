using System.Text.RegularExpressions;

namespace GovBot.Recognition;

/// <summary>
/// Where rules run in the recogniser, lowest first; rules of one stage run in the order features register them.
/// Phrase rules (from <see cref="Phrase"/> on) read <see cref="Question.Rest"/> and the topic words, and each feature
/// picks its slot with a comment saying which rules it must come before or after.
/// </summary>
public static class RuleOrder
{
    /// <summary>Nothing was typed.</summary>
    public const int Empty = 0;

    /// <summary>Commands with a fixed shape ("subscribe DAG", "reminders off", "post notice").</summary>
    public const int Command = 100;

    /// <summary>"hi", "hello govbot".</summary>
    public const int Greeting = 200;

    /// <summary>Things named by their id ("DAG33-04", "CR043"): unambiguous.</summary>
    public const int ById = 300;

    /// <summary>Asking for help.</summary>
    public const int Help = 400;

    /// <summary>Questions decided by the words left once the window, person and group are taken out.</summary>
    public const int Phrase = 500;
}

/// <summary>A rule of a feature's grammar: the intent it recognises in the question, or null to let the next rule try.</summary>
public delegate Intent? QuestionRule(Question question);

/// <summary>A group of example questions on the help card.</summary>
public sealed record HelpSection(string Heading, IReadOnlyList<string> Examples);

/// <summary>
/// The grammar the recogniser is composed of: every feature adds its rules, its topic words, its example questions
/// (for "did you mean") and its help section. Built once at start-up by the feature modules.
/// </summary>
public sealed class Grammar
{
    private readonly List<(int Order, int Sequence, string Name, QuestionRule Rule)> _rules = [];
    private readonly Dictionary<string, Regex> _topics = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private readonly List<HelpSection> _help = [];
    private readonly List<string> _fallbackSuggestions = [];

    /// <summary>Adds a rule at <paramref name="order"/> (see <see cref="RuleOrder"/>); <paramref name="name"/> names it in diagnostics.</summary>
    public Grammar Rule(int order, string name, QuestionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _rules.Add((order, _rules.Count, name, rule));
        return this;
    }

    /// <summary>
    /// Declares a topic: the words that say a question is about this feature's things ("meetings", "agenda").
    /// Other features' rules ask <see cref="Question.Mentions"/> so they do not answer a question meant for it.
    /// </summary>
    public Grammar Topic(string name, Regex words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (!_topics.TryAdd(name, words)) throw new InvalidOperationException($"The question topic '{name}' is declared twice.");
        return this;
    }

    /// <summary>Example questions, offered as "did you mean" suggestions and checked by the tests to be understood.</summary>
    public Grammar Examples(params string[] examples)
    {
        _examples.AddRange(examples);
        return this;
    }

    /// <summary>A section of the help card; sections with the same heading are merged.</summary>
    public Grammar Help(string heading, params string[] examples)
    {
        var index = _help.FindIndex(h => h.Heading == heading);
        if (index < 0) _help.Add(new HelpSection(heading, examples));
        else _help[index] = _help[index] with { Examples = [.. _help[index].Examples, .. examples] };
        return this;
    }

    /// <summary>What to suggest when no example shares a word with the question.</summary>
    public Grammar FallbackSuggestions(params string[] questions)
    {
        _fallbackSuggestions.AddRange(questions);
        return this;
    }

    internal IReadOnlyList<(string Name, QuestionRule Rule)> OrderedRules =>
        _rules.OrderBy(r => r.Order).ThenBy(r => r.Sequence).Select(r => (r.Name, r.Rule)).ToList();

    internal IReadOnlyDictionary<string, Regex> Topics => _topics;

    public IReadOnlyList<string> ExampleQuestions => _examples;

    public IReadOnlyList<HelpSection> HelpSections => _help;

    internal IReadOnlyList<string> Fallback => _fallbackSuggestions;
}
