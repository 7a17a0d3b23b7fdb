using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.GroupUpdates;

/// <summary>What governance groups said: of one group ("updates from DAG"), about one CR, or both ("what did PSG decide on CR015").</summary>
internal sealed record ShowGroupUpdates(string? GroupCode, string? ChangeRequestId, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>Questions about governance group updates as the papers report them.</summary>
internal static partial class GroupUpdateGrammar
{
    /// <summary>The topic of questions about what groups said or decided.</summary>
    public const string Topic = "group updates";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, SaidWordRegex())
        // Before the CR id rule, which would take "what did PSG decide on CR015" as the card of CR015: a group (or
        // "the groups") and a word of saying or deciding make it a question about what was said.
        .Rule(RuleOrder.ById - 10, "what a group said about a CR", AboutChangeRequestRule)
        // Before the meeting and group rules: "updates from DAG", "what did DAG decide" name a group, and the
        // group rule would otherwise answer with the group's card.
        .Rule(RuleOrder.Phrase + 7, "group updates", GroupRule)
        .Examples("updates from DAG", "what did PSG decide on CR042", "what have the groups said about CR043")
        .Help("What the groups said", "updates from DAG", "what did PSG decide on CR042", "what have the groups said about CR043");

    private static ShowGroupUpdates? AboutChangeRequestRule(Question q)
    {
        var cr = CrIdRegex().Match(q.Text);
        if (!cr.Success || !SaidWordRegex().IsMatch(q.Text)) return null;
        var number = int.Parse(cr.Groups["n"].Value, CultureInfo.InvariantCulture);
        if (number <= 0) return null;
        var id = $"CR{number:000}";
        if (q.Group is { } g) return new ShowGroupUpdates(g.Code, id, $"what {g.Describe()} said about {id}");
        return GroupsWordRegex().IsMatch(q.Text) ? new ShowGroupUpdates(null, id, $"what the groups said about {id}") : null;
    }

    private static ShowGroupUpdates? GroupRule(Question q) =>
        q.Group is { MeetingNumber: null } g && q.Mentions(Topic) && !q.MentionsAnyTopicBut(Topic)
            ? new ShowGroupUpdates(g.Code, null, $"updates from {g.Describe()}")
            : null;

    [GeneratedRegex(@"\b(?:updates?|news|said|say|says|saying|decide|decided|decides|decision|decisions|agreed|approved|rejected|discussed|think|thought|view|views|headlines?)\b")]
    private static partial Regex SaidWordRegex();

    [GeneratedRegex(@"\b(?:groups|governance|advisory groups|anyone|everyone)\b")] private static partial Regex GroupsWordRegex();

    /// <summary>"CR015", "CR 15", "change request 15" (the same forms the change request card answers to).</summary>
    [GeneratedRegex(@"(?<![a-z0-9])(?:cr|change requests?|change req)[\s\-#]*(?:no\s*|number\s*)?0*(?<n>\d{1,3})(?!\d)")]
    private static partial Regex CrIdRegex();
}
