using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Checklist;

/// <summary>Participant checklist deadlines; <see cref="Window"/> null means "from today on".</summary>
public sealed record ListDeadlines(DateRange? Window, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>Questions about the participant checklist: "deadlines", "what's due next week".</summary>
public static partial class ChecklistGrammar
{
    /// <summary>The topic of questions about checklist deadlines.</summary>
    public const string Topic = "deadlines";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, DeadlineWordRegex())
        // After the action and meeting questions ("actions due this week" is about actions).
        .Rule(RuleOrder.Phrase + 60, "deadlines", DeadlinesRule)
        .Examples("deadlines")
        .Help("Deadlines and milestones", "deadlines", "deadlines next 2 weeks");

    private static ListDeadlines? DeadlinesRule(Question q) =>
        q.Mentions(Topic) || (q.Window is not null && DueRegex().IsMatch(q.Rest))
            ? new ListDeadlines(q.Window?.Range, QuestionText.Join("checklist deadlines", q.Window is { } w ? [w.Describe()] : []))
            : null;

    [GeneratedRegex(@"\b(?:deadlines?|checklist|due dates?|cut offs?|cutoffs?)\b")] private static partial Regex DeadlineWordRegex();
    [GeneratedRegex(@"\bdue\b")] private static partial Regex DueRegex();
}
