using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.ChangeRequests;

/// <summary>One change request by id, canonical form "CR043".</summary>
internal sealed record ShowChangeRequest(string Id, string Explanation) : Intent(Explanation);

/// <summary>Change requests; <see cref="Stage"/> null and <see cref="OpenOnly"/> false means all of them.</summary>
internal sealed record ListChangeRequests(ChangeRequestStage? Stage, bool OpenOnly, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>Questions about change requests: "CR043", "change request 43", "CRs in impact assessment".</summary>
internal static partial class ChangeRequestGrammar
{
    /// <summary>The topic of questions about change requests.</summary>
    public const string Topic = "change requests";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, CrWordRegex())
        .Rule(RuleOrder.ById, "change request id", ShowById)
        // Before the action list: "open CRs" is about change requests, though "open" is also an action status.
        .Rule(RuleOrder.Phrase + 20, "change requests", ListRule)
        .Examples("CR043", "CRs in impact assessment", "open change requests")
        .Help("Change requests", "CR043", "CRs in impact assessment", "open change requests");

    private static ShowChangeRequest? ShowById(Question q)
    {
        var match = CrIdRegex().Match(q.Text);
        if (!match.Success) return null;
        var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        if (number <= 0) return null;
        var id = ChangeRequest.FormatId(number);
        return new ShowChangeRequest(id, $"change request {id} (from '{match.Value}')");
    }

    private static ListChangeRequests? ListRule(Question q)
    {
        if (!q.Mentions(Topic) || q.Mentions(Actions.ActionGrammar.Topic)) return null;
        var rest = RecommendRegex().Replace(q.Rest, " ");
        var stage = Stage(rest);
        var openOnly = OpenRegex().IsMatch(rest);
        var why = new List<string>();
        if (stage is { } s) why.Add($"stage {StageWords(s)}");
        if (openOnly) why.Add("open only");
        return new ListChangeRequests(stage, openOnly, QuestionText.Join("change requests", why));
    }

    private static ChangeRequestStage? Stage(string rest)
    {
        if (InitialAssessmentRegex().IsMatch(rest)) return ChangeRequestStage.InitialAssessment;
        if (ImpactAssessmentRegex().IsMatch(rest)) return ChangeRequestStage.ImpactAssessment;
        if (DecisionStageRegex().IsMatch(rest)) return ChangeRequestStage.Decision;
        if (ImplementationRegex().IsMatch(rest)) return ChangeRequestStage.Implementation;
        if (ClosedRegex().IsMatch(rest)) return ChangeRequestStage.Closed;
        if (RaisedRegex().IsMatch(rest)) return ChangeRequestStage.Raised;
        return null;
    }

    /// <summary>"Impact assessment": the stage as the stepper names it.</summary>
    private static string StageWords(ChangeRequestStage stage) => stage switch
    {
        ChangeRequestStage.Raised => "Raised",
        ChangeRequestStage.InitialAssessment => "Initial assessment",
        ChangeRequestStage.ImpactAssessment => "Impact assessment",
        ChangeRequestStage.Decision => "Decision",
        ChangeRequestStage.Implementation => "Implementation",
        _ => "Closed",
    };

    [GeneratedRegex(@"(?<![a-z0-9])(?:cr|change requests?|change req)[\s\-#]*(?:no\s*|number\s*)?0*(?<n>\d{1,3})(?!\d)")]
    private static partial Regex CrIdRegex();
    [GeneratedRegex(@"\b(?:crs?|change requests?|change req)\b")] private static partial Regex CrWordRegex();
    /// <summary>"open", and the words members use for a change request still in progress.</summary>
    [GeneratedRegex(@"\b(?:open|live|active|current|in progress|pending|outstanding)\b")] private static partial Regex OpenRegex();
    /// <summary>"recommended for closure" is not the closed stage.</summary>
    [GeneratedRegex(@"\brecommend(?:ed|s)?\s*(?:for\s*|to\s*|as\s*)?clos(?:e|ed|ure|ing)\b")] private static partial Regex RecommendRegex();
    [GeneratedRegex(@"\b(?:closed|completed|done|finished)\b")] private static partial Regex ClosedRegex();
    [GeneratedRegex(@"\binitial assessment\b")] private static partial Regex InitialAssessmentRegex();
    [GeneratedRegex(@"\b(?:impact assessment|impact assessed|ia)\b")] private static partial Regex ImpactAssessmentRegex();
    [GeneratedRegex(@"\b(?:decision|awaiting decision|for decision)\b")] private static partial Regex DecisionStageRegex();
    [GeneratedRegex(@"\b(?:implementation|being implemented|implementing)\b")] private static partial Regex ImplementationRegex();
    [GeneratedRegex(@"\b(?:raised|new)\b")] private static partial Regex RaisedRegex();
}
