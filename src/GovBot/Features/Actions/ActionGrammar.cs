using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Actions;

/// <summary>Which actions to list. An empty <see cref="Statuses"/> means every status that is not closed.</summary>
/// <param name="Mine">"my actions": the caller's own, including collective and role ownership.</param>
/// <param name="Overdue">Only actions past their due date and not closed.</param>
internal sealed record ActionFilter(
    bool Mine,
    string? GroupCode,
    string? PersonId,
    string? PersonName,
    IReadOnlySet<ActionStatus> Statuses,
    bool Overdue,
    DateRange? DueWindow)
{
    public static readonly IReadOnlySet<ActionStatus> NotClosed =
        new HashSet<ActionStatus> { ActionStatus.Open, ActionStatus.Ongoing, ActionStatus.RecommendClosed };

    /// <summary>The statuses to include: those asked for, or every not-closed status when none was named.</summary>
    public IReadOnlySet<ActionStatus> EffectiveStatuses => Statuses.Count == 0 ? NotClosed : Statuses;
}

internal sealed record ListActions(ActionFilter Filter, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>One action by its ref, canonical form "DAG33-04".</summary>
internal sealed record ShowAction(string Ref, string Explanation) : Intent(Explanation);

/// <summary>Questions about the action log: "DAG33-04", "my open actions", "Kate Goodman's overdue actions".</summary>
internal static partial class ActionGrammar
{
    /// <summary>The topic of questions about actions.</summary>
    public const string Topic = "actions";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, ActionWordRegex())
        .Rule(RuleOrder.ById, "action ref", ShowActionByRef)
        // After a numbered meeting and change requests (which may also say "open"), before the meeting questions.
        .Rule(RuleOrder.Phrase + 30, "actions", ListActionsRule)
        .Examples("my open actions", "my overdue actions", "open DAG actions", "actions due this week", "DAG33-04")
        .Help("Actions", "my open actions", "my overdue actions", "open DAG actions", "actions due this week", "Kate Goodman's actions", "DAG33-04");

    private static ShowAction? ShowActionByRef(Question q)
    {
        var match = ActionRefRegex().Match(q.Text);
        if (!match.Success || !IsActionRefCode(match.Groups["code"].Value, q.Context)) return null;
        var canonical = $"{match.Groups["code"].Value.ToUpperInvariant()}{match.Groups["meeting"].Value}-{int.Parse(match.Groups["item"].Value, CultureInfo.InvariantCulture):00}";
        return new ShowAction(canonical, $"action {canonical} (from '{match.Value}')");
    }

    private static ListActions? ListActionsRule(Question q)
    {
        var rest = q.Rest;
        var mine = MineRegex().IsMatch(rest);
        var overdue = OverdueRegex().IsMatch(rest);
        var parts = new List<string>();
        var statuses = TakeStatuses(ref rest, parts);
        if (!(q.Mentions(Topic) || ((mine || overdue || q.Person is not null || statuses.Count > 0) && !q.MentionsAnyTopicBut(Topic))))
        {
            return null;
        }
        var why = new List<string>();
        if (mine) why.Add("yours (from 'my')");
        if (q.Group is { } group) why.Add(group.Describe());
        if (q.Person is { } person) why.Add(person.Describe());
        why.AddRange(parts);
        if (overdue) why.Add("overdue");
        if (q.Window is { } window) why.Add($"due {window.Describe()}");
        var filter = new ActionFilter(mine, q.Group?.Code, q.Person?.Id, q.Person?.Name, statuses, overdue, q.Window?.Range);
        return new ListActions(filter, QuestionText.Join("actions", why));
    }

    private static readonly HashSet<string> NotGroupCodes =
        ["cr", "ir", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "week", "day", "days", "page", "item", "monday", "friday", "sunday", "tues", "weds", "thurs"];

    /// <summary>An action ref starts with a group code: a known one, or letters that are not a date or other word.</summary>
    private static bool IsActionRefCode(string code, RecognitionContext ctx) =>
        ctx.Groups.Any(g => g.Code.Equals(code, StringComparison.OrdinalIgnoreCase) || g.Aliases.Any(a => a.Equals(code, StringComparison.OrdinalIgnoreCase)))
        || !NotGroupCodes.Contains(code);

    private static HashSet<ActionStatus> TakeStatuses(ref string rest, List<string> parts)
    {
        var set = new HashSet<ActionStatus>();
        if (RecommendRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.RecommendClosed);
            parts.Add("status recommended for closure");
            rest = RecommendRegex().Replace(rest, " ");
        }
        if (ClosedRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.Closed);
            parts.Add("status closed");
        }
        if (OngoingRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.Ongoing);
            parts.Add("status ongoing");
        }
        if (OpenRegex().IsMatch(rest))
        {
            set.Add(ActionStatus.Open);
            set.Add(ActionStatus.Ongoing);
            set.Add(ActionStatus.RecommendClosed);
            parts.Add("status open (not closed)");
        }
        return set;
    }

    [GeneratedRegex(@"(?<![a-z0-9])(?<code>[a-z]{2,6})\s*(?<meeting>\d{1,3}(?:\.\d{1,2})?)\s*-\s*(?<item>\d{1,2})(?!\d)")]
    private static partial Regex ActionRefRegex();
    [GeneratedRegex(@"\b(?:actions?|tasks?|to ?dos?|action log|action items?)\b")] private static partial Regex ActionWordRegex();
    [GeneratedRegex(@"\b(?:my|mine|i|assigned to me|for me|i own)\b")] private static partial Regex MineRegex();
    [GeneratedRegex(@"\b(?:overdue|late|past due|past their due date|missed)\b")] private static partial Regex OverdueRegex();
    [GeneratedRegex(@"\brecommend(?:ed|s)?\s*(?:for\s*|to\s*|as\s*)?clos(?:e|ed|ure|ing)\b")] private static partial Regex RecommendRegex();
    [GeneratedRegex(@"\b(?:closed|completed|done|finished)\b")] private static partial Regex ClosedRegex();
    [GeneratedRegex(@"\b(?:ongoing|in progress)\b")] private static partial Regex OngoingRegex();
    [GeneratedRegex(@"\b(?:open|outstanding)\b")] private static partial Regex OpenRegex();
}
