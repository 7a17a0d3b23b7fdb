using GovBot.Storage;

namespace GovBot.Features.Events;

/// <summary>Programme events in table storage: one partition, by day; see <see cref="EventTable"/>.</summary>
public sealed class EventStore(GovBotTables tables)
{
    private readonly EntityStore<ProgrammeEvent> _rows = new(tables, EventTable.Mapping);

    /// <summary>Events on a day in [from, to], by date: one RowKey range of the partition.</summary>
    public async Task<IReadOnlyList<ProgrammeEvent>> ListBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(_rows.Table, TableRows.PartitionRowRange(EventTable.Partition, EventTable.From(from), EventTable.ToExclusive(to)), cancellationToken);
        return rows.Select(EventTable.FromRow).OrderBy(e => e.Date).ThenBy(e => e.Start).ToList();
    }

    /// <summary>Every event (the search index's list; one partition).</summary>
    public Task<IReadOnlyList<ProgrammeEvent>> ListAllAsync(CancellationToken cancellationToken) => _rows.ListAsync(EventTable.Partition, cancellationToken);

    /// <summary>The stored event with this one's date and title, or null.</summary>
    public Task<Versioned<ProgrammeEvent>?> GetAsync(ProgrammeEvent e, CancellationToken cancellationToken) =>
        _rows.GetAsync(EventTable.Partition, EventTable.RowKey(e), cancellationToken);

    /// <summary>Creates or replaces (imports, seeding): the key is the date and title, so the same event is one row.</summary>
    public Task<Versioned<ProgrammeEvent>> UpsertAsync(ProgrammeEvent e, CancellationToken cancellationToken) => _rows.UpsertAsync(e, cancellationToken);
}
