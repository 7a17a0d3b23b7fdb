using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Milestones;

internal sealed record ListMilestones(string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>Questions about the programme plan: "milestones", "programme plan".</summary>
internal static partial class MilestoneGrammar
{
    /// <summary>The topic of questions about milestones.</summary>
    public const string Topic = "milestones";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, MilestoneWordRegex())
        .Rule(RuleOrder.Phrase + 70, "milestones", q => q.Mentions(Topic) ? new ListMilestones("milestones") : null)
        .Examples("milestones")
        .Help("Deadlines and milestones", "milestones");

    [GeneratedRegex(@"\b(?:milestones?|rag|programme plan|plan)\b")] private static partial Regex MilestoneWordRegex();
}
