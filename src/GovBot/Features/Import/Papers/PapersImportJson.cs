using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovBot.Features.Import;

/// <summary>
/// The <c>--json</c> contract of <c>govbot import papers</c>: dates yyyy-MM-dd, times HH:mm, absent values null,
/// statuses and agenda types by name. A separate outbound shape, so the parser's records can change freely.
/// </summary>
internal sealed record PapersImportJson(
    PapersMeetingJson Meeting,
    IReadOnlyList<PapersAgendaJson> Agenda,
    IReadOnlyList<PapersActionJson> Actions,
    IReadOnlyList<PapersDecisionJson> Decisions,
    IReadOnlyList<PapersChecklistJson> Checklist,
    IReadOnlyList<PapersChangeRequestJson> ChangeRequests,
    PapersNextMeetingJson? NextMeeting,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<PapersUpcomingMeetingJson> UpcomingMeetings,
    IReadOnlyList<PapersEventJson> Events,
    IReadOnlyList<PapersGroupUpdateJson> GroupUpdates)
{
    private static readonly JsonSerializerOptions Options = new(PapersImportJsonContext.Default.Options)
    {
        // Papers are full of en dashes and curly quotes; print them as they are rather than \u2013.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly PapersImportJsonContext Context = new(Options);

    public static PapersImportJson From(PapersImport import) => new(
        new PapersMeetingJson(import.Meeting.Group, import.Meeting.Number, Date(import.Meeting.Date), Time(import.Meeting.Start), Time(import.Meeting.End), import.Meeting.DocumentId),
        import.Agenda.Select(a => new PapersAgendaJson(a.Number, a.Title, a.Type?.ToString(), a.Lead, Time(a.Start), Time(a.End))).ToList(),
        import.Actions.Select(a => new PapersActionJson(a.Ref, Date(a.Raised), a.Text, a.Owner, Date(a.Due), a.Status?.ToString(), a.Update)).ToList(),
        import.Decisions.Select(d => new PapersDecisionJson(d.Number, d.Text)).ToList(),
        import.Checklist.Select(c => new PapersChecklistJson(c.Number, c.Text, Date(c.Deadline), c.Reminder, c.Deadline is null, c.Constituencies, Date(c.Dated))).ToList(),
        import.ChangeRequests.Select(c => new PapersChangeRequestJson(c.Id, c.Mentions)).ToList(),
        import.NextMeeting is { } n ? new PapersNextMeetingJson(n.Group, Date(n.Date), Time(n.Start)) : null,
        import.Warnings.Select(w => w.ToString()).ToList(),
        import.UpcomingMeetings.Select(u => new PapersUpcomingMeetingJson(Date(u.Date), u.Name, u.Group, u.Number, u.Extraordinary, Time(u.Start), Time(u.End))).ToList(),
        import.Events.Select(e => new PapersEventJson(Date(e.Date), e.Title, e.Kind.ToString(), Time(e.Start), Time(e.End), e.Place, e.Online, e.About)).ToList(),
        import.GroupUpdates.Select(u => new PapersGroupUpdateJson(u.Group, Date(u.MeetingDate), u.Order, u.Topic, u.Text, u.ChangeRequests, u.Releases, u.Documents)).ToList());

    public static string Serialize(PapersImport import) => JsonSerializer.Serialize(From(import), Context.PapersImportJson);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture);
}

internal sealed record PapersMeetingJson(string? Group, string? Number, string? Date, string? Start, string? End, string? DocumentId);

internal sealed record PapersAgendaJson(string Number, string Title, string? Type, string? Lead, string? Start, string? End);

internal sealed record PapersActionJson(string Ref, string? Raised, string Text, string? Owner, string? Due, string? Status, string? Update);

internal sealed record PapersDecisionJson(int Number, string Text);

/// <param name="Information">No deadline: something to know (published, stood down) rather than to do.</param>
/// <param name="Constituencies">Constituency codes the item names; empty: for all participants.</param>
/// <param name="Dated">The date an information item names, if any.</param>
internal sealed record PapersChecklistJson(int Number, string Text, string? Deadline, bool Reminder, bool Information, IReadOnlyList<string> Constituencies, string? Dated);

internal sealed record PapersChangeRequestJson(string Id, IReadOnlyList<string> Mentions);

internal sealed record PapersNextMeetingJson(string? Group, string? Date, string? Start);

internal sealed record PapersUpcomingMeetingJson(string? Date, string Name, string? Group, string? Number, bool Extraordinary, string? Start, string? End);

internal sealed record PapersEventJson(string? Date, string Title, string Kind, string? Start, string? End, string? Place, bool Online, string? About);

internal sealed record PapersGroupUpdateJson(string Group, string? MeetingDate, int Order, string Topic, string Text, IReadOnlyList<string> ChangeRequests, IReadOnlyList<string> Releases, IReadOnlyList<string> Documents);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(PapersImportJson))]
internal sealed partial class PapersImportJsonContext : JsonSerializerContext;
