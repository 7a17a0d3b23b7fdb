using GovBot.Recognition;

namespace GovBot.Features.Groups;

public sealed record ShowGroup(string GroupCode, string Explanation) : Intent(Explanation);

/// <summary>Questions about a governance group: "what is MCAG", or just a group's name.</summary>
public static class GroupGrammar
{
    public static void Register(Grammar grammar) => grammar
        // Last: a question that only names a group, with nothing another rule understood, is about the group.
        .Rule(RuleOrder.Phrase + 90, "group", q => q.Group is { } g ? new ShowGroup(g.Code, $"about {g.Describe()}") : null)
        .Examples("what is MCAG")
        .Help("Groups", "what is MCAG");
}
