using Azure;
using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Meetings;

/// <summary>Meetings in table storage; see <see cref="MeetingTable"/> for keys and partitions.</summary>
public sealed class MeetingStore(GovBotTables tables)
{
    private TableClient Meetings => tables.Get(TableNames.Meetings);
    private TableClient ByMonth => tables.Get(TableNames.MeetingsByMonth);

    /// <summary>A group's meetings, oldest first.</summary>
    public async Task<IReadOnlyList<Meeting>> ListByGroupAsync(string groupCode, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Meetings, ByGroupFilter(groupCode), cancellationToken);
        return rows.Select(MeetingTable.FromRow).OrderBy(m => m.Date).ToList();
    }

    /// <summary>Every meeting, by group then date: a deliberate whole-table read, for exports.</summary>
    public async Task<IReadOnlyList<Meeting>> ListAllAsync(CancellationToken cancellationToken)
    {
        var items = new List<Meeting>();
        await foreach (var row in Meetings.QueryAsync<TableEntity>(cancellationToken: cancellationToken)) items.Add(MeetingTable.FromRow(row));
        return items.OrderBy(m => m.GroupCode, StringComparer.Ordinal).ThenBy(m => m.Date).ThenBy(m => m.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>The meeting "DAG 34", or null.</summary>
    public async Task<Versioned<Meeting>?> GetAsync(string groupCode, string number, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Meetings, ByNumberFilter(groupCode, number), cancellationToken);
        var row = rows.OrderByDescending(r => r.RowKey, StringComparer.Ordinal).FirstOrDefault();
        return row is null ? null : new(MeetingTable.FromRow(row), row.ETag);
    }

    /// <summary>The meeting "DAG 34", for <see cref="ETagUpdate"/>.</summary>
    public VersionedRow<Meeting> Row(string groupCode, string number) =>
        new($"Meeting {groupCode} {number}", ct => GetAsync(groupCode, number, ct), CreateAsync, UpdateAsync);

    /// <summary>Meetings of every group on a day in [from, to], by date and start time.</summary>
    public async Task<IReadOnlyList<Meeting>> ListBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var pointers = new List<TableEntity>();
        foreach (var filter in BetweenFilters(from, to))
        {
            pointers.AddRange(await TableRows.QueryAsync(ByMonth, filter, cancellationToken));
        }
        var meetings = await TableRows.ReadManyAsync(
            pointers.Select(p => (Group: p.GetString("GroupCode") ?? "", Key: p.GetString("MeetingRowKey") ?? ""))
                .Where(k => k.Group.Length > 0 && k.Key.Length > 0).Distinct(),
            async (k, ct) => await TableRows.GetAsync(Meetings, k.Group, k.Key, ct) is { } row ? MeetingTable.FromRow(row) : null,
            cancellationToken);
        return meetings
            .Where(m => m.Date >= from && m.Date <= to)
            .OrderBy(m => m.Date).ThenBy(m => m.Start).ThenBy(m => m.GroupCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Adds a meeting; <see cref="EntityAlreadyExistsException"/> when the group already has that number.</summary>
    public async Task<Versioned<Meeting>> CreateAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        // Best effort: the number is not part of the key, so two concurrent creates on different dates could both pass.
        if (await GetAsync(meeting.GroupCode, meeting.Number, cancellationToken) is not null)
        {
            throw new EntityAlreadyExistsException($"Meeting {meeting.Title}");
        }
        await IndexRows.WriteAsync(ByMonth, [MeetingTable.MonthRow(meeting)], cancellationToken);
        var etag = await TableRows.AddAsync(Meetings, MeetingTable.ToRow(meeting), $"Meeting {meeting.Title}", cancellationToken);
        return new(meeting, etag);
    }

    /// <summary>Creates or replaces the meeting with this group and number, without a concurrency check (seeding, imports).</summary>
    public async Task<Versioned<Meeting>> UpsertAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var previous = await GetAsync(meeting.GroupCode, meeting.Number, cancellationToken);
        var month = MeetingTable.MonthRow(meeting);
        await IndexRows.WriteAsync(ByMonth, [month], cancellationToken);
        var etag = await TableRows.UpsertAsync(Meetings, MeetingTable.ToRow(meeting), cancellationToken);
        if (previous is not null && previous.Value.Date != meeting.Date)
        {
            await TableRows.DeleteIfExistsAsync(Meetings, meeting.GroupCode, MeetingTable.RowKey(previous.Value.Date, meeting.Number), cancellationToken);
            await IndexRows.RemoveStaleAsync(ByMonth, [MeetingTable.MonthRow(previous.Value)], [month], cancellationToken);
        }
        return new(meeting, etag);
    }

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="changed"/> if nobody changed it since it was read;
    /// otherwise <see cref="ConcurrencyConflictException{T}"/>. A new date moves the row: delete (with the ETag) and
    /// add run as one transaction in the group's partition.
    /// </summary>
    public async Task<Versioned<Meeting>> UpdateAsync(Versioned<Meeting> current, Meeting changed, CancellationToken cancellationToken)
    {
        if (changed.GroupCode != current.Value.GroupCode || changed.Number != current.Value.Number)
        {
            throw new ArgumentException($"An update cannot change a meeting's group or number ({current.Value.Title}).", nameof(changed));
        }
        var month = MeetingTable.MonthRow(changed);
        await IndexRows.WriteAsync(ByMonth, [month], cancellationToken);
        var row = MeetingTable.ToRow(changed);
        ETag? etag;
        if (changed.Date == current.Value.Date)
        {
            etag = await TableRows.ReplaceIfUnchangedAsync(Meetings, row, current.ETag, cancellationToken);
        }
        else
        {
            try
            {
                var oldKey = MeetingTable.RowKey(current.Value.Date, current.Value.Number);
                var response = await Meetings.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(changed.GroupCode, oldKey), current.ETag),
                        new TableTransactionAction(TableTransactionActionType.Add, row),
                    ],
                    cancellationToken);
                etag = response.Value[1].Headers.ETag ?? default;
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
            {
                etag = null;
            }
        }
        if (etag is null)
        {
            var latest = await GetAsync(changed.GroupCode, changed.Number, cancellationToken);
            await IndexRows.RemoveStaleAsync(ByMonth, [month], latest is null ? [] : [MeetingTable.MonthRow(latest.Value)], cancellationToken);
            throw new ConcurrencyConflictException<Meeting>($"Meeting {changed.Title}", latest);
        }
        await IndexRows.RemoveStaleAsync(ByMonth, [MeetingTable.MonthRow(current.Value)], [month], cancellationToken);
        return new(changed, etag.Value);
    }

    internal static string ByGroupFilter(string groupCode) => TableRows.Partition(groupCode);

    internal static string ByNumberFilter(string groupCode, string number) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {groupCode} and Number eq {number}");

    internal static IEnumerable<string> BetweenFilters(DateOnly from, DateOnly to) =>
        TableKeys.MonthsBetween(from, to).Select(month =>
            TableRows.PartitionRowRange(month, TableKeys.Day(from), TableKeys.Day(to) + "~"));
}
