using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Meetings;

namespace GovBot.Features.Import;

/// <summary>
/// Maps what the papers announce onto the domain records, each citing the papers (<c>source</c>, "DAG 34 papers").
/// Pure; <see cref="StoragePapersImportWriter"/> decides what to write.
/// </summary>
internal static class PapersAnnouncements
{
    /// <summary>
    /// Upcoming meetings with a readable date, except the papers' own meeting. One without a number is keyed by its
    /// date (<see cref="Meeting.UnnumberedOn"/>); one of no group belongs to the programme (<see cref="Meeting.ProgrammeCode"/>).
    /// </summary>
    public static IReadOnlyList<Meeting> Meetings(PapersImport import, string source) =>
        import.UpcomingMeetings
            .Where(u => u.Date is not null)
            .Where(u => !(u.Group == import.Meeting.Group && u.Date == import.Meeting.Date))
            .Select(u => new Meeting(
                u.Group ?? Meeting.ProgrammeCode,
                u.Number ?? Meeting.UnnumberedOn(u.Date!.Value),
                u.Extraordinary || (u.Number?.Contains('.', StringComparison.Ordinal) ?? false),
                u.Date!.Value, u.Start, u.End, Location: null, JoinUrl: null, Agenda: [], Documents: [],
                Name: u.Group is null ? u.Name : null,
                Source: source))
            .DistinctBy(m => (m.GroupCode, m.Number))
            .ToList();

    public static IReadOnlyList<ProgrammeEvent> Events(PapersImport import, string source) =>
        import.Events
            .Select(e => new ProgrammeEvent(e.Date, e.Title, e.Kind, e.Start, e.End, e.Place, e.Online, e.About, source))
            .DistinctBy(e => (e.Date, e.Title))
            .ToList();

    public static IReadOnlyList<GroupUpdate> GroupUpdates(PapersImport import, string source) =>
        import.GroupUpdates
            .Select(u => new GroupUpdate(u.Group, u.MeetingDate, u.Order, u.Topic, u.Text, source, u.ChangeRequests, u.Releases, u.Documents))
            .DistinctBy(u => (u.GroupCode, u.MeetingDate, u.Order))
            .ToList();
}
