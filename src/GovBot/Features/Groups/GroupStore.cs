using GovBot.Storage;

namespace GovBot.Features.Groups;

/// <summary>Governance groups in table storage, by code; see <see cref="GroupTable"/>.</summary>
public sealed class GroupStore(GovBotTables tables)
{
    private readonly EntityStore<Group> _rows = new(tables, GroupTable.Mapping);

    public Task<Versioned<Group>?> GetAsync(string code, CancellationToken cancellationToken) =>
        _rows.GetAsync(GroupTable.Partition, code, cancellationToken);

    /// <summary>Every group, active and historic, by code.</summary>
    public Task<IReadOnlyList<Group>> ListAsync(CancellationToken cancellationToken) =>
        _rows.ListAsync(GroupTable.Partition, cancellationToken);

    /// <summary>True when no group is stored (a fresh environment).</summary>
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => _rows.IsEmptyAsync(GroupTable.Partition, cancellationToken);

    public Task<Versioned<Group>> CreateAsync(Group group, CancellationToken cancellationToken) => _rows.CreateAsync(group, cancellationToken);

    public Task<Versioned<Group>> UpsertAsync(Group group, CancellationToken cancellationToken) => _rows.UpsertAsync(group, cancellationToken);

    /// <summary>Replaces the group if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public Task<Versioned<Group>> UpdateAsync(Versioned<Group> current, Group changed, CancellationToken cancellationToken) =>
        _rows.UpdateAsync(current, changed, cancellationToken);
}
