using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Decisions;

/// <summary>Decision logs in table storage; see <see cref="DecisionTable"/>.</summary>
public sealed class DecisionStore(GovBotTables tables)
{
    private TableClient Decisions => tables.Get(TableNames.Decisions);

    public async Task<Versioned<Decision>?> GetAsync(string groupCode, int number, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Decisions, groupCode, DecisionTable.RowKey(number), cancellationToken);
        return row is null ? null : new(DecisionTable.FromRow(row), row.ETag);
    }

    /// <summary>A group's decisions in number order.</summary>
    public async Task<IReadOnlyList<Decision>> ListByGroupAsync(string groupCode, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Decisions, ByGroupFilter(groupCode), cancellationToken);
        return rows.Select(DecisionTable.FromRow).ToList();
    }

    public async Task<Versioned<Decision>> CreateAsync(Decision decision, CancellationToken cancellationToken) =>
        new(decision, await TableRows.AddAsync(Decisions, DecisionTable.ToRow(decision), $"Decision {decision.GroupCode} [{decision.Number}]", cancellationToken));

    public async Task<Versioned<Decision>> UpsertAsync(Decision decision, CancellationToken cancellationToken) =>
        new(decision, await TableRows.UpsertAsync(Decisions, DecisionTable.ToRow(decision), cancellationToken));

    /// <summary>Replaces the decision if unchanged since read (e.g. recording the SRO's outcome); otherwise a conflict.</summary>
    public async Task<Versioned<Decision>> UpdateAsync(Versioned<Decision> current, Decision changed, CancellationToken cancellationToken)
    {
        if (changed.GroupCode != current.Value.GroupCode || changed.Number != current.Value.Number)
        {
            throw new ArgumentException("An update cannot change a decision's group or number.", nameof(changed));
        }
        var etag = await TableRows.ReplaceIfUnchangedAsync(Decisions, DecisionTable.ToRow(changed), current.ETag, cancellationToken);
        return etag is { } e
            ? new(changed, e)
            : throw new ConcurrencyConflictException<Decision>(
                $"Decision {changed.GroupCode} [{changed.Number}]", await GetAsync(changed.GroupCode, changed.Number, cancellationToken));
    }

    internal static string ByGroupFilter(string groupCode) => TableRows.Partition(groupCode);
}
