namespace GovBot.Features.Checklist;

/// <summary>An item of the participant checklist published with programme updates.</summary>
/// <param name="Published">The date of the papers that published it; with Number, its identity.</param>
/// <param name="Deadline">The date participants must act by; null for an information item.</param>
/// <param name="IsReminder">Marked "REMINDER:" in the papers (repeated from an earlier checklist).</param>
/// <param name="Source">Where it was published, e.g. "DAG 34".</param>
/// <param name="Constituencies">Codes of the <see cref="Checklist.Constituencies"/> it names; empty: for all participants.</param>
/// <param name="Dated">For an information item, the date it names ("stood down on 1 March 2024"); null otherwise.</param>
public sealed record ChecklistItem(
    DateOnly Published,
    int Number,
    string Text,
    DateOnly? Deadline,
    bool IsReminder,
    string? Link,
    string? Source,
    IReadOnlyList<string>? Constituencies = null,
    DateOnly? Dated = null)
{
    public string Id => $"{Published:yyyyMMdd}-{Number:00}";

    /// <summary>Never null: an item that names no constituency is for all participants.</summary>
    public IReadOnlyList<string> Constituencies { get; init; } = Constituencies ?? [];

    /// <summary>Something to know rather than to do by a date.</summary>
    public bool IsInformation => Deadline is null;

    /// <summary>Whether it concerns someone whose constituencies cover <paramref name="covering"/> (see <see cref="Checklist.Constituencies.Covering"/>).</summary>
    public bool AppliesTo(IReadOnlySet<string> covering) => Checklist.Constituencies.Applies(Constituencies, covering);
}
