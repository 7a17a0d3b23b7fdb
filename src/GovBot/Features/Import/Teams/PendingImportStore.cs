using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using GovBot.Features.Papers;
using GovBot.Storage;

namespace GovBot.Features.Import;

/// <summary>What kind of file a pending import holds.</summary>
internal enum PendingImportKind
{
    Papers,
    Csv,
}

/// <summary>
/// A file a PMO member sent to GovBot, read and previewed, waiting for Import or Cancel. Only its id travels on
/// the card; the text stays here, with who may confirm it and until when.
/// </summary>
/// <param name="OwnerKey">The person id of the sender (or "oid:{Entra object id}" when the directory does not know them).</param>
internal sealed record PendingImport(
    string Id,
    string OwnerKey,
    PendingImportKind Kind,
    CsvKind? CsvKind,
    string FileName,
    DateTimeOffset ExpiresAt,
    string Text);

/// <summary>
/// <b>PendingImports</b>: PartitionKey = pending id (32 hex digits, random), RowKey "meta" for the record and
/// "text-0000", "text-0001"… for the file's text in 30,000-character pieces (a property holds at most 32K
/// characters; a 20 MB text is ~700 rows, written in transactions of 100 within the one partition). The only
/// query is a point read of one id, so one partition per import. Rows live at most 30 minutes in use; a confirm or
/// cancel deletes them; expired ones are deleted when touched and swept whenever a new preview is saved.
/// The original file of a papers import waits beside them as the blob "pending/{id}" in the papers container
/// (deleted with the rows), so the paper itself can be kept on confirmation.
/// </summary>
internal sealed class PendingImportStore(GovBotTables tables, PaperStore papers)
{
    public const string MetaRow = "meta";
    private const string TextRowPrefix = "text-";

    private TableClient Table => tables.Get(TableNames.PendingImports);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static bool IsValidId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private static string OriginalBlob(string id) => $"pending/{id}";

    /// <param name="original">The file as downloaded, kept until confirm or cancel (papers only; null for CSV).</param>
    public async Task SaveAsync(PendingImport pending, CancellationToken cancellationToken, byte[]? original = null)
    {
        if (original is not null)
        {
            await papers.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await papers.Container.GetBlobClient(OriginalBlob(pending.Id)).UploadAsync(BinaryData.FromBytes(original), overwrite: true, cancellationToken);
        }
        var rows = new List<TableEntity>();
        var chunks = Chunk(pending.Text).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            rows.Add(new TableEntity(pending.Id, $"{TextRowPrefix}{i:0000}") { ["Text"] = chunks[i] });
        }
        await TableRows.UpsertBatchedAsync(Table, rows, cancellationToken);
        await TableRows.UpsertAsync(Table, new TableEntity(pending.Id, MetaRow)
        {
            ["OwnerKey"] = pending.OwnerKey,
            ["Kind"] = pending.Kind.ToString(),
            ["CsvKind"] = pending.CsvKind?.ToString(),
            ["FileName"] = pending.FileName,
            ["ExpiresAt"] = pending.ExpiresAt,
            ["Chunks"] = chunks.Count,
        }, cancellationToken);
    }

    /// <summary>The pending import with its text, or null.</summary>
    public async Task<Versioned<PendingImport>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id)) return null;
        var meta = await TableRows.GetAsync(Table, id, MetaRow, cancellationToken);
        if (meta is null) return null;
        var text = new System.Text.StringBuilder();
        var pieces = (await TableRows.QueryAsync(Table, TableRows.PartitionRowRange(id, TextRowPrefix, TextRowPrefix + "~"), cancellationToken))
            .OrderBy(r => r.RowKey, StringComparer.Ordinal);
        foreach (var piece in pieces) text.Append(piece.GetString("Text"));
        var pending = new PendingImport(
            id,
            meta.GetString("OwnerKey") ?? "",
            Enum.TryParse<PendingImportKind>(meta.GetString("Kind"), out var kind) ? kind : PendingImportKind.Papers,
            Enum.TryParse<CsvKind>(meta.GetString("CsvKind"), out var csvKind) ? csvKind : null,
            meta.GetString("FileName") ?? "",
            meta.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
            text.ToString());
        return new(pending, meta.ETag);
    }

    /// <summary>Takes the pending import for one confirm: deletes its record if nobody did since it was read. False when someone else did (a double click).</summary>
    public async Task<bool> ClaimAsync(Versioned<PendingImport> pending, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.DeleteEntityAsync(pending.Value.Id, MetaRow, pending.ETag, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>The original file saved with the pending import; null when none was (CSV, or gone).</summary>
    public async Task<byte[]?> OriginalAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id)) return null;
        try
        {
            return (await papers.Container.GetBlobClient(OriginalBlob(id)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes every row of the pending import (record and text) and its original.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id)) return;
        try
        {
            await papers.Container.GetBlobClient(OriginalBlob(id)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: nothing was ever kept.
        }
        var rows = await TableRows.QueryAsync(Table, TableRows.Partition(id), cancellationToken);
        foreach (var chunk in rows.Chunk(TableRows.MaxBatch))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                foreach (var row in chunk) await TableRows.DeleteIfExistsAsync(Table, row.PartitionKey, row.RowKey, cancellationToken);
            }
        }
    }

    /// <summary>Deletes the pending imports that expired before <paramref name="now"/> and were never answered (a scan of the few "meta" rows).</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {MetaRow} and ExpiresAt lt {now}");
        var expired = await TableRows.QueryAsync(Table, filter, cancellationToken);
        foreach (var meta in expired) await DeleteAsync(meta.PartitionKey, cancellationToken);
        return expired.Count;
    }

    private static IEnumerable<string> Chunk(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var length = Math.Min(Columns.ChunkChars, text.Length - i);
            // Do not split a surrogate pair across rows.
            if (i + length < text.Length && char.IsHighSurrogate(text[i + length - 1])) length--;
            yield return text.Substring(i, length);
            i += length;
        }
    }
}
