using Azure.Data.Tables;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using GovBot.Storage;

namespace GovBot.SampleData;

/// <summary>
/// Writes a whole <see cref="GovernanceDataSet"/> (sample data, an import) with upserts in single-partition
/// transactions of at most 100 rows. Writing the same set twice leaves the same rows: every row's keys come from
/// the record's identity. Index rows are written before primary rows (as the stores do). Rows of records that are
/// no longer in the set are not deleted, and an index row left over by an earlier, different version is ignored
/// by reads because they check the primary row.
/// </summary>
public sealed class GovernanceDataWriter(GovBotTables tables, GroupStore groups)
{
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => groups.IsEmptyAsync(cancellationToken);

    public async Task WriteAsync(GovernanceDataSet data, CancellationToken cancellationToken)
    {
        await Upsert(TableNames.Groups, data.Groups.Select(GroupTable.ToRow));
        await Upsert(TableNames.PeopleIndex, data.People.SelectMany(PersonTable.IndexRows));
        await Upsert(TableNames.People, data.People.Select(PersonTable.ToRow));
        await Upsert(TableNames.Memberships, data.Memberships.Select(GroupTable.PersonRow));
        await Upsert(TableNames.Memberships, data.Memberships.Select(GroupTable.GroupRow));
        await Upsert(TableNames.MeetingsByMonth, data.Meetings.Select(MeetingTable.MonthRow));
        await Upsert(TableNames.Meetings, data.Meetings.Select(MeetingTable.ToRow));
        await Upsert(TableNames.ActionIndex, data.Actions.SelectMany(ActionTable.IndexRows));
        await Upsert(TableNames.Actions, data.Actions.Select(ActionTable.ToRow));
        await Upsert(TableNames.Decisions, data.Decisions.Select(DecisionTable.ToRow));
        await Upsert(TableNames.ChangeRequests, data.ChangeRequests.Select(ChangeRequestTable.ToRow));
        await Upsert(TableNames.Checklist, data.Checklist.Select(ChecklistTable.ToRow));
        await Upsert(TableNames.Milestones, data.Milestones.Select(MilestoneTable.ToRow));
        await Upsert(TableNames.Events, data.Events.Select(EventTable.ToRow));
        await Upsert(TableNames.GroupUpdatesByRef, data.GroupUpdates.SelectMany(GroupUpdateTable.RefRows));
        await Upsert(TableNames.GroupUpdates, data.GroupUpdates.Select(GroupUpdateTable.ToRow));

        Task Upsert(string table, IEnumerable<TableEntity> rows) =>
            TableRows.UpsertBatchedAsync(tables.Get(table), rows.ToList(), cancellationToken);
    }
}
