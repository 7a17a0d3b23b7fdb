using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>
/// Paces sends to Teams' limits on top of the connector's own Retry-After handling: a token bucket per conversation
/// (Teams: 7 a second per bot per thread) and one per tenant (Teams: 50 a second per app). A 429 that outlived the
/// connector's retries pauses the whole tenant for a jittered back-off.
/// </summary>
public sealed class NoticePacer(IOptions<NoticeOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _conversations = new(StringComparer.Ordinal);

    /// <summary>Waits until both the tenant and the conversation may take one more send.</summary>
    public async Task WaitAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var tenantBucket = _tenants.GetOrAdd(tenant, _ => new Bucket(o.TenantRatePerSecond, Math.Max(1, o.TenantRatePerSecond / 5)));
        var conversationBucket = _conversations.GetOrAdd(conversation, _ => new Bucket(o.ConversationRatePerSecond, Math.Max(1, Math.Floor(o.ConversationRatePerSecond))));
        if (_conversations.Count > 50_000) _conversations.Clear(); // one notice touches each conversation once or twice
        var wait = Max(conversationBucket.Reserve(clock.GetTimestamp(), clock), tenantBucket.Reserve(clock.GetTimestamp(), clock));
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
    }

    /// <summary>Teams said 429 and the connector gave up retrying: hold the tenant's sends for a while.</summary>
    public TimeSpan Penalise(string tenant, int attempt)
    {
        var ceiling = Math.Min(30_000, 500 * Math.Pow(2, Math.Min(attempt, 6)));
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
        if (_tenants.TryGetValue(tenant, out var bucket)) bucket.PauseFor(delay, clock.GetTimestamp(), clock);
        return delay;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Bucket(double ratePerSecond, double burstSize)
    {
        private readonly Lock _lock = new();
        private readonly double _burst = burstSize;
        private double _tokens = burstSize;
        private long _last;

        /// <summary>Takes a token now or in the future; returns how long to wait for it.</summary>
        public TimeSpan Reserve(long now, TimeProvider clock)
        {
            lock (_lock)
            {
                Refill(now, clock);
                _tokens -= 1;
                return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / ratePerSecond);
            }
        }

        public void PauseFor(TimeSpan delay, long now, TimeProvider clock)
        {
            lock (_lock)
            {
                Refill(now, clock);
                _tokens = Math.Min(_tokens, -delay.TotalSeconds * ratePerSecond);
            }
        }

        private void Refill(long now, TimeProvider clock)
        {
            if (_last != 0)
            {
                var elapsed = clock.GetElapsedTime(_last, now).TotalSeconds;
                _tokens = Math.Min(_burst, _tokens + elapsed * ratePerSecond);
            }
            _last = now;
        }
    }
}
