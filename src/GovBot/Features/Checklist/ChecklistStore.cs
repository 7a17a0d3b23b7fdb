using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Checklist;

/// <summary>The participant checklist in table storage; see <see cref="ChecklistTable"/>.</summary>
public sealed class ChecklistStore(GovBotTables tables)
{
    private TableClient Checklist => tables.Get(TableNames.Checklist);

    /// <summary>The item with this id; the deadline (null for information items) names its partition.</summary>
    public async Task<Versioned<ChecklistItem>?> GetAsync(string id, DateOnly? deadline, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Checklist, ChecklistTable.PartitionKey(deadline), id, cancellationToken);
        return row is null ? null : new(ChecklistTable.FromRow(row), row.ETag);
    }

    /// <summary>Items with a deadline on a day in [from, to], by deadline.</summary>
    public async Task<IReadOnlyList<ChecklistItem>> ListWithDeadlineBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var items = new List<ChecklistItem>();
        foreach (var filter in DeadlineBetweenFilters(from, to))
        {
            items.AddRange((await TableRows.QueryAsync(Checklist, filter, cancellationToken)).Select(ChecklistTable.FromRow));
        }
        return items
            .Where(i => i.Deadline is { } d && d >= from && d <= to)
            .DistinctBy(i => i.Id)
            .OrderBy(i => i.Deadline).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every item, newest publication first (a deliberate whole-table read of a small table).</summary>
    public async Task<IReadOnlyList<ChecklistItem>> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<ChecklistItem>();
        await foreach (var row in Checklist.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            items.Add(ChecklistTable.FromRow(row));
        }
        return items.DistinctBy(i => i.Id).OrderByDescending(i => i.Published).ThenBy(i => i.Number).ToList();
    }

    public async Task<Versioned<ChecklistItem>> UpsertAsync(ChecklistItem item, CancellationToken cancellationToken) =>
        new(item, await TableRows.UpsertAsync(Checklist, ChecklistTable.ToRow(item), cancellationToken));

    /// <summary>
    /// Replaces the item if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.
    /// A new deadline month moves the row across partitions (no transaction possible): the new row is written,
    /// then the old one deleted with its ETag; if that delete fails the new row is removed again and the conflict
    /// reported. A crash in between leaves two copies, which reads collapse by id.
    /// </summary>
    public async Task<Versioned<ChecklistItem>> UpdateAsync(Versioned<ChecklistItem> current, ChecklistItem changed, CancellationToken cancellationToken)
    {
        if (changed.Id != current.Value.Id) throw new ArgumentException("An update cannot change a checklist item's id.", nameof(changed));
        var row = ChecklistTable.ToRow(changed);
        var oldPartition = ChecklistTable.PartitionKey(current.Value.Deadline);
        if (row.PartitionKey == oldPartition)
        {
            var etag = await TableRows.ReplaceIfUnchangedAsync(Checklist, row, current.ETag, cancellationToken);
            return etag is { } e ? new(changed, e) : throw await ConflictAsync(changed.Id, current.Value.Deadline, cancellationToken);
        }
        var newEtag = await TableRows.UpsertAsync(Checklist, row, cancellationToken);
        bool deleted;
        try
        {
            // The SDK reports a missing row as a 404 response rather than an exception.
            deleted = (await Checklist.DeleteEntityAsync(oldPartition, current.Value.Id, current.ETag, cancellationToken)).Status != 404;
        }
        catch (Azure.RequestFailedException e) when (e.Status is 412 or 404)
        {
            deleted = false;
        }
        if (!deleted)
        {
            await TableRows.DeleteIfExistsAsync(Checklist, row.PartitionKey, row.RowKey, cancellationToken);
            throw await ConflictAsync(changed.Id, current.Value.Deadline, cancellationToken);
        }
        return new(changed, newEtag);
    }

    private async Task<ConcurrencyConflictException<ChecklistItem>> ConflictAsync(string id, DateOnly? deadline, CancellationToken ct) =>
        new($"Checklist item {id}", await GetAsync(id, deadline, ct));

    internal static IEnumerable<string> DeadlineBetweenFilters(DateOnly from, DateOnly to) =>
        TableKeys.MonthsBetween(from, to).Select(TableRows.Partition);
}
