using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Groups;

/// <summary>Governance groups in table storage; see <see cref="GroupTable"/>.</summary>
public sealed class GroupStore(GovBotTables tables)
{
    private TableClient Groups => tables.Get(TableNames.Groups);

    public async Task<Versioned<Group>?> GetAsync(string code, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Groups, GroupTable.Partition, code, cancellationToken);
        return row is null ? null : new(GroupTable.FromRow(row), row.ETag);
    }

    /// <summary>Every group, active and historic, by code.</summary>
    public async Task<IReadOnlyList<Group>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Groups, ListFilter, cancellationToken);
        return rows.Select(GroupTable.FromRow).ToList();
    }

    /// <summary>True when no group is stored (a fresh environment).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in Groups.QueryAsync<TableEntity>(ListFilter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return false;
        }
        return true;
    }

    public async Task<Versioned<Group>> CreateAsync(Group group, CancellationToken cancellationToken) =>
        new(group, await TableRows.AddAsync(Groups, GroupTable.ToRow(group), $"Group {group.Code}", cancellationToken));

    public async Task<Versioned<Group>> UpsertAsync(Group group, CancellationToken cancellationToken) =>
        new(group, await TableRows.UpsertAsync(Groups, GroupTable.ToRow(group), cancellationToken));

    /// <summary>Replaces the group if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public async Task<Versioned<Group>> UpdateAsync(Versioned<Group> current, Group changed, CancellationToken cancellationToken)
    {
        if (changed.Code != current.Value.Code) throw new ArgumentException("An update cannot change a group's code.", nameof(changed));
        var etag = await TableRows.ReplaceIfUnchangedAsync(Groups, GroupTable.ToRow(changed), current.ETag, cancellationToken);
        return etag is { } e
            ? new(changed, e)
            : throw new ConcurrencyConflictException<Group>($"Group {changed.Code}", await GetAsync(changed.Code, cancellationToken));
    }

    internal static string ListFilter => TableRows.Partition(GroupTable.Partition);
}
