using System.Collections.Concurrent;
using GovBot.Connector;

namespace GovBot.Features.Conversations;

/// <summary>
/// Conversations whose stored reference this instance confirmed current a short while ago, so that a message from
/// them costs no storage round trip before it is answered. A send that marks the conversation unreachable forgets it
/// here at once; on another instance the mark is cleared by a message at most <see cref="Lifetime"/> later.
/// </summary>
public sealed class ConfirmedConversations(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Bounds memory: far more conversations than one instance serves in ten minutes.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (string RecipientKey, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    /// <summary>What must be unchanged for the stored reference to be current (a channel's threads share one).</summary>
    public static string Fingerprint(Activity activity) => string.Join('|',
        activity.ServiceUrl, activity.Conversation?.Id?.Split(';')[0], activity.From?.AadObjectId, activity.Recipient?.Id, activity.ChannelData?.Channel?.Name);

    public bool IsConfirmed(string fingerprint) =>
        _entries.TryGetValue(fingerprint, out var entry) && entry.Until > clock.GetUtcNow();

    public void Confirm(string fingerprint, string recipientKey)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[fingerprint] = (recipientKey, clock.GetUtcNow() + Lifetime);
    }

    public void Forget(string recipientKey)
    {
        foreach (var (fingerprint, entry) in _entries)
        {
            if (entry.RecipientKey == recipientKey) _entries.TryRemove(fingerprint, out _);
        }
    }
}
