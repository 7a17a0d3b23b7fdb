using GovBot.Storage;

namespace GovBot.Features.Milestones;

/// <summary>Programme milestones in table storage, by id; see <see cref="MilestoneTable"/>.</summary>
public sealed class MilestoneStore(GovBotTables tables)
{
    private readonly EntityStore<Milestone> _rows = new(tables, MilestoneTable.Mapping);

    public Task<Versioned<Milestone>?> GetAsync(string id, CancellationToken cancellationToken) =>
        _rows.GetAsync(MilestoneTable.Partition, id, cancellationToken);

    public Task<IReadOnlyList<Milestone>> ListAsync(CancellationToken cancellationToken) =>
        _rows.ListAsync(MilestoneTable.Partition, cancellationToken);

    public Task<Versioned<Milestone>> UpsertAsync(Milestone milestone, CancellationToken cancellationToken) => _rows.UpsertAsync(milestone, cancellationToken);

    /// <summary>Replaces the milestone if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public Task<Versioned<Milestone>> UpdateAsync(Versioned<Milestone> current, Milestone changed, CancellationToken cancellationToken) =>
        _rows.UpdateAsync(current, changed, cancellationToken);
}
