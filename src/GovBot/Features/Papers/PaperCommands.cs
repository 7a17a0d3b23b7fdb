using System.Security.Cryptography;

namespace GovBot.Features.Papers;

/// <summary>
/// Keeps an imported paper: the original in blob storage, the document row, the passages. Idempotent by content
/// hash (the same file again writes nothing); another version of the same document replaces its passages: the new
/// ones are written under the new version's row keys, the document row is switched to them (under its ETag), and
/// only then are the old rows deleted, so a reader never sees a document without passages and no stale passage is
/// left. An older version than the stored one is not applied.
/// </summary>
public sealed partial class PaperCommands(PaperStore store, ILogger<PaperCommands> logger)
{
    /// <summary>Tries when another import changes the same document meanwhile.</summary>
    private const int Attempts = 3;

    public async Task<PaperKept> KeepAsync(PaperIdentity identity, PaperFile file, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file.Original));
        var key = PaperKeys.DocumentKey(identity, file.FileName);
        var group = PaperKeys.GroupPartition(identity.GroupCode);
        var isPdf = file.Original.AsSpan().StartsWith("%PDF-"u8);
        var paper = new Paper(
            key, group, identity.MeetingNumber, identity.MeetingDate, PaperKeys.Version(file.Text), identity.DocumentId,
            PaperKeys.Title(file.Text, identity, file.FileName), Path.GetFileName(file.FileName), hash,
            hash + (isPdf ? ".pdf" : ".txt"), isPdf ? "application/pdf" : "text/plain; charset=utf-8", file.Original.LongLength, 0);
        var passages = PaperPassages.Split(key, file.Text, file.PageStarts);
        paper = paper with { PassageCount = passages.Count };

        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(group, key, cancellationToken);
            if (stored?.Value.ContentHash == hash)
            {
                await DeleteStalePassagesAsync(stored.Value, cancellationToken); // finishes an import interrupted before its clean-up
                return new(PaperKeptKind.Unchanged, stored.Value);
            }
            if (stored is not null && PaperKeys.CompareVersions(paper.Version, stored.Value.Version) < 0)
            {
                return new(PaperKeptKind.OlderKept, stored.Value);
            }

            await store.UploadOriginalAsync(paper.BlobName, file.Original, paper.ContentType, cancellationToken);
            await store.WritePassagesAsync(hash, passages, cancellationToken);
            if (!await store.SaveAsync(paper, stored?.ETag, cancellationToken))
            {
                if (attempt >= Attempts) throw new InvalidOperationException($"The paper {key} kept changing while it was imported; try again.");
                LogConflict(logger, key, attempt);
                continue;
            }
            await DeleteStalePassagesAsync(paper, cancellationToken);
            LogKept(logger, key, stored is null ? "added" : "replaced", passages.Count);
            return new(stored is null ? PaperKeptKind.Added : PaperKeptKind.Replaced, paper);
        }
    }

    /// <summary>Deletes the passage rows of every version but the paper's current one.</summary>
    private async Task DeleteStalePassagesAsync(Paper paper, CancellationToken cancellationToken)
    {
        var current = PaperStore.VersionOf(paper.ContentHash) + "-";
        var stale = (await store.PassageRowKeysAsync(paper.Key, cancellationToken)).Where(rk => !rk.StartsWith(current, StringComparison.Ordinal)).ToList();
        if (stale.Count > 0) await store.DeletePassageRowsAsync(paper.Key, stale, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper {Key} {Change}: {Passages} passages")]
    private static partial void LogKept(ILogger logger, string key, string change, int passages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paper {Key} changed while it was imported (attempt {Attempt}); reading it again")]
    private static partial void LogConflict(ILogger logger, string key, int attempt);
}
