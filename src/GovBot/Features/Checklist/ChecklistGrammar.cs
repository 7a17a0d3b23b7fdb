using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Checklist;

/// <summary>Participant checklist deadlines; <see cref="Window"/> null means "from today on".</summary>
internal sealed record ListDeadlines(DateRange? Window, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>
/// Checklist items for an audience: constituency codes (<see cref="Constituencies"/>), or the caller's own
/// (<see cref="Mine"/>); <see cref="Window"/> null means the next two months.
/// </summary>
internal sealed record ListChecklistFor(IReadOnlyList<string> Constituencies, bool Mine, DateRange? Window, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>Questions about the participant checklist: "deadlines", "what's due next week", "what do LDSOs need to do".</summary>
internal static partial class ChecklistGrammar
{
    /// <summary>The topic of questions about checklist deadlines.</summary>
    public const string Topic = "deadlines";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, DeadlineWordRegex())
        // Before the action questions (+30), whose topic words include "to do": "what do LDSOs need to do" names a
        // constituency, which actions never do; a question that says actions, meetings or CRs is left to them.
        .Rule(RuleOrder.Phrase + 25, "checklist for an audience", AudienceRule)
        // After the action and meeting questions ("actions due this week" is about actions).
        .Rule(RuleOrder.Phrase + 60, "deadlines", DeadlinesRule)
        .Examples("deadlines", "what do LDSOs need to do this week", "my checklist items")
        .Help("Deadlines and milestones", "deadlines", "deadlines next 2 weeks", "what do LDSOs need to do this week", "what's due for suppliers", "my checklist items");

    private static ListChecklistFor? AudienceRule(Question q)
    {
        if (OtherThingsRegex().IsMatch(q.Rest)) return null; // "DCC actions", "meetings for suppliers"
        var window = q.Window is { } w ? [w.Describe()] : Array.Empty<string>();
        if (MineRegex().IsMatch(q.Rest))
        {
            return new ListChecklistFor([], Mine: true, q.Window?.Range, QuestionText.Join("checklist items for your constituency", window));
        }
        var codes = Constituencies.InQuestion(q.Text);
        if (codes.Count == 0 || !(q.Mentions(Topic) || AudienceWordRegex().IsMatch(q.Rest))) return null;
        return new ListChecklistFor(codes, Mine: false, q.Window?.Range,
            QuestionText.Join($"checklist items for {Constituencies.Brief(codes)}", window));
    }

    private static ListDeadlines? DeadlinesRule(Question q) =>
        q.Mentions(Topic) || (q.Window is not null && DueRegex().IsMatch(q.Rest))
            ? new ListDeadlines(q.Window?.Range, QuestionText.Join("checklist deadlines", q.Window is { } w ? [w.Describe()] : []))
            : null;

    [GeneratedRegex(@"\b(?:deadlines?|checklist|due dates?|cut offs?|cutoffs?)\b")] private static partial Regex DeadlineWordRegex();
    [GeneratedRegex(@"\bdue\b")] private static partial Regex DueRegex();
    [GeneratedRegex(@"\bmy (?:participant )?checklist\b|\bchecklist (?:items? |deadlines? )?(?:for me|for my (?:constituency|organisation|organization|company))\b|\b(?:deadlines?|checklist items?) (?:that )?appl(?:y|ies) to me\b")]
    private static partial Regex MineRegex();
    [GeneratedRegex(@"\b(?:due|need(?:s)? to (?:do|know)|have to do|has to do|must do|to do|items?|for|applies|apply|relevant|concern(?:s|ing)?)\b")]
    private static partial Regex AudienceWordRegex();
    [GeneratedRegex(@"\b(?:actions?|tasks?|action log|meetings?|agendas?|change requests?|crs?|milestones?|decisions?|notices?|reminders?|subscribe|subscriptions?)\b")]
    private static partial Regex OtherThingsRegex();
}
