using Azure.Data.Tables;

namespace GovBot.Storage;

/// <summary>
/// Maintenance of pointer index rows. Order of a change: write the new value's index rows, write the primary row,
/// then remove the index rows only the old value needed. Readers check every index hit against the primary row.
/// </summary>
internal static class IndexRows
{
    public static Task WriteAsync(TableClient index, IEnumerable<TableEntity> rows, CancellationToken ct) =>
        TableRows.UpsertBatchedAsync(index, rows, ct);

    /// <summary>Deletes rows of <paramref name="previous"/> that <paramref name="current"/> does not have.</summary>
    public static async Task RemoveStaleAsync(
        TableClient index, IEnumerable<TableEntity> previous, IEnumerable<TableEntity> current, CancellationToken ct)
    {
        var keep = current.Select(Key).ToHashSet();
        foreach (var stale in previous.Where(r => !keep.Contains(Key(r))).DistinctBy(Key))
        {
            await TableRows.DeleteIfExistsAsync(index, stale.PartitionKey, stale.RowKey, ct);
        }
    }

    private static (string, string) Key(TableEntity r) => (r.PartitionKey, r.RowKey);
}
