using System.Globalization;
using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Decisions;

/// <summary>
/// <b>Decisions</b>: PartitionKey = group code, RowKey = decision number zero-padded to 6 digits ("DAG", "000095"),
/// so a group's decision log is one partition in number order (a group takes a few hundred decisions at most).
/// </summary>
internal static class DecisionTable
{
    /// <summary>Table, keys and columns for <see cref="EntityStore{T}"/>.</summary>
    public static TableMapping<Decision> Mapping { get; } = new(TableNames.Decisions, ToRow, FromRow, d => $"Decision {d.GroupCode} [{d.Number}]");

    public static string RowKey(int number) => number.ToString("D6", CultureInfo.InvariantCulture);

    public static TableEntity ToRow(Decision d) => new(TableKeys.Checked(d.GroupCode, "group code"), RowKey(d.Number))
    {
        ["Number"] = d.Number,
        ["MeetingNumber"] = d.MeetingNumber,
        ["Text"] = d.Text,
        ["Outcome"] = d.Outcome,
    };

    public static Decision FromRow(TableEntity e) => new(
        Number: e.GetInt32("Number") ?? int.Parse(e.RowKey, CultureInfo.InvariantCulture),
        GroupCode: e.PartitionKey,
        MeetingNumber: e.GetString("MeetingNumber") ?? "",
        Text: e.GetString("Text") ?? "",
        Outcome: e.GetString("Outcome"));
}
