using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GovBot.People;

/// <summary>Keeps directory answers for a short while: a chat turn may ask several times, and Graph is throttled.</summary>
public sealed class CachedUserDirectory(IUserDirectory inner, IMemoryCache cache, IOptions<DirectoryOptions> options) : IUserDirectory
{
    private readonly TimeSpan duration = options.Value.CacheDuration;

    public Task<DirectoryUser?> GetUserAsync(string objectId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(("user", objectId.ToLowerInvariant()), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = duration;
            return inner.GetUserAsync(objectId, cancellationToken);
        });

    public async Task<bool> IsInGroupAsync(string objectId, string groupId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("group", objectId.ToLowerInvariant(), groupId.ToLowerInvariant()), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = duration;
            return inner.IsInGroupAsync(objectId, groupId, cancellationToken);
        });
}
