using System.Globalization;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Meetings;

namespace GovBot.Features.Import;

/// <summary>Writes a kind's rows as CSV with the documented columns, so that an export imported again changes nothing.</summary>
public sealed class CsvExporter(ActionStore actions, MeetingStore meetings, ChangeRequestStore changes, ChecklistStore checklist, PersonStore people)
{
    /// <summary>Writes the header and every row; returns the number of rows.</summary>
    public async Task<int> ExportAsync(CsvKind kind, TextWriter writer, CancellationToken cancellationToken)
    {
        var rows = kind switch
        {
            CsvKind.Actions => (await actions.ListAllAsync(cancellationToken)).Select(Row).ToList(),
            CsvKind.Meetings => (await meetings.ListAllAsync(cancellationToken)).Select(Row).ToList(),
            CsvKind.Changes => (await changes.ListAsync(cancellationToken)).OrderBy(c => c.Id, StringComparer.Ordinal).Select(Row).ToList(),
            CsvKind.Checklist => (await checklist.ListAsync(cancellationToken)).OrderBy(c => c.Published).ThenBy(c => c.Number).Select(Row).ToList(),
            CsvKind.People => (await people.ListAsync(cancellationToken)).OrderBy(p => p.Id, StringComparer.Ordinal).Select(Row).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        CsvWriter.WriteRecord(writer, CsvColumns.Of(kind));
        foreach (var row in rows) CsvWriter.WriteRecord(writer, row);
        await writer.FlushAsync(cancellationToken);
        return rows.Count;
    }

    internal static string?[] Row(ActionItem a) =>
        [a.Ref, a.GroupCode, a.MeetingNumber, Date(a.Raised), a.Text, a.OwnerText, Date(a.Due), a.Status.ToString(), a.LatestUpdate];

    internal static string?[] Row(Meeting m) =>
        [m.GroupCode, m.Number, Bool(m.IsExtraordinary), Date(m.Date), Time(m.Start), Time(m.End), m.Location, m.JoinUrl];

    internal static string?[] Row(ChangeRequest c) =>
        [c.Id, c.Title, c.Raiser, c.Stage.ToString(), c.Outcome?.ToString(), c.TargetRelease, Date(c.ImpactAssessmentOpens), Date(c.ImpactAssessmentCloses), c.Summary];

    internal static string?[] Row(ChecklistItem c) =>
        [Date(c.Published), c.Number.ToString(CultureInfo.InvariantCulture), c.Text, Date(c.Deadline), Bool(c.IsReminder), c.Link, c.Source];

    internal static string?[] Row(Person p) =>
        [p.Id, p.Name, p.Email, p.Organisation, p.EntraObjectId, string.Join(";", p.Aliases), Bool(p.IsPmo)];

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? t) => t?.ToString(t.Value.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Bool(bool b) => b ? "true" : "false";
}
