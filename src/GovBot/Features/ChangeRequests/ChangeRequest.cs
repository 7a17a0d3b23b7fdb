namespace GovBot.Features.ChangeRequests;

/// <summary>A programme change request, e.g. CR043.</summary>
/// <param name="Id">"CR043": always CR + three digits.</param>
/// <param name="DecisionRefs">Decisions that concern it ("DAG [96]").</param>
public sealed record ChangeRequest(
    string Id,
    string Title,
    string? Raiser,
    ChangeRequestStage Stage,
    ChangeRequestOutcome? Outcome,
    IReadOnlyList<KeyDate> KeyDates,
    DateOnly? ImpactAssessmentOpens,
    DateOnly? ImpactAssessmentCloses,
    IReadOnlyList<ImpactAssessmentTally> Tally,
    string? TargetRelease,
    IReadOnlyList<string> DecisionRefs,
    string? Summary)
{
    public int Number => int.Parse(Id.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatId(int number) => $"CR{number:000}";
}

/// <summary>The lifecycle, in order; the card shows it as a stepper.</summary>
public enum ChangeRequestStage
{
    Raised,
    InitialAssessment,
    ImpactAssessment,
    Decision,
    Implementation,
    Closed,
}

public enum ChangeRequestOutcome
{
    Approved,
    Rejected,
    RescindedAndReplaced,
    Withdrawn,
    AppealedToIpa,
}

public sealed record KeyDate(string Label, DateOnly Date);

/// <summary>Impact-assessment responses of one constituency.</summary>
public sealed record ImpactAssessmentTally(string Constituency, int Yes, int No, int Abstain, int NoReply);
