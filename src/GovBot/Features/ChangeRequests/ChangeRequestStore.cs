using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.ChangeRequests;

/// <summary>Change requests in table storage; see <see cref="ChangeRequestTable"/>.</summary>
public sealed class ChangeRequestStore(GovBotTables tables)
{
    private TableClient Crs => tables.Get(TableNames.ChangeRequests);

    public async Task<Versioned<ChangeRequest>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Crs, ChangeRequestTable.Partition, id, cancellationToken);
        return row is null ? null : new(ChangeRequestTable.FromRow(row), row.ETag);
    }

    /// <summary>Every CR by id.</summary>
    public async Task<IReadOnlyList<ChangeRequest>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Crs, ListFilter, cancellationToken);
        return rows.Select(ChangeRequestTable.FromRow).ToList();
    }

    public async Task<Versioned<ChangeRequest>> CreateAsync(ChangeRequest cr, CancellationToken cancellationToken) =>
        new(cr, await TableRows.AddAsync(Crs, ChangeRequestTable.ToRow(cr), $"Change request {cr.Id}", cancellationToken));

    public async Task<Versioned<ChangeRequest>> UpsertAsync(ChangeRequest cr, CancellationToken cancellationToken) =>
        new(cr, await TableRows.UpsertAsync(Crs, ChangeRequestTable.ToRow(cr), cancellationToken));

    /// <summary>Replaces the CR if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public async Task<Versioned<ChangeRequest>> UpdateAsync(Versioned<ChangeRequest> current, ChangeRequest changed, CancellationToken cancellationToken)
    {
        if (changed.Id != current.Value.Id) throw new ArgumentException("An update cannot change a CR's id.", nameof(changed));
        var etag = await TableRows.ReplaceIfUnchangedAsync(Crs, ChangeRequestTable.ToRow(changed), current.ETag, cancellationToken);
        return etag is { } e
            ? new(changed, e)
            : throw new ConcurrencyConflictException<ChangeRequest>($"Change request {changed.Id}", await GetAsync(changed.Id, cancellationToken));
    }

    internal static string ListFilter => TableRows.Partition(ChangeRequestTable.Partition);
}
