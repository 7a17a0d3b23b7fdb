using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Search;

/// <summary>
/// <b>SearchVersions</b>: PartitionKey = "source", RowKey = the source's name; one row per search source, rewritten
/// (new ETag) whenever an instance changes the source's records. Other instances compare ETags to catch up.
/// </summary>
public sealed class SearchVersionStore(GovBotTables tables, TimeProvider clock)
{
    internal const string Partition = "source";

    private TableClient Table => tables.Get(TableNames.SearchVersions);

    /// <summary>Records that <paramref name="source"/> changed; returns the row's new ETag.</summary>
    public async Task<string> BumpAsync(string source, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, TableKeys.Checked(source, "search source")) { ["ChangedAt"] = clock.GetUtcNow() };
        return (await TableRows.UpsertAsync(Table, row, cancellationToken)).ToString();
    }

    /// <summary>Every source's current ETag.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Table, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken);
        return rows.ToDictionary(r => r.RowKey, r => r.ETag.ToString(), StringComparer.Ordinal);
    }
}
