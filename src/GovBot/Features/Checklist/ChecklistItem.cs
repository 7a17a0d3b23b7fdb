namespace GovBot.Features.Checklist;

/// <summary>An item of the participant checklist published with programme updates.</summary>
/// <param name="Published">The date of the papers that published it; with Number, its identity.</param>
/// <param name="Deadline">The date participants must act by; null for an information item.</param>
/// <param name="IsReminder">Marked "REMINDER:" in the papers (repeated from an earlier checklist).</param>
/// <param name="Source">Where it was published, e.g. "DAG 34".</param>
public sealed record ChecklistItem(
    DateOnly Published,
    int Number,
    string Text,
    DateOnly? Deadline,
    bool IsReminder,
    string? Link,
    string? Source)
{
    public string Id => $"{Published:yyyyMMdd}-{Number:00}";
}
