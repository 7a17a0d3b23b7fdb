using GovBot.Storage;

namespace GovBot.Features.GroupUpdates;

/// <summary>Group updates in table storage; see <see cref="GroupUpdateTable"/> for keys and the copies by CR.</summary>
public sealed class GroupUpdateStore(GovBotTables tables)
{
    private readonly EntityStore<GroupUpdate> _rows = new(tables, GroupUpdateTable.Mapping);
    private Azure.Data.Tables.TableClient ByRef => tables.Get(TableNames.GroupUpdatesByRef);

    /// <summary>A group's updates, newest meeting first, topics in order: one partition.</summary>
    public async Task<IReadOnlyList<GroupUpdate>> ListByGroupAsync(string groupCode, CancellationToken cancellationToken) =>
        Newest(await _rows.ListAsync(groupCode, cancellationToken));

    /// <summary>Updates of every group that mention the CR, newest first: one partition of the copies.</summary>
    public async Task<IReadOnlyList<GroupUpdate>> ListByChangeRequestAsync(string changeRequestId, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(ByRef, TableRows.Partition(changeRequestId), cancellationToken);
        return Newest(rows.Select(GroupUpdateTable.FromRow));
    }

    /// <summary>Every group's updates (the search index's list: a few hundred rows).</summary>
    public async Task<IReadOnlyList<GroupUpdate>> ListAllAsync(CancellationToken cancellationToken) =>
        Newest((await TableRows.QueryAsync(_rows.Table, "", cancellationToken)).Select(GroupUpdateTable.FromRow));

    public Task<Versioned<GroupUpdate>?> GetAsync(string groupCode, DateOnly meetingDate, int order, CancellationToken cancellationToken) =>
        _rows.GetAsync(groupCode, GroupUpdateTable.RowKey(meetingDate, order), cancellationToken);

    /// <summary>Creates or replaces (imports, seeding); copies by CR first, and copies the update no longer earns removed after.</summary>
    public async Task UpsertAsync(GroupUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var previous = await GetAsync(update.GroupCode, update.MeetingDate, update.Order, cancellationToken);
        var copies = GroupUpdateTable.RefRows(update).ToList();
        await IndexRows.WriteAsync(ByRef, copies, cancellationToken);
        await _rows.UpsertAsync(update, cancellationToken);
        if (previous is not null)
        {
            await IndexRows.RemoveStaleAsync(ByRef, GroupUpdateTable.RefRows(previous.Value).ToList(), copies, cancellationToken);
        }
    }

    private static List<GroupUpdate> Newest(IEnumerable<GroupUpdate> updates) =>
        updates.OrderByDescending(u => u.MeetingDate).ThenBy(u => u.GroupCode, StringComparer.Ordinal).ThenBy(u => u.Order).ToList();
}
