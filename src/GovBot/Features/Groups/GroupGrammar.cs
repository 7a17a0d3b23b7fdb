using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Groups;

internal sealed record ShowGroup(string GroupCode, string Explanation) : Intent(Explanation);

/// <summary>"who chairs DAG": the group's chair and secretariat.</summary>
internal sealed record ShowGroupChair(string GroupCode, string Explanation) : Intent(Explanation);

/// <summary>Questions about a governance group: "what is MCAG", or just a group's name.</summary>
internal static partial class GroupGrammar
{
    public static void Register(Grammar grammar) => grammar
        // Before the plain group question, which would otherwise take "who chairs DAG" as "what is DAG".
        .Rule(RuleOrder.Phrase + 80, "group chair", q =>
            q.Group is { } g && ChairWordRegex().IsMatch(q.Rest) ? new ShowGroupChair(g.Code, $"chair of {g.Describe()}") : null)
        // Last: a question that only names a group, with nothing another rule understood, is about the group.
        .Rule(RuleOrder.Phrase + 90, "group", q => q.Group is { } g ? new ShowGroup(g.Code, $"about {g.Describe()}") : null)
        .Examples("what is MCAG", "who chairs DAG")
        .Help("Groups", "what is MCAG", "who chairs DAG");

    [GeneratedRegex(@"\b(?:chairs?|chaired|chairing|chairperson|chairman|chairwoman|secretariat|who runs|who leads)\b")]
    private static partial Regex ChairWordRegex();
}
