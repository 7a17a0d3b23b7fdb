using GovBot.Storage;

namespace GovBot.Features.Decisions;

/// <summary>Decision logs in table storage, by group and number; see <see cref="DecisionTable"/>.</summary>
public sealed class DecisionStore(GovBotTables tables)
{
    private readonly EntityStore<Decision> _rows = new(tables, DecisionTable.Mapping);

    public Task<Versioned<Decision>?> GetAsync(string groupCode, int number, CancellationToken cancellationToken) =>
        _rows.GetAsync(groupCode, DecisionTable.RowKey(number), cancellationToken);

    /// <summary>A group's decisions in number order.</summary>
    public Task<IReadOnlyList<Decision>> ListByGroupAsync(string groupCode, CancellationToken cancellationToken) =>
        _rows.ListAsync(groupCode, cancellationToken);

    public Task<Versioned<Decision>> CreateAsync(Decision decision, CancellationToken cancellationToken) => _rows.CreateAsync(decision, cancellationToken);

    public Task<Versioned<Decision>> UpsertAsync(Decision decision, CancellationToken cancellationToken) => _rows.UpsertAsync(decision, cancellationToken);

    /// <summary>Replaces the decision if unchanged since read (e.g. recording the SRO's outcome); otherwise a conflict.</summary>
    public Task<Versioned<Decision>> UpdateAsync(Versioned<Decision> current, Decision changed, CancellationToken cancellationToken) =>
        _rows.UpdateAsync(current, changed, cancellationToken);
}
