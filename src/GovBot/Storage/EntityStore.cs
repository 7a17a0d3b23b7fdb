using Azure.Data.Tables;

namespace GovBot.Storage;

/// <summary>
/// How one kind of record is kept in one table: the slice's table class supplies it (keys and columns stay there).
/// </summary>
/// <param name="Table">The logical table name (<see cref="TableNames"/>).</param>
/// <param name="Describe">"Change request CR043": names a record in errors.</param>
public sealed record TableMapping<T>(string Table, Func<T, TableEntity> ToRow, Func<TableEntity, T> FromRow, Func<T, string> Describe)
    where T : class;

/// <summary>
/// The store every simple record needs (one row per record, no index rows): point reads, partition lists, add,
/// upsert, and replace under the ETag. Slices wrap it in a thin typed store that turns their ids into keys.
/// </summary>
public sealed class EntityStore<T>(GovBotTables tables, TableMapping<T> mapping) where T : class
{
    internal TableClient Table => tables.Get(mapping.Table);

    public async Task<Versioned<T>?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Table, partitionKey, rowKey, cancellationToken);
        return row is null ? null : new(mapping.FromRow(row), row.ETag);
    }

    /// <summary>Every record of one partition, in row key order.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Table, TableRows.Partition(partitionKey), cancellationToken);
        return rows.Select(mapping.FromRow).ToList();
    }

    /// <summary>True when the partition holds no row (reads one key at most).</summary>
    public async Task<bool> IsEmptyAsync(string partitionKey, CancellationToken cancellationToken)
    {
        await foreach (var _ in Table.QueryAsync<TableEntity>(TableRows.Partition(partitionKey), maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return false;
        }
        return true;
    }

    /// <summary>Adds a new record; <see cref="EntityAlreadyExistsException"/> when its key is taken.</summary>
    public async Task<Versioned<T>> CreateAsync(T record, CancellationToken cancellationToken) =>
        new(record, await TableRows.AddAsync(Table, mapping.ToRow(record), mapping.Describe(record), cancellationToken));

    /// <summary>Creates or replaces without a concurrency check: for seeding and imports.</summary>
    public async Task<Versioned<T>> UpsertAsync(T record, CancellationToken cancellationToken) =>
        new(record, await TableRows.UpsertAsync(Table, mapping.ToRow(record), cancellationToken));

    /// <summary>Replaces the record if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/> with what is stored now.</summary>
    public async Task<Versioned<T>> UpdateAsync(Versioned<T> current, T changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var row = mapping.ToRow(changed);
        var before = mapping.ToRow(current.Value);
        if (row.PartitionKey != before.PartitionKey || row.RowKey != before.RowKey)
        {
            throw new ArgumentException($"An update cannot change the key of {mapping.Describe(current.Value)}.", nameof(changed));
        }
        var etag = await TableRows.ReplaceIfUnchangedAsync(Table, row, current.ETag, cancellationToken);
        return etag is { } e
            ? new(changed, e)
            : throw new ConcurrencyConflictException<T>(mapping.Describe(changed), await GetAsync(row.PartitionKey, row.RowKey, cancellationToken));
    }

    /// <summary>The record with these keys, for <see cref="ETagUpdate"/>.</summary>
    public VersionedRow<T> Row(string partitionKey, string rowKey, string what) =>
        new(what, ct => GetAsync(partitionKey, rowKey, ct), CreateAsync, UpdateAsync);
}

/// <summary>
/// Records kept together in one partition, one row each by id (change requests, groups, milestones): the slice's
/// store is this with its mapping and partition, plus whatever else it needs.
/// </summary>
/// <param name="noun">"Change request": names a record in errors.</param>
public abstract class SinglePartitionStore<T>(GovBotTables tables, TableMapping<T> mapping, string partition, string noun) where T : class
{
    protected EntityStore<T> Rows { get; } = new(tables, mapping);

    public Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken) => Rows.GetAsync(partition, id, cancellationToken);

    /// <summary>Every record, by id.</summary>
    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) => Rows.ListAsync(partition, cancellationToken);

    /// <summary>True when none is stored.</summary>
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => Rows.IsEmptyAsync(partition, cancellationToken);

    /// <summary>Adds a new record; <see cref="EntityAlreadyExistsException"/> when its id is taken.</summary>
    public Task<Versioned<T>> CreateAsync(T record, CancellationToken cancellationToken) => Rows.CreateAsync(record, cancellationToken);

    /// <summary>Creates or replaces without a concurrency check: for seeding and imports.</summary>
    public Task<Versioned<T>> UpsertAsync(T record, CancellationToken cancellationToken) => Rows.UpsertAsync(record, cancellationToken);

    /// <summary>Replaces the record if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public Task<Versioned<T>> UpdateAsync(Versioned<T> current, T changed, CancellationToken cancellationToken) =>
        Rows.UpdateAsync(current, changed, cancellationToken);

    /// <summary>The record with this id, for <see cref="ETagUpdate"/>.</summary>
    public VersionedRow<T> Row(string id) => Rows.Row(partition, id, $"{noun} {id}");
}
