using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Actions;

/// <summary>The action log in table storage; see <see cref="ActionTable"/> for keys and partitions.</summary>
public sealed class ActionStore(GovBotTables tables)
{
    private TableClient Actions => tables.Get(TableNames.Actions);
    private TableClient Index => tables.Get(TableNames.ActionIndex);

    /// <summary>The action with this ref, or null.</summary>
    public async Task<Versioned<ActionItem>?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (ActionTable.RefPrefix(reference) is { } prefix)
        {
            var direct = await GetAsync(prefix, reference, cancellationToken);
            if (direct is not null) return direct;
        }
        var pointer = await TableRows.GetAsync(Index, ActionTable.RefPartition(reference), reference, cancellationToken);
        return pointer?.GetString("GroupCode") is { } group ? await GetAsync(group, reference, cancellationToken) : null;
    }

    private async Task<Versioned<ActionItem>?> GetAsync(string groupCode, string reference, CancellationToken ct)
    {
        var row = await TableRows.GetAsync(Actions, groupCode, reference, ct);
        return row is null ? null : new Versioned<ActionItem>(ActionTable.FromRow(row), row.ETag);
    }

    /// <summary>A group's action log, ordered by ref.</summary>
    public async Task<IReadOnlyList<ActionItem>> ListByGroupAsync(string groupCode, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Actions, ByGroupFilter(groupCode), cancellationToken);
        return rows.Select(ActionTable.FromRow).ToList();
    }

    /// <summary>Every action, by group and ref: a deliberate whole-table read, for exports.</summary>
    public async Task<IReadOnlyList<ActionItem>> ListAllAsync(CancellationToken cancellationToken)
    {
        var items = new List<ActionItem>();
        await foreach (var row in Actions.QueryAsync<TableEntity>(cancellationToken: cancellationToken)) items.Add(ActionTable.FromRow(row));
        return items.OrderBy(a => a.GroupCode, StringComparer.Ordinal).ThenBy(a => a.Ref, StringComparer.Ordinal).ToList();
    }

    /// <summary>Actions one party owns (a person, "DAG members", "CCAG chair", the PMO, an organisation).</summary>
    public async Task<IReadOnlyList<ActionItem>> ListByOwnerPartyAsync(OwnerParty owner, CancellationToken cancellationToken)
    {
        var partition = ActionTable.OwnerPartition(owner);
        var pointers = await TableRows.QueryAsync(Index, ByOwnerFilter(owner), cancellationToken);
        var actions = await ResolveAsync(pointers, cancellationToken);
        return actions
            .Where(a => a.Owners.Any(o => ActionTable.OwnerPartition(o) == partition))
            .OrderBy(a => a.Ref, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Actions due on a day in [from, to], by due date then ref; open and closed (callers filter by status).</summary>
    public async Task<IReadOnlyList<ActionItem>> ListDueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // One query per due month, all at once: a window of any length costs one round trip, then the point reads.
        var months = await Task.WhenAll(DueBetweenFilters(from, to).Select(filter => TableRows.QueryAsync(Index, filter, cancellationToken)));
        var actions = await ResolveAsync(months.SelectMany(m => m), cancellationToken);
        return actions
            .Where(a => a.Due is { } d && d >= from && d <= to)
            .OrderBy(a => a.Due).ThenBy(a => a.Ref, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Adds a new action; <see cref="EntityAlreadyExistsException"/> when the ref is taken.</summary>
    public async Task<Versioned<ActionItem>> CreateAsync(ActionItem action, CancellationToken cancellationToken)
    {
        var row = ActionTable.ToRow(action);
        var index = ActionTable.IndexRows(action).ToList();
        await IndexRows.WriteAsync(Index, index, cancellationToken);
        try
        {
            var etag = await TableRows.AddAsync(Actions, row, $"Action {action.Ref}", cancellationToken);
            return new(action, etag);
        }
        catch (EntityAlreadyExistsException)
        {
            var existing = await GetAsync(action.GroupCode, action.Ref, cancellationToken);
            await IndexRows.RemoveStaleAsync(Index, index, existing is null ? [] : ActionTable.IndexRows(existing.Value), cancellationToken);
            throw;
        }
    }

    /// <summary>Creates or replaces without a concurrency check: for seeding and imports.</summary>
    public async Task<Versioned<ActionItem>> UpsertAsync(ActionItem action, CancellationToken cancellationToken)
    {
        var row = ActionTable.ToRow(action);
        var previous = await GetAsync(action.GroupCode, action.Ref, cancellationToken);
        var index = ActionTable.IndexRows(action).ToList();
        await IndexRows.WriteAsync(Index, index, cancellationToken);
        var etag = await TableRows.UpsertAsync(Actions, row, cancellationToken);
        if (previous is not null)
        {
            await IndexRows.RemoveStaleAsync(Index, ActionTable.IndexRows(previous.Value), index, cancellationToken);
        }
        return new(action, etag);
    }

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="changed"/> if nobody changed it since it was read;
    /// otherwise throws <see cref="ConcurrencyConflictException{T}"/> carrying the stored version.
    /// The ref and group cannot change.
    /// </summary>
    public async Task<Versioned<ActionItem>> UpdateAsync(Versioned<ActionItem> current, ActionItem changed, CancellationToken cancellationToken)
    {
        if (changed.Ref != current.Value.Ref || changed.GroupCode != current.Value.GroupCode)
        {
            throw new ArgumentException($"An update cannot change an action's ref or group ({current.Value.Ref}).", nameof(changed));
        }
        var row = ActionTable.ToRow(changed);
        var index = ActionTable.IndexRows(changed).ToList();
        await IndexRows.WriteAsync(Index, index, cancellationToken);
        var etag = await TableRows.ReplaceIfUnchangedAsync(Actions, row, current.ETag, cancellationToken);
        if (etag is null)
        {
            var latest = await GetAsync(changed.GroupCode, changed.Ref, cancellationToken);
            await IndexRows.RemoveStaleAsync(Index, index, latest is null ? [] : ActionTable.IndexRows(latest.Value), cancellationToken);
            throw new ConcurrencyConflictException<ActionItem>($"Action {changed.Ref}", latest);
        }
        await IndexRows.RemoveStaleAsync(Index, ActionTable.IndexRows(current.Value), index, cancellationToken);
        return new(changed, etag.Value);
    }

    /// <summary>The action with this ref, for <see cref="ETagUpdate"/>: added with its index rows when missing, replaced under its ETag.</summary>
    public VersionedRow<ActionItem> Row(string reference) => new($"Action {reference}", ct => GetAsync(reference, ct), CreateAsync, UpdateAsync);

    private Task<List<ActionItem>> ResolveAsync(IEnumerable<TableEntity> pointers, CancellationToken ct) =>
        TableRows.ReadManyAsync(
            pointers.Select(p => (Group: p.GetString("GroupCode") ?? "", Ref: p.GetString("Ref") ?? "")).Where(k => k.Group.Length > 0 && k.Ref.Length > 0).Distinct(),
            async (key, token) => (await GetAsync(key.Group, key.Ref, token))?.Value,
            ct);

    internal static string ByGroupFilter(string groupCode) => TableRows.Partition(groupCode);

    internal static string ByOwnerFilter(OwnerParty owner) => TableRows.Partition(ActionTable.OwnerPartition(owner));

    internal static IEnumerable<string> DueBetweenFilters(DateOnly from, DateOnly to) =>
        TableKeys.MonthsBetween(from, to).Select(month => TableRows.PartitionRowRange(
            "due:" + month, TableKeys.Day(from), TableKeys.Day(to) + "~"));
}
