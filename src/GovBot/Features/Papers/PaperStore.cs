using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GovBot.Storage;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Papers;

/// <summary>The papers' tables. Logical names; the physical ones get Storage:TablePrefix like every table.</summary>
internal static class PaperTables
{
    public const string Papers = "Papers";
    public const string PaperPassages = "PaperPassages";
}

/// <summary>
/// Papers in storage (keys in docs/storage.md):
/// <list type="bullet">
/// <item><b>Papers</b>: PartitionKey = group code ("DAG", "-" when unknown), RowKey = paper key ("MHHS-DEL540",
/// "DAG-34-papers"). A group's papers are one partition; a meeting's papers are that partition filtered on
/// MeetingNumber.</item>
/// <item><b>PaperPassages</b>: PartitionKey = paper key, RowKey = "{version}-{order:00000}" where version is the first
/// 16 hex digits of the content hash. A paper's passages are one partition (the current version's are the rows
/// whose RowKey starts with <see cref="Paper.ContentHash"/>[..16]); indexing reads the whole table.</item>
/// <item>Blob container "{prefix}papers": every version's original file as "{ContentHash}.pdf|.txt".</item>
/// </list>
/// </summary>
public sealed class PaperStore(GovBotTables tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    /// <summary>Blob container of the originals (lower case: container names allow no capitals).</summary>
    public string ContainerName { get; } = (options.Value.TablePrefix ?? "").ToLowerInvariant() + "papers";

    private int _containerReady;

    private TableClient Documents => tables.Get(PaperTables.Papers);

    private TableClient Passages => tables.Get(PaperTables.PaperPassages);

    public BlobContainerClient Container => blobs.GetBlobContainerClient(ContainerName);

    public static string VersionOf(string contentHash) => contentHash[..16];

    public async Task<Versioned<Paper>?> GetAsync(string groupCode, string key, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Documents, groupCode, key, cancellationToken);
        return row is null ? null : new(ToPaper(row), row.ETag);
    }

    /// <summary>The papers of one meeting (one partition, filtered).</summary>
    public async Task<IReadOnlyList<Paper>> ListForMeetingAsync(string groupCode, string meetingNumber, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PaperKeys.GroupPartition(groupCode)} and MeetingNumber eq {meetingNumber}");
        return [.. (await TableRows.QueryAsync(Documents, filter, cancellationToken)).Select(ToPaper).OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every paper (the indexer's list; a few hundred rows).</summary>
    public async Task<IReadOnlyList<Paper>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await TableRows.QueryAsync(Documents, "", cancellationToken)).Select(ToPaper)];

    /// <summary>The current passages of a paper, in order.</summary>
    public async Task<IReadOnlyList<PaperPassage>> PassagesAsync(Paper paper, CancellationToken cancellationToken)
    {
        var version = VersionOf(paper.ContentHash);
        var rows = await TableRows.QueryAsync(Passages, TableRows.PartitionRowRange(paper.Key, version + "-", version + "."), cancellationToken);
        return [.. rows.Select(ToPassage).OrderBy(p => p.Order)];
    }

    /// <summary>Every passage row of every paper, as stored (for the search index; see <see cref="PassagesAsync"/> for one paper).</summary>
    public async IAsyncEnumerable<(string Version, PaperPassage Passage)> AllPassagesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Passages.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            yield return (row.RowKey.Split('-')[0], ToPassage(row));
        }
    }

    /// <summary>Row keys of every passage row of the paper, whatever version (to find stale ones).</summary>
    internal async Task<IReadOnlyList<string>> PassageRowKeysAsync(string paperKey, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        await foreach (var row in Passages.QueryAsync<TableEntity>(TableRows.Partition(paperKey), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row.RowKey);
        }
        return rows;
    }

    internal Task WritePassagesAsync(string contentHash, IReadOnlyList<PaperPassage> passages, CancellationToken cancellationToken) =>
        TableRows.UpsertBatchedAsync(Passages, passages.Select(p => ToRow(contentHash, p)), cancellationToken);

    internal async Task DeletePassageRowsAsync(string paperKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(TableRows.MaxBatch))
        {
            await Passages.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(paperKey, rk), ETag.All)), cancellationToken);
        }
    }

    /// <summary>Adds the paper's row (false when someone added it meanwhile) or replaces it under its ETag (false when it changed).</summary>
    internal async Task<bool> SaveAsync(Paper paper, ETag? etag, CancellationToken cancellationToken)
    {
        var row = ToRow(paper);
        if (etag is { } e) return await TableRows.ReplaceIfUnchangedAsync(Documents, row, e, cancellationToken) is not null;
        try
        {
            await Documents.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Stores an original once: a blob of that name (its content hash) is never overwritten.</summary>
    internal async Task<bool> UploadOriginalAsync(string blobName, byte[] original, string contentType, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            await Container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(original), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                // Blocks of 4 MB, each within the storage network timeout, rather than one 20 MB request.
                TransferOptions = new Azure.Storage.StorageTransferOptions { InitialTransferSize = 4 * 1024 * 1024, MaximumTransferSize = 4 * 1024 * 1024 },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false; // already there: same content, same name
        }
    }

    /// <summary>The original bytes of a paper's current version (null when the blob is missing).</summary>
    public async Task<byte[]?> DownloadOriginalAsync(Paper paper, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Container.GetBlobClient(paper.BlobName).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerReady) == 1) return;
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        Volatile.Write(ref _containerReady, 1);
    }

    private static TableEntity ToRow(Paper p) => new(p.GroupCode, p.Key)
    {
        ["MeetingNumber"] = p.MeetingNumber,
        ["MeetingDate"] = p.MeetingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Version"] = p.Version,
        ["DocumentId"] = p.DocumentId,
        ["Title"] = p.Title,
        ["FileName"] = p.FileName,
        ["ContentHash"] = p.ContentHash,
        ["BlobName"] = p.BlobName,
        ["ContentType"] = p.ContentType,
        ["Size"] = p.Size,
        ["PassageCount"] = p.PassageCount,
    };

    private static Paper ToPaper(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("MeetingNumber"),
        e.GetString("MeetingDate") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        e.GetString("Version"),
        e.GetString("DocumentId"),
        e.GetString("Title") ?? e.RowKey,
        e.GetString("FileName") ?? "",
        e.GetString("ContentHash") ?? "",
        e.GetString("BlobName") ?? "",
        e.GetString("ContentType") ?? "application/octet-stream",
        e.GetInt64("Size") ?? 0,
        e.GetInt32("PassageCount") ?? 0);

    private static TableEntity ToRow(string contentHash, PaperPassage p) => new(p.PaperKey, $"{VersionOf(contentHash)}-{p.Order:00000}")
    {
        ["Order"] = p.Order,
        ["Headings"] = string.Join('\n', p.Headings),
        ["Page"] = p.Page,
        ["Text"] = p.Text,
    };

    private static PaperPassage ToPassage(TableEntity e) => new(
        e.PartitionKey,
        e.GetInt32("Order") ?? 0,
        e.GetString("Headings") is { Length: > 0 } h ? h.Split('\n') : [],
        e.GetInt32("Page"),
        e.GetString("Text") ?? "");
}
