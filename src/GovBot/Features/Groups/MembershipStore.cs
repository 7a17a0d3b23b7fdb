using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Groups;

/// <summary>Seats in groups, by group and by person; see <see cref="GroupTable"/>.</summary>
public sealed class MembershipStore(GovBotTables tables)
{
    private TableClient Memberships => tables.Get(TableNames.Memberships);

    public async Task<IReadOnlyList<GroupMembership>> ListByGroupAsync(string groupCode, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Memberships, ByGroupFilter(groupCode), cancellationToken);
        return rows.Select(GroupTable.MembershipFromRow).ToList();
    }

    /// <summary>The seats of one person; each checked against the group's row (the source of truth).</summary>
    public async Task<IReadOnlyList<GroupMembership>> ListByPersonAsync(string personId, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Memberships, ByPersonFilter(personId), cancellationToken);
        var confirmed = await TableRows.ReadManyAsync(
            rows.Select(GroupTable.MembershipFromRow),
            async (m, ct) =>
            {
                var primary = GroupTable.GroupRow(m);
                var row = await TableRows.GetAsync(Memberships, primary.PartitionKey, primary.RowKey, ct);
                return row is null ? null : GroupTable.MembershipFromRow(row);
            },
            cancellationToken);
        return confirmed.OrderBy(m => m.GroupCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds or replaces a seat (the pair of group, person and role is its identity).</summary>
    public async Task UpsertAsync(GroupMembership membership, CancellationToken cancellationToken)
    {
        await TableRows.UpsertAsync(Memberships, GroupTable.PersonRow(membership), cancellationToken);
        await TableRows.UpsertAsync(Memberships, GroupTable.GroupRow(membership), cancellationToken);
    }

    /// <summary>Removes a seat: the group row first, so a crash leaves only an index row that reads ignore.</summary>
    public async Task DeleteAsync(GroupMembership membership, CancellationToken cancellationToken)
    {
        var primary = GroupTable.GroupRow(membership);
        var index = GroupTable.PersonRow(membership);
        await TableRows.DeleteIfExistsAsync(Memberships, primary.PartitionKey, primary.RowKey, cancellationToken);
        await TableRows.DeleteIfExistsAsync(Memberships, index.PartitionKey, index.RowKey, cancellationToken);
    }

    internal static string ByGroupFilter(string groupCode) => TableRows.Partition(GroupTable.GroupPartition(groupCode));

    internal static string ByPersonFilter(string personId) => TableRows.Partition(GroupTable.PersonPartition(personId));
}
