using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Events;

/// <summary>
/// <b>Events</b>: PartitionKey = "event", RowKey = "yyyyMMdd-{hash of the title}". The programme announces a few
/// events a month, so all of them are one small partition: "events next week" and "next webinar" are a RowKey range
/// from a day on, and importing the same papers again writes the same keys.
/// </summary>
internal static class EventTable
{
    public const string Partition = "event";

    public static TableMapping<ProgrammeEvent> Mapping { get; } = new(TableNames.Events, ToRow, FromRow, e => $"Event {RowKey(e)}");

    /// <summary>The day, then a short hash of the title in lower case without spaces, so a re-worded heading case does not duplicate it.</summary>
    public static string RowKey(ProgrammeEvent e)
    {
        var normalised = new string(e.Title.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..12].ToLowerInvariant();
        return $"{TableKeys.Day(e.Date)}-{hash}";
    }

    /// <summary>Row keys of events on or after <paramref name="from"/> sort after this.</summary>
    public static string From(DateOnly from) => TableKeys.Day(from);

    /// <summary>Row keys of events on or before <paramref name="to"/> sort before this.</summary>
    public static string ToExclusive(DateOnly to) => TableKeys.Day(to.AddDays(1));

    public static TableEntity ToRow(ProgrammeEvent e)
    {
        var row = new TableEntity(Partition, RowKey(e))
        {
            ["Title"] = e.Title,
            ["Place"] = e.Place,
            ["Online"] = e.Online,
            ["About"] = e.About,
            ["Source"] = e.Source,
        };
        row.SetDate("Date", e.Date);
        row.SetEnum("Kind", (EventKind?)e.Kind);
        row.SetTime("Start", e.Start);
        row.SetTime("End", e.End);
        return row;
    }

    public static ProgrammeEvent FromRow(TableEntity e) => new(
        Date: e.GetDate("Date") ?? DateOnly.ParseExact(e.RowKey[..8], "yyyyMMdd", CultureInfo.InvariantCulture),
        Title: e.GetString("Title") ?? "",
        Kind: e.GetEnum<EventKind>("Kind") ?? EventKind.Other,
        Start: e.GetTime("Start"),
        End: e.GetTime("End"),
        Place: e.GetString("Place"),
        Online: e.GetBoolean("Online") ?? false,
        About: e.GetString("About"),
        Source: e.GetString("Source") ?? "");
}
