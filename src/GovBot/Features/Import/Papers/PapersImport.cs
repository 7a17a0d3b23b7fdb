using GovBot.Features.Actions;
using GovBot.Features.Meetings;

namespace GovBot.Features.Import;

/// <summary>
/// What <see cref="PapersParser"/> read from the text of one meeting's papers.
/// Every value is either read with confidence or null with a matching entry in <see cref="Warnings"/>.
/// </summary>
public sealed record PapersImport(
    PapersMeetingInfo Meeting,
    IReadOnlyList<PapersAgendaItem> Agenda,
    IReadOnlyList<PapersActionRow> Actions,
    IReadOnlyList<PapersDecision> Decisions,
    IReadOnlyList<PapersChecklistItem> Checklist,
    IReadOnlyList<PapersChangeRequestMention> ChangeRequests,
    PapersNextMeeting? NextMeeting,
    IReadOnlyList<PapersWarning> Warnings)
{
    /// <summary>The "Upcoming Governance Meetings" lists (see <see cref="UpcomingMeetingsReader"/>).</summary>
    public IReadOnlyList<PapersUpcomingMeeting> UpcomingMeetings { get; init; } = [];

    /// <summary>The "Upcoming Events" announcements (see <see cref="EventsReader"/>).</summary>
    public IReadOnlyList<PapersEvent> Events { get; init; } = [];

    /// <summary>Other governance groups' updates (see <see cref="GroupUpdatesReader"/>).</summary>
    public IReadOnlyList<PapersGroupUpdate> GroupUpdates { get; init; } = [];

    /// <summary>"DAG 34" when group and number are known; otherwise whatever is known.</summary>
    public string MeetingTitle => Meeting switch
    {
        { Group: { } g, Number: { } n } => $"{g} {n}",
        { Group: { } g } => g,
        _ => "unknown meeting",
    };
}

/// <param name="Group">Group code as used in action refs ("DAG", "TMAG").</param>
/// <param name="Number">"34", "10.1".</param>
/// <param name="DocumentId">The papers' own document id ("MHHS-DEL540") when printed on the cover.</param>
/// <param name="ChecklistUpdatedTo">"Updated to 06/03/2024" above the participant checklist, when present.</param>
public sealed record PapersMeetingInfo(
    string? Group,
    string? Number,
    DateOnly? Date,
    TimeOnly? Start,
    TimeOnly? End,
    string? DocumentId,
    DateOnly? ChecklistUpdatedTo = null);

public sealed record PapersAgendaItem(
    string Number,
    string Title,
    AgendaItemType? Type,
    string? Lead,
    TimeOnly? Start,
    TimeOnly? End,
    int Line);

/// <summary>One row of an action log table as printed.</summary>
/// <param name="Line">1-based line of the ref in the papers.</param>
public sealed record PapersActionRow(
    string Ref,
    DateOnly? Raised,
    string Text,
    string? Owner,
    DateOnly? Due,
    ActionStatus? Status,
    string? Update,
    int Line);

public sealed record PapersDecision(int Number, string Text, int Line);

/// <param name="Constituencies">Codes of the constituencies the text names (<see cref="Checklist.Constituencies"/>); empty: all participants.</param>
/// <param name="Dated">For an information item (no deadline), the date it names ("stood down on 1 March 2024").</param>
public sealed record PapersChecklistItem(int Number, string Text, DateOnly? Deadline, bool Reminder, int Line, IReadOnlyList<string>? Constituencies = null, DateOnly? Dated = null)
{
    public IReadOnlyList<string> Constituencies { get; init; } = Constituencies ?? [];
}

/// <param name="Id">"CR043".</param>
/// <param name="Mentions">Each sentence or line that mentions it, trimmed, in order, without repeats.</param>
public sealed record PapersChangeRequestMention(string Id, IReadOnlyList<string> Mentions);

public sealed record PapersNextMeeting(string? Group, DateOnly? Date, TimeOnly? Start, int Line);

/// <summary>Something the parser could not read with confidence; <see cref="Line"/> is 1-based, null for the document as a whole.</summary>
public sealed record PapersWarning(int? Line, string Message, string? SourceLine)
{
    private const int QuoteLength = 100;

    public override string ToString()
    {
        var where = Line is { } l ? $"line {l}" : "papers";
        if (SourceLine is null) return $"{where}: {Message}";
        var quote = System.Text.RegularExpressions.Regex.Replace(SourceLine.Trim(), @"\s+", " ");
        if (quote.Length > QuoteLength) quote = quote[..QuoteLength] + "…";
        return $"{where}: {Message} in '{quote}'";
    }
}
