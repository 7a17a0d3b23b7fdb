using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Milestones;

/// <summary>Programme milestones in table storage; see <see cref="MilestoneTable"/>.</summary>
public sealed class MilestoneStore(GovBotTables tables)
{
    private TableClient Milestones => tables.Get(TableNames.Milestones);

    public async Task<Versioned<Milestone>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Milestones, MilestoneTable.Partition, id, cancellationToken);
        return row is null ? null : new(MilestoneTable.FromRow(row), row.ETag);
    }

    public async Task<IReadOnlyList<Milestone>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Milestones, ListFilter, cancellationToken);
        return rows.Select(MilestoneTable.FromRow).ToList();
    }

    public async Task<Versioned<Milestone>> UpsertAsync(Milestone milestone, CancellationToken cancellationToken) =>
        new(milestone, await TableRows.UpsertAsync(Milestones, MilestoneTable.ToRow(milestone), cancellationToken));

    /// <summary>Replaces the milestone if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public async Task<Versioned<Milestone>> UpdateAsync(Versioned<Milestone> current, Milestone changed, CancellationToken cancellationToken)
    {
        if (changed.Id != current.Value.Id) throw new ArgumentException("An update cannot change a milestone's id.", nameof(changed));
        var etag = await TableRows.ReplaceIfUnchangedAsync(Milestones, MilestoneTable.ToRow(changed), current.ETag, cancellationToken);
        return etag is { } e
            ? new(changed, e)
            : throw new ConcurrencyConflictException<Milestone>($"Milestone {changed.Id}", await GetAsync(changed.Id, cancellationToken));
    }

    internal static string ListFilter => TableRows.Partition(MilestoneTable.Partition);
}
