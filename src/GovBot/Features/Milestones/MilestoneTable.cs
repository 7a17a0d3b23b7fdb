using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Milestones;

/// <summary>
/// <b>Milestones</b>: PartitionKey = "milestone", RowKey = id ("T3-DB-0099"). The plan tracks tens of milestones,
/// so the whole list is one small partition.
/// </summary>
internal static class MilestoneTable
{
    /// <summary>Table, keys and columns for <see cref="EntityStore{T}"/>.</summary>
    public static TableMapping<Milestone> Mapping { get; } = new(TableNames.Milestones, ToRow, FromRow, m => $"Milestone {m.Id}");

    public const string Partition = "milestone";

    public static TableEntity ToRow(Milestone m)
    {
        var e = new TableEntity(Partition, TableKeys.Checked(m.Id, "milestone id"))
        {
            ["Title"] = m.Title,
            ["Responsible"] = m.Responsible,
            ["Commentary"] = m.Commentary,
        };
        e.SetDate("Baseline", m.Baseline);
        e.SetDate("Forecast", m.Forecast);
        e.SetEnum("Previous", m.Previous);
        e.SetEnum("Current", m.Current);
        e.SetEnum("ForecastRag", m.ForecastRag);
        return e;
    }

    public static Milestone FromRow(TableEntity e) => new(
        Id: e.RowKey,
        Title: e.GetString("Title") ?? "",
        Responsible: e.GetString("Responsible") ?? "",
        Baseline: e.GetDate("Baseline"),
        Forecast: e.GetDate("Forecast"),
        Previous: e.GetEnum<Rag>("Previous"),
        Current: e.GetEnum<Rag>("Current"),
        ForecastRag: e.GetEnum<Rag>("ForecastRag"),
        Commentary: e.GetString("Commentary"));
}
