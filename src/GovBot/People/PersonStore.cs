using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.People;

/// <summary>The directory of people in table storage; see <see cref="PersonTable"/>.</summary>
public sealed class PersonStore(GovBotTables tables)
{
    private TableClient People => tables.Get(TableNames.People);
    private TableClient Index => tables.Get(TableNames.PeopleIndex);

    public async Task<Versioned<Person>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(People, PersonTable.Partition, id, cancellationToken);
        return row is null ? null : new(PersonTable.FromRow(row), row.ETag);
    }

    /// <summary>The person with this id, for <see cref="ETagUpdate"/>.</summary>
    public VersionedRow<Person> Row(string id) => new($"Person {id}", ct => GetAsync(id, ct), CreateAsync, UpdateAsync);

    /// <summary>The person with this Entra object id (the sender of a Teams message), or null.</summary>
    public async Task<Person?> FindByEntraObjectIdAsync(string entraObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entraObjectId);
        var person = await FindAsync(PersonTable.OidPartition, PersonTable.OidKey(entraObjectId), cancellationToken);
        return person is not null && string.Equals(person.EntraObjectId?.Trim(), entraObjectId.Trim(), StringComparison.OrdinalIgnoreCase) ? person : null;
    }

    /// <summary>The person with this e-mail address (case-insensitive), or null.</summary>
    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var person = await FindAsync(PersonTable.EmailPartition, PersonTable.EmailKey(email), cancellationToken);
        return person is not null && string.Equals(person.Email.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase) ? person : null;
    }

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(People, ListFilter, cancellationToken);
        return rows.Select(PersonTable.FromRow).ToList();
    }

    public async Task<Versioned<Person>> CreateAsync(Person person, CancellationToken cancellationToken)
    {
        var index = PersonTable.IndexRows(person).ToList();
        await IndexRows.WriteAsync(Index, index, cancellationToken);
        try
        {
            return new(person, await TableRows.AddAsync(People, PersonTable.ToRow(person), $"Person {person.Id}", cancellationToken));
        }
        catch (EntityAlreadyExistsException)
        {
            var existing = await GetAsync(person.Id, cancellationToken);
            await IndexRows.RemoveStaleAsync(Index, index, existing is null ? [] : PersonTable.IndexRows(existing.Value), cancellationToken);
            throw;
        }
    }

    /// <summary>Creates or replaces without a concurrency check (seeding, directory sync).</summary>
    public async Task<Versioned<Person>> UpsertAsync(Person person, CancellationToken cancellationToken)
    {
        var previous = await GetAsync(person.Id, cancellationToken);
        var index = PersonTable.IndexRows(person).ToList();
        await IndexRows.WriteAsync(Index, index, cancellationToken);
        var etag = await TableRows.UpsertAsync(People, PersonTable.ToRow(person), cancellationToken);
        if (previous is not null)
        {
            await IndexRows.RemoveStaleAsync(Index, PersonTable.IndexRows(previous.Value), index, cancellationToken);
        }
        return new(person, etag);
    }

    /// <summary>Replaces the person if unchanged since read; otherwise <see cref="ConcurrencyConflictException{T}"/>.</summary>
    public async Task<Versioned<Person>> UpdateAsync(Versioned<Person> current, Person changed, CancellationToken cancellationToken)
    {
        if (changed.Id != current.Value.Id) throw new ArgumentException("An update cannot change a person's id.", nameof(changed));
        var index = PersonTable.IndexRows(changed).ToList();
        await IndexRows.WriteAsync(Index, index, cancellationToken);
        var etag = await TableRows.ReplaceIfUnchangedAsync(People, PersonTable.ToRow(changed), current.ETag, cancellationToken);
        if (etag is null)
        {
            var latest = await GetAsync(changed.Id, cancellationToken);
            await IndexRows.RemoveStaleAsync(Index, index, latest is null ? [] : PersonTable.IndexRows(latest.Value), cancellationToken);
            throw new ConcurrencyConflictException<Person>($"Person {changed.Id}", latest);
        }
        await IndexRows.RemoveStaleAsync(Index, PersonTable.IndexRows(current.Value), index, cancellationToken);
        return new(changed, etag.Value);
    }

    private async Task<Person?> FindAsync(string partition, string key, CancellationToken ct)
    {
        var pointer = await TableRows.GetAsync(Index, partition, key, ct);
        return pointer?.GetString("PersonId") is { } id ? (await GetAsync(id, ct))?.Value : null;
    }

    internal static string ListFilter => TableRows.Partition(PersonTable.Partition);
}
