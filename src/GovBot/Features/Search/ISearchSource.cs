using System.Text.Json.Nodes;
using GovBot.Bot;

namespace GovBot.Features.Search;

/// <summary>
/// A feature's contribution to the search index: its records as <see cref="SearchDocument"/>s. Each slice registers
/// its own in its module (<c>feature.SearchSource&lt;T&gt;()</c>); the index knows no feature. After a change, the
/// slice calls <see cref="SearchChanges.ChangedAsync"/> with the source's name and the changed keys.
/// </summary>
public interface ISearchSource
{
    /// <summary>Unique, stable, short ("actions"): names the version marker in storage.</summary>
    string Name { get; }

    /// <summary>Every document of the source (start-up, and when another instance changed it).</summary>
    Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The documents of the given keys as they are now (a key with no document was deleted). By default the whole
    /// source is read and filtered; a large source (passages) should read only the keys.
    /// </summary>
    async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        return [.. (await LoadAllAsync(cancellationToken)).Where(d => wanted.Contains(d.Key))];
    }

    /// <summary>
    /// The full card of one document for <paramref name="caller"/>, with the same buttons (and the same server-side
    /// checks) as in chat; null to show the search result's own card.
    /// </summary>
    Task<JsonObject?> CardAsync(string key, Caller caller, CancellationToken cancellationToken) => Task.FromResult<JsonObject?>(null);
}

/// <summary>
/// Extension point for a signed, expiring link to a paper's original in Blob storage (the papers slice owns the
/// blobs). When one is registered, passage results get an "Open the paper" button.
/// </summary>
public interface ISearchOriginalLinks
{
    /// <summary>A link that expires, or null when the original is not stored.</summary>
    Task<Uri?> LinkAsync(SearchDocument document, CancellationToken cancellationToken);
}
