using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.ChangeRequests;

/// <summary>
/// <b>ChangeRequests</b>: PartitionKey = "cr", RowKey = id ("CR043"). The programme raises tens of CRs a year
/// (about 100 over its life), so one partition serves GetAsync (point read) and ListAsync (one partition).
/// The stage is a column, never a key: a stage change must not move the row. Key dates, tally and decision refs
/// are JSON columns.
/// </summary>
internal static class ChangeRequestTable
{
    /// <summary>Table, keys and columns for <see cref="EntityStore{T}"/>.</summary>
    public static TableMapping<ChangeRequest> Mapping { get; } = new(TableNames.ChangeRequests, ToRow, FromRow, c => $"Change request {c.Id}");

    public const string Partition = "cr";

    public static TableEntity ToRow(ChangeRequest c)
    {
        var e = new TableEntity(Partition, TableKeys.Checked(c.Id, "change request id"))
        {
            ["Title"] = c.Title,
            ["Raiser"] = c.Raiser,
            ["TargetRelease"] = c.TargetRelease,
            ["Summary"] = c.Summary,
        };
        e.SetEnum<ChangeRequestStage>("Stage", c.Stage);
        e.SetEnum("Outcome", c.Outcome);
        e.SetDate("ImpactAssessmentOpens", c.ImpactAssessmentOpens);
        e.SetDate("ImpactAssessmentCloses", c.ImpactAssessmentCloses);
        e.SetJson("KeyDates", c.KeyDates, StorageJson.Default.IReadOnlyListKeyDate);
        e.SetJson("Tally", c.Tally, StorageJson.Default.IReadOnlyListImpactAssessmentTally);
        e.SetJson("DecisionRefs", c.DecisionRefs, StorageJson.Default.IReadOnlyListString);
        return e;
    }

    public static ChangeRequest FromRow(TableEntity e) => new(
        Id: e.RowKey,
        Title: e.GetString("Title") ?? "",
        Raiser: e.GetString("Raiser"),
        Stage: e.GetRequiredEnum<ChangeRequestStage>("Stage"),
        Outcome: e.GetEnum<ChangeRequestOutcome>("Outcome"),
        KeyDates: e.GetJson("KeyDates", StorageJson.Default.IReadOnlyListKeyDate, []),
        ImpactAssessmentOpens: e.GetDate("ImpactAssessmentOpens"),
        ImpactAssessmentCloses: e.GetDate("ImpactAssessmentCloses"),
        Tally: e.GetJson("Tally", StorageJson.Default.IReadOnlyListImpactAssessmentTally, []),
        TargetRelease: e.GetString("TargetRelease"),
        DecisionRefs: e.GetJson("DecisionRefs", StorageJson.Default.IReadOnlyListString, []),
        Summary: e.GetString("Summary"));
}
