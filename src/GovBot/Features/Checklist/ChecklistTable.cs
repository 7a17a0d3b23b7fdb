using System.Globalization;
using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Checklist;

/// <summary>
/// <b>Checklist</b>: PartitionKey = deadline month "yyyy-MM" (information items without a deadline: "none"),
/// RowKey = item id "yyyyMMdd-nn" (published date and number). "Deadlines this week / this month" reads one or two
/// month partitions (a checklist publishes ~10 items a fortnight, so tens of rows a month). ListAsync reads the
/// whole table on purpose: it holds a few hundred rows over the programme's life and is used for listings only.
/// A changed deadline moves the row (see <see cref="ChecklistStore.UpdateAsync"/>).
/// </summary>
internal static class ChecklistTable
{
    public const string NoDeadline = "none";

    public static string PartitionKey(DateOnly? deadline) => deadline is { } d ? TableKeys.Month(d) : NoDeadline;

    public static TableEntity ToRow(ChecklistItem c)
    {
        var e = new TableEntity(PartitionKey(c.Deadline), c.Id)
        {
            ["Number"] = c.Number,
            ["Text"] = c.Text,
            ["IsReminder"] = c.IsReminder,
            ["Link"] = c.Link,
            ["Source"] = c.Source,
            // Comma-separated codes; absent (older rows) or empty means all participants.
            ["Constituencies"] = string.Join(',', c.Constituencies),
        };
        e.SetDate("Published", c.Published);
        e.SetDate("Deadline", c.Deadline);
        e.SetDate("Dated", c.Dated);
        return e;
    }

    public static ChecklistItem FromRow(TableEntity e) => new(
        Published: e.GetDate("Published") ?? DateOnly.ParseExact(e.RowKey[..8], "yyyyMMdd", CultureInfo.InvariantCulture),
        Number: e.GetInt32("Number") ?? 0,
        Text: e.GetString("Text") ?? "",
        Deadline: e.GetDate("Deadline"),
        IsReminder: e.GetBoolean("IsReminder") ?? false,
        Link: e.GetString("Link"),
        Source: e.GetString("Source"),
        Constituencies: (e.GetString("Constituencies") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Dated: e.GetDate("Dated"));
}
