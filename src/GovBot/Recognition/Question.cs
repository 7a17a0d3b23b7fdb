using System.Text.RegularExpressions;
using GovBot.Cards;

namespace GovBot.Recognition;

/// <summary>
/// A question as the rules see it. The text forms are ready at once; the things it names (a time window, a person,
/// a group with an optional meeting number) are taken out of it on first use, so rules that only look at the whole
/// text (commands, ids) cost nothing more. <see cref="Rest"/> is what is left, and the topic words of every feature
/// are looked for in it.
/// </summary>
public sealed class Question
{
    private readonly IReadOnlyDictionary<string, Regex> _topics;
    private Parsed? _parsed;

    internal Question(string original, RecognitionContext context, IReadOnlyDictionary<string, Regex> topics)
    {
        Original = original;
        Context = context;
        _topics = topics;
        Normalised = QuestionText.Normalise(original);
        Text = QuestionText.StripFillers(Normalised);
    }

    /// <summary>The message as typed (already cut to <see cref="QuestionText.MaxLength"/>).</summary>
    public string Original { get; }

    /// <summary>Lower case, quotes and dashes unified, punctuation removed.</summary>
    public string Normalised { get; }

    /// <summary><see cref="Normalised"/> without fillers ("please", "show me", "the"): what the rules read.</summary>
    public string Text { get; }

    public RecognitionContext Context { get; }

    public DateOnly Today => Context.Today;

    /// <summary>"this week", "in April" …, taken out of the text.</summary>
    public WindowMatch? Window => Parse().Window;

    /// <summary>A person of the directory named in the text.</summary>
    public PersonMatch? Person => Parse().Person;

    /// <summary>A group named by code, name or alias, with the meeting number that may follow it ("DAG 34").</summary>
    public GroupMatch? Group => Parse().Group;

    /// <summary>The text without the window, person and group: the words that decide the intent.</summary>
    public string Rest => Parse().Rest;

    /// <summary>Whether <see cref="Rest"/> has a word of the feature topic <paramref name="topic"/> ("meetings", "actions").</summary>
    public bool Mentions(string topic) =>
        _topics.TryGetValue(topic, out var words)
            ? words.IsMatch(Rest)
            : throw new InvalidOperationException($"No feature declares the question topic '{topic}'.");

    /// <summary>Whether <see cref="Rest"/> has a word of any topic other than those given.</summary>
    public bool MentionsAnyTopicBut(params string[] topics) =>
        _topics.Any(t => !topics.Contains(t.Key, StringComparer.Ordinal) && t.Value.IsMatch(Rest));

    private Parsed Parse()
    {
        if (_parsed is { } parsed) return parsed;
        var rest = Text;
        var window = QuestionText.TakeWindow(ref rest, Context.Today);
        var person = QuestionText.TakePerson(ref rest, Context);
        var group = QuestionText.TakeGroup(ref rest, Context);
        return _parsed = new Parsed(window, person, group, rest);
    }

    private sealed record Parsed(WindowMatch? Window, PersonMatch? Person, GroupMatch? Group, string Rest);
}

/// <summary>A group named in a question, by <see cref="Phrase"/>; <see cref="MeetingNumber"/> when a number followed it.</summary>
public sealed record GroupMatch(string Code, string Phrase, string? MeetingNumber)
{
    public string Describe() =>
        Phrase.Equals(Code, StringComparison.OrdinalIgnoreCase) ? $"group {Code}" : $"group {Code} (from '{Phrase}')";
}

/// <summary>A person named in a question.</summary>
public sealed record PersonMatch(string Id, string Name, string Phrase)
{
    public string Describe() => $"person {Name} (from '{Phrase}')";
}

/// <summary>A time window named in a question, with the words that named it.</summary>
public sealed record WindowMatch(DateRange Range, string Words)
{
    public string Describe() =>
        Range.From == Range.To
            ? $"{Words} ({UkFormat.ShortDate(Range.From)})"
            : $"{Words} ({UkFormat.ShortDate(Range.From)} – {UkFormat.ShortDate(Range.To)})";
}
