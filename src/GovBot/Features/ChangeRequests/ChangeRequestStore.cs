using GovBot.Storage;

namespace GovBot.Features.ChangeRequests;

/// <summary>Change requests in table storage, by id; see <see cref="ChangeRequestTable"/>.</summary>
public sealed class ChangeRequestStore(GovBotTables tables)
{
    private readonly EntityStore<ChangeRequest> _rows = new(tables, ChangeRequestTable.Mapping);

    public Task<Versioned<ChangeRequest>?> GetAsync(string id, CancellationToken cancellationToken) =>
        _rows.GetAsync(ChangeRequestTable.Partition, id, cancellationToken);

    /// <summary>Every CR by id.</summary>
    public Task<IReadOnlyList<ChangeRequest>> ListAsync(CancellationToken cancellationToken) =>
        _rows.ListAsync(ChangeRequestTable.Partition, cancellationToken);

    public Task<Versioned<ChangeRequest>> CreateAsync(ChangeRequest cr, CancellationToken cancellationToken) => _rows.CreateAsync(cr, cancellationToken);

    public Task<Versioned<ChangeRequest>> UpsertAsync(ChangeRequest cr, CancellationToken cancellationToken) => _rows.UpsertAsync(cr, cancellationToken);

    /// <summary>Replaces the CR if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public Task<Versioned<ChangeRequest>> UpdateAsync(Versioned<ChangeRequest> current, ChangeRequest changed, CancellationToken cancellationToken) =>
        _rows.UpdateAsync(current, changed, cancellationToken);

    /// <summary>The CR with this id, for <see cref="ETagUpdate"/>.</summary>
    public VersionedRow<ChangeRequest> Row(string id) => _rows.Row(ChangeRequestTable.Partition, id, $"Change request {id}");

    internal static string ListFilter => TableRows.Partition(ChangeRequestTable.Partition);
}
