namespace GovBot.Features.Meetings;

/// <summary>A meeting of a group. Times are UK local (Europe/London).</summary>
/// <param name="Number">"34", "10.1" for an extraordinary meeting numbered with a point.</param>
/// <param name="IsExtraordinary">Called outside the cadence (point number or the word Extraordinary).</param>
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
    IReadOnlyList<MeetingDocument> Documents)
{
    /// <summary>"DAG 34": how members name a meeting.</summary>
    public string Title => $"{GroupCode} {Number}";
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
