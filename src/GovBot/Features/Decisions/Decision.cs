namespace GovBot.Features.Decisions;

/// <summary>A numbered decision of a group ("DECISION [95]"); numbers run across the group's meetings.</summary>
/// <param name="Outcome">What was decided, once known ("Advised SRO to approve"); null while pending.</param>
public sealed record Decision(int Number, string GroupCode, string MeetingNumber, string Text, string? Outcome);
