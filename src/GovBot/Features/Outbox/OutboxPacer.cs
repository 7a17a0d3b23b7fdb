using GovBot.Connector;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Outbox;

/// <summary>
/// Keeps every proactive HTTP attempt inside Teams' limits. Two stages:
/// <list type="bullet">
/// <item>the <b>gate</b> (<see cref="IConnectorPacer"/>, consulted by the connector right before every attempt, its own
/// retries included): sliding windows per conversation (7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour) and one
/// for the app in its tenant (<see cref="OutboxOptions.TenantRatePerSecond"/>), plus a tenant-wide pause for as long as
/// a 429's Retry-After asks. An attempt goes only when every window has room, so no window is ever exceeded by us.</item>
/// <item><b>admission</b> (<see cref="AdmitAsync"/>, before a sender claims a copy): a token bucket at the tenant rate,
/// so copies are claimed about as fast as the gate lets them out and a claimed copy does not queue long (a crash
/// while queued would leave it Unknown).</item>
/// </list>
/// GovBot runs one deployment per tenant, so one tenant scope stands for "this app in this tenant".
/// </summary>
public sealed class OutboxPacer(IOptions<OutboxOptions> options, TimeProvider clock) : IConnectorPacer
{
    /// <summary>
    /// Each window is held a little longer than Teams' so that scheduling jitter between our clock and the arrival at
    /// Teams cannot squeeze one request too many into a window. The jitter is a few milliseconds whatever the window,
    /// so the margin is 1 % of the window and at most 50 ms (it costs 1 % of the rate on the one-second windows).
    /// </summary>
    internal static TimeSpan Margin(TimeSpan length) => TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerMillisecond * 50, length.Ticks / 100));

    /// <summary>The tenant's rate is also kept per tenth of a second, so a second's allowance is spread, not sent in one burst.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Window[]> _conversations = new(StringComparer.Ordinal);
    private Window[]? _tenant;
    private long _tenantPausedUntil;
    private long _nextSweep;
    private readonly Lock _admissionLock = new();
    private double _admissionTokens = double.NaN;
    private long _admissionLast;

    private OutboxOptions Options => options.Value;

    /// <summary>
    /// Waits before claiming <paramref name="copies"/> copies: copies are admitted at the tenant rate (and not during a
    /// Retry-After pause). A batch reserves its slots at once, so batches are served in order and each batch's copies
    /// go out together instead of every batch trickling along side by side.
    /// </summary>
    public async Task AdmitAsync(int copies, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        TimeSpan wait;
        lock (_admissionLock)
        {
            var rate = Options.TenantRatePerSecond;
            var burst = Math.Max(1, rate / 5);
            var now = clock.GetTimestamp();
            if (double.IsNaN(_admissionTokens)) _admissionTokens = burst;
            else _admissionTokens = Math.Min(burst, _admissionTokens + clock.GetElapsedTime(_admissionLast, now).TotalSeconds * rate);
            _admissionLast = now;
            _admissionTokens -= copies;
            // The batch may start when its first copy's slot comes; the gate spaces the rest.
            var first = _admissionTokens + copies - 1;
            wait = first >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-first / rate);
        }
        lock (_lock)
        {
            var paused = PausedFor(clock.GetTimestamp());
            if (paused > wait) wait = paused;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask WaitAsync(ConnectorAttempt attempt, CancellationToken ct)
    {
        var conversation = attempt.ConversationId ?? "";
        while (true)
        {
            var wait = TryTake(conversation);
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, clock, ct);
        }
    }

    /// <inheritdoc />
    public void OnThrottled(ConnectorAttempt attempt, TimeSpan? retryAfter) => Pause(retryAfter);

    /// <summary>Holds every send of the tenant for <paramref name="retryAfter"/> (1 s when Teams gave none; capped).</summary>
    public void Pause(TimeSpan? retryAfter)
    {
        var delay = retryAfter is { } r ? (r > TimeSpan.Zero ? r : TimeSpan.Zero) : TimeSpan.FromSeconds(1);
        if (delay > Options.MaxRetryAfter) delay = Options.MaxRetryAfter;
        lock (_lock)
        {
            var until = clock.GetTimestamp() + (long)Math.Round(delay.TotalSeconds * clock.TimestampFrequency);
            if (until > _tenantPausedUntil) _tenantPausedUntil = until;
        }
    }

    /// <summary>Takes a slot now if every window has room (zero), else says how long until one might.</summary>
    internal TimeSpan TryTake(string conversation)
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            var wait = PausedFor(now);
            var tenant = _tenant ??= TenantWindows(Options.TenantRatePerSecond, clock.TimestampFrequency);
            if (!_conversations.TryGetValue(conversation, out var windows))
            {
                if (now >= _nextSweep) Sweep(now);
                windows = ConversationWindows(Options.ConversationPerSecond, clock.TimestampFrequency);
                _conversations[conversation] = windows;
            }
            foreach (var w in tenant) wait = Max(wait, w.WaitAt(now, clock));
            foreach (var w in windows) wait = Max(wait, w.WaitAt(now, clock));
            if (wait > TimeSpan.Zero) return wait;
            foreach (var w in tenant) w.Add(now);
            foreach (var w in windows) w.Add(now);
            return TimeSpan.Zero;
        }
    }

    private TimeSpan PausedFor(long now) => _tenantPausedUntil > now ? clock.GetElapsedTime(now, _tenantPausedUntil) : TimeSpan.Zero;

    /// <summary>Forgets conversations with nothing in their longest window (an hour), at most once a minute.</summary>
    private void Sweep(long now)
    {
        _nextSweep = now + 60 * clock.TimestampFrequency;
        foreach (var (key, windows) in _conversations.ToList())
        {
            if (windows[^1].IsIdle(now)) _conversations.Remove(key);
        }
    }

    private static Window[] TenantWindows(double rate, long frequency) => rate switch
    {
        >= 20 => [new Window((int)Math.Floor(rate), TimeSpan.FromSeconds(1), frequency), new Window((int)Math.Floor(rate / 10), Slice, frequency)],
        >= 1 => [new Window((int)Math.Floor(rate), TimeSpan.FromSeconds(1), frequency)],
        _ => [new Window(1, TimeSpan.FromSeconds(1 / rate), frequency)],
    };

    /// <summary>Teams' per-conversation limits for a bot; the last one is the longest (used to forget idle conversations).</summary>
    private static Window[] ConversationWindows(int perSecond, long frequency) =>
    [
        new(perSecond, TimeSpan.FromSeconds(1), frequency),
        new(8, TimeSpan.FromSeconds(2), frequency),
        new(60, TimeSpan.FromSeconds(30), frequency),
        new(1_800, TimeSpan.FromHours(1), frequency),
    ];

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>At most <c>limit</c> attempts in any <c>length</c> (+ <see cref="Margin"/>): the times of the last <c>limit</c> attempts.</summary>
    private sealed class Window(int limit, TimeSpan length, long frequency)
    {
        private readonly Queue<long> _times = new();
        private readonly long _length = (long)Math.Round((length + Margin(length)).TotalSeconds * frequency);

        public TimeSpan WaitAt(long now, TimeProvider clock)
        {
            while (_times.Count > 0 && now - _times.Peek() >= _length) _times.Dequeue();
            return _times.Count < limit ? TimeSpan.Zero : clock.GetElapsedTime(now, _times.Peek() + _length);
        }

        public void Add(long now)
        {
            _times.Enqueue(now);
            while (_times.Count > limit) _times.Dequeue();
        }

        public bool IsIdle(long now) => _times.Count == 0 || now - _times.Last() >= _length;
    }
}
