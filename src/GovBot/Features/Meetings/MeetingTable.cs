using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Meetings;

/// <summary>
/// Table layout of meetings.
/// <para><b>Meetings</b> (source of truth): PartitionKey = group code, RowKey = "yyyyMMdd-{number}"
/// ("DAG", "20240313-34"). A group's meetings in date order are one partition (tens of rows, ~12 a year),
/// "next DAG meeting" is a RowKey range in it, and GetAsync(group, number) filters that partition on Number.
/// Agenda and documents are JSON columns (an agenda is a few KB).</para>
/// <para><b>MeetingsByMonth</b> (pointer rows): PartitionKey = "yyyy-MM", RowKey = "yyyyMMdd-{group}-{number}",
/// carrying GroupCode and the primary RowKey. "Upcoming meetings across groups" reads one or two month
/// partitions (the programme has ~30-60 meetings a month). Written before the primary row, stale rows removed
/// after it; reads load the primary row and drop pointers whose meeting has moved.</para>
/// </summary>
internal static class MeetingTable
{
    public static string RowKey(DateOnly date, string number) => $"{TableKeys.Day(date)}-{TableKeys.Checked(number, "meeting number")}";

    public static TableEntity ToRow(Meeting m)
    {
        var e = new TableEntity(TableKeys.Checked(m.GroupCode, "group code"), RowKey(m.Date, m.Number))
        {
            ["Number"] = m.Number,
            ["IsExtraordinary"] = m.IsExtraordinary,
            ["Location"] = m.Location,
            ["JoinUrl"] = m.JoinUrl,
            ["Name"] = m.Name,
            ["Source"] = m.Source,
        };
        e.SetDate("Date", m.Date);
        e.SetTime("Start", m.Start);
        e.SetTime("End", m.End);
        e.SetJson("Agenda", m.Agenda, StorageJson.Default.IReadOnlyListAgendaItem);
        e.SetJson("Documents", m.Documents, StorageJson.Default.IReadOnlyListMeetingDocument);
        return e;
    }

    public static Meeting FromRow(TableEntity e) => new(
        GroupCode: e.PartitionKey,
        Number: e.GetRequiredString("Number"),
        IsExtraordinary: e.GetBoolean("IsExtraordinary") ?? false,
        Date: e.GetDate("Date") ?? throw new InvalidDataException($"Meeting {e.PartitionKey}/{e.RowKey} has no date."),
        Start: e.GetTime("Start"),
        End: e.GetTime("End"),
        Location: e.GetString("Location"),
        JoinUrl: e.GetString("JoinUrl"),
        Agenda: e.GetJson("Agenda", StorageJson.Default.IReadOnlyListAgendaItem, []),
        Documents: e.GetJson("Documents", StorageJson.Default.IReadOnlyListMeetingDocument, []),
        Name: e.GetString("Name"),
        Source: e.GetString("Source"));

    public static TableEntity MonthRow(Meeting m) =>
        new(TableKeys.Month(m.Date), $"{TableKeys.Day(m.Date)}-{TableKeys.Checked(m.GroupCode, "group code")}-{TableKeys.Checked(m.Number, "meeting number")}")
        {
            ["GroupCode"] = m.GroupCode,
            ["MeetingRowKey"] = RowKey(m.Date, m.Number),
        };
}
