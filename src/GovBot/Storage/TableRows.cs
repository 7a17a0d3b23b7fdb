using Azure;
using Azure.Data.Tables;

namespace GovBot.Storage;

/// <summary>The few table operations every store needs, with the status codes turned into GovBot's exceptions.</summary>
internal static class TableRows
{
    /// <summary>Transactions may hold at most 100 operations, all in one partition.</summary>
    internal const int MaxBatch = 100;

    /// <summary>The row with these keys; null when there is none, or when the keys could not be keys at all (a lookup by what someone typed).</summary>
    public static async Task<TableEntity?> GetAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        if (!TableKeys.IsValid(partitionKey) || !TableKeys.IsValid(rowKey)) return null;
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    public static async Task<List<TableEntity>> QueryAsync(TableClient table, string filter, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Adds a new row; a row with the same keys gives <see cref="EntityAlreadyExistsException"/>.</summary>
    public static async Task<ETag> AddAsync(TableClient table, TableEntity row, string what, CancellationToken ct)
    {
        try
        {
            var response = await table.AddEntityAsync(row, ct);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new EntityAlreadyExistsException(what, e);
        }
    }

    public static async Task<ETag> UpsertAsync(TableClient table, TableEntity row, CancellationToken ct)
    {
        var response = await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Replaces the row only if it still has <paramref name="etag"/>; null when it changed or vanished (412/404).</summary>
    public static async Task<ETag?> ReplaceIfUnchangedAsync(TableClient table, TableEntity row, ETag etag, CancellationToken ct)
    {
        try
        {
            var response = await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, ct);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct) =>
        // The SDK answers 404 with a response rather than an exception.
        await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);

    /// <summary>
    /// Upserts rows (replace) in transactions of at most 100, one partition per transaction. Azurite accepts
    /// cross-partition batches (Azurite #1215) but Azure rejects them, so the grouping is done here.
    /// </summary>
    public static async Task UpsertBatchedAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            // Last write wins inside a batch: a transaction may not touch the same row twice.
            var distinct = partition.GroupBy(r => r.RowKey, StringComparer.Ordinal).Select(g => g.Last()).ToList();
            foreach (var chunk in distinct.Chunk(MaxBatch))
            {
                var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r));
                await table.SubmitTransactionAsync(actions, ct);
            }
        }
    }

    /// <summary>Every partition scoped query the stores issue goes through here, so tests can read the filter.</summary>
    public static string Partition(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

    public static string PartitionRowRange(string partitionKey, string rowKeyFrom, string rowKeyToExclusive) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {rowKeyFrom} and RowKey lt {rowKeyToExclusive}");

    /// <summary>Point reads of many rows, a few at a time.</summary>
    public static async Task<List<TResult>> ReadManyAsync<TKey, TResult>(
        IEnumerable<TKey> keys, Func<TKey, CancellationToken, Task<TResult?>> read, CancellationToken ct)
        where TResult : class
    {
        var list = keys.ToList();
        var results = new TResult?[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, token) => results[i] = await read(list[i], token));
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }
}
