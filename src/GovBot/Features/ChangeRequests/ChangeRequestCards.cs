using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Features.GroupUpdates;

namespace GovBot.Features.ChangeRequests;

/// <summary>Cards for change requests: one CR with its stage stepper and IA tally, and lists by stage.</summary>
internal static class ChangeRequestCards
{
    private static readonly string[] TallyHeader = ["Constituency", "Yes", "No", "Abstain", "No reply"];

    public const string ShowVerb = "cr.show";

    /// <summary>The stepper's stages in order (Closed is shown as the outcome, not a step).</summary>
    public static readonly IReadOnlyList<ChangeRequestStage> Steps =
    [
        ChangeRequestStage.Raised,
        ChangeRequestStage.InitialAssessment,
        ChangeRequestStage.ImpactAssessment,
        ChangeRequestStage.Decision,
        ChangeRequestStage.Implementation,
    ];

    /// <summary>Lines of "What the groups said" on the card at most; the rest are one question away.</summary>
    private const int MaxGroupLines = 6;

    /// <param name="said">What governance groups said about it (newest first); the card cites each line's papers.</param>
    public static JsonObject Detail(ChangeRequest cr, DateOnly asOf, IReadOnlyList<GroupUpdate>? said = null)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"{cr.Id} – {CardKit.Safe(cr.Title, 200)}"),
        };
        if (!string.IsNullOrWhiteSpace(cr.Raiser)) body.Add(CardKit.Subtitle($"Raised by {cr.Raiser}"));
        body.Add(CardKit.AsOf(asOf));
        if (!string.IsNullOrWhiteSpace(cr.Summary)) body.Add(new TextBlock(CardKit.Safe(cr.Summary, 1200)) { Spacing = Spacing.Medium });

        body.Add(CardKit.SectionHeading("Progress"));
        body.AddRange(StepperLines(cr).Select(l => new TextBlock(l) { Spacing = Spacing.None }));

        var facts = new List<Fact> { new("Stage", StageWords(cr.Stage)) };
        if (cr.Outcome is { } o) facts.Add(new("Outcome", OutcomeWords(o)));
        if (!string.IsNullOrWhiteSpace(cr.TargetRelease)) facts.Add(new("Target release", CardKit.Safe(cr.TargetRelease, 120)));
        if (cr.ImpactAssessmentOpens is { } opens) facts.Add(new("Impact assessment opens", UkFormat.Date(opens)));
        if (cr.ImpactAssessmentCloses is { } closes)
            facts.Add(new("Impact assessment closes", UkFormat.Date(closes) + (cr.Stage == ChangeRequestStage.ImpactAssessment ? $" ({UkFormat.DaysLeft(closes, asOf)})" : "")));
        facts.AddRange(cr.KeyDates.OrderBy(k => k.Date).Take(12).Select(k => new Fact(CardKit.Safe(k.Label, 80), UkFormat.Date(k.Date))));
        if (cr.DecisionRefs.Count > 0) facts.Add(new("Decisions", string.Join(", ", cr.DecisionRefs.Take(10))));
        body.Add(new FactSet(facts) { Spacing = Spacing.Medium });

        if (cr.Tally.Count > 0)
        {
            body.Add(CardKit.SectionHeading("Impact assessment responses"));
            var rows = new List<IReadOnlyList<string>> { TallyHeader };
            rows.AddRange(cr.Tally.Take(20).Select(t => (IReadOnlyList<string>)
                [CardKit.Safe(t.Constituency, 80), N(t.Yes), N(t.No), N(t.Abstain), N(t.NoReply)]));
            rows.Add(["**Total**", $"**{N(cr.Tally.Sum(t => t.Yes))}**", $"**{N(cr.Tally.Sum(t => t.No))}**", $"**{N(cr.Tally.Sum(t => t.Abstain))}**", $"**{N(cr.Tally.Sum(t => t.NoReply))}**"]);
            body.Add(new Table([4, 1, 1, 1, 1], rows));
        }

        if (said is { Count: > 0 })
        {
            body.Add(CardKit.SectionHeading("What the groups said"));
            var newest = said.OrderByDescending(u => u.MeetingDate).ThenBy(u => u.GroupCode, StringComparer.Ordinal).ThenBy(u => u.Order).ToList();
            foreach (var u in newest.Take(MaxGroupLines))
            {
                body.Add(new TextBlock(GroupUpdateCards.Line(u)) { Spacing = Spacing.Small });
                body.Add(new TextBlock(CardKit.Safe(u.Citation, 120)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            }
            if (newest.Count > MaxGroupLines)
                body.Add(new TextBlock($"…and {newest.Count - MaxGroupLines} more: ask \"what have the groups said about {cr.Id}\".") { IsSubtle = true });
        }
        return CardKit.Build(new AdaptiveCard(body) { FullWidth = true });
    }

    /// <summary>Change requests grouped by stage in lifecycle order, paged.</summary>
    public static JsonObject List(IReadOnlyList<ChangeRequest> crs, DateOnly asOf, string title, string query, int page = 0)
    {
        var ordered = crs.OrderBy(c => c.Stage).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page);
        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        foreach (var stage in shown.GroupBy(c => c.Stage))
        {
            body.Add(CardKit.SectionHeading($"{StageWords(stage.Key)} ({ordered.Count(c => c.Stage == stage.Key)})"));
            foreach (var cr in stage)
            {
                var detail = new List<string>();
                if (cr.TargetRelease is not null) detail.Add($"target {CardKit.Safe(cr.TargetRelease, 60)}");
                if (cr.Outcome is { } o) detail.Add(OutcomeWords(o));
                if (cr.Stage == ChangeRequestStage.ImpactAssessment && cr.ImpactAssessmentCloses is { } c) detail.Add($"IA closes {UkFormat.ShortDate(c)} ({UkFormat.DaysLeft(c, asOf)})");
                body.Add(new Container(
                [
                    new TextBlock($"**{cr.Id}** {CardKit.Safe(cr.Title, 160)}") { MaxLines = 2 },
                    new TextBlock(detail.Count == 0 ? StageWords(cr.Stage) : string.Join(" · ", detail)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
                ])
                {
                    SelectAction = new ActionExecute($"Open {cr.Id}", ShowVerb, new JsonObject { ["id"] = cr.Id }),
                });
            }
        }
        if (ordered.Count == 0) body.Add(new TextBlock("No change requests match."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    /// <summary>"✓ Raised", "▶ **Impact assessment (current stage)**", "○ Decision": never colour alone.</summary>
    public static IReadOnlyList<string> StepperLines(ChangeRequest cr)
    {
        var lines = Steps.Select(step =>
            cr.Stage == ChangeRequestStage.Closed || step < cr.Stage ? $"✓ {StageWords(step)} (done)"
            : step == cr.Stage ? $"▶ **{StageWords(step)} (current stage)**"
            : $"○ {StageWords(step)} (to come)").ToList();
        if (cr.Stage == ChangeRequestStage.Closed)
            lines.Add($"■ **Closed{(cr.Outcome is { } o ? $": {OutcomeWords(o)}" : "")}**");
        return lines;
    }

    public static JsonObject NotFound(string id) =>
        CommonCards.Error($"I have no record of **{id}**. Try **open change requests** to see the ones I know.", "open change requests");

    /// <summary>"Change requests in impact assessment", "Open change requests".</summary>
    public static string ListTitle(ChangeRequestStage? stage, bool openOnly) =>
        stage is { } s ? $"Change requests in {StageWords(s).ToLowerInvariant()}"
        : openOnly ? "Open change requests" : "Change requests";

    public static string StageWords(ChangeRequestStage stage) => stage switch
    {
        ChangeRequestStage.Raised => "Raised",
        ChangeRequestStage.InitialAssessment => "Initial assessment",
        ChangeRequestStage.ImpactAssessment => "Impact assessment",
        ChangeRequestStage.Decision => "Decision",
        ChangeRequestStage.Implementation => "Implementation",
        _ => "Closed",
    };

    public static string OutcomeWords(ChangeRequestOutcome outcome) => outcome switch
    {
        ChangeRequestOutcome.Approved => "Approved",
        ChangeRequestOutcome.Rejected => "Rejected",
        ChangeRequestOutcome.RescindedAndReplaced => "Rescinded and replaced",
        ChangeRequestOutcome.Withdrawn => "Withdrawn",
        _ => "Appealed to the IPA",
    };

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
