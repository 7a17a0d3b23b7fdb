namespace GovBot.Features.Meetings;

/// <summary>A meeting of a group. Times are UK local (Europe/London).</summary>
/// <param name="Number">"34", "10.1" for an extraordinary meeting numbered with a point.</param>
/// <param name="IsExtraordinary">Called outside the cadence (point number or the word Extraordinary).</param>
/// <param name="Name">What the papers call a meeting that has no number ("MHHS Migration Framework Development Workshop 3").</param>
/// <param name="Source">The papers that announced it ("DAG 34 papers"), for meetings known only from another group's papers.</param>
public sealed record Meeting(
    string GroupCode,
    string Number,
    bool IsExtraordinary,
    DateOnly Date,
    TimeOnly? Start,
    TimeOnly? End,
    string? Location,
    string? JoinUrl,
    IReadOnlyList<AgendaItem> Agenda,
    IReadOnlyList<MeetingDocument> Documents,
    string? Name = null,
    string? Source = null)
{
    /// <summary>The group code of programme-wide meetings that belong to no group (workshops the papers announce).</summary>
    public const string ProgrammeCode = "MHHS";

    /// <summary>"DAG 34": how members name a meeting; an announced meeting without a number goes by its name.</summary>
    public string Title => IsNumbered ? $"{GroupCode} {Number}"
        : Name ?? $"{(IsExtraordinary ? "Extraordinary " : "")}{GroupCode} meeting";

    /// <summary>
    /// False for a meeting the papers announce without a number: its <see cref="Number"/> is then its date
    /// ("2024-03-11"), which keeps it one row per group and day and still fits a card button's data.
    /// </summary>
    public bool IsNumbered => !Number.Contains('-', StringComparison.Ordinal);

    /// <summary>The <see cref="Number"/> of an unnumbered meeting on <paramref name="date"/>.</summary>
    public static string UnnumberedOn(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public enum AgendaItemType
{
    Information,
    Discussion,
    Decision,
}

public sealed record AgendaItem(
    string Number,
    string Title,
    string? Objective,
    AgendaItemType? Type,
    string? Lead,
    TimeOnly? Start,
    TimeOnly? End);

/// <summary>A versioned meeting document: Papers, Minutes, Headline Report or a numbered attachment.</summary>
public sealed record MeetingDocument(string Title, string Kind, string? DocumentId, string? Version, string? Url);
