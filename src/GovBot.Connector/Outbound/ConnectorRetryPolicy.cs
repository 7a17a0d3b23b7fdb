using System.Net;
using System.Net.Http.Headers;

namespace GovBot.Connector;

/// <summary>
/// When and how long to wait between Connector attempts: retries 412, 429, 502, 503 and 504 only; honours
/// <c>Retry-After</c> (capped); otherwise exponential backoff with full jitter; bounded attempts and total time.
/// Override <see cref="DelayAsync"/> in tests to avoid sleeping.
/// </summary>
public class ConnectorRetryPolicy
{
    public ConnectorRetryPolicy(TimeProvider time) => Time = time;

    public TimeProvider Time { get; }

    /// <summary>Total attempts including the first.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single wait; a longer Retry-After ends the retries.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>No retry starts after this much time since the first attempt.</summary>
    public TimeSpan MaxTotalTime { get; init; } = TimeSpan.FromSeconds(60);

    public static bool IsRetryable(HttpStatusCode status) => (int)status is 412 or 429 or 502 or 503 or 504;

    /// <summary>The wait before attempt <paramref name="attempt"/>+1, or null to stop.</summary>
    public virtual TimeSpan? GetDelay(int attempt, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (attempt >= MaxAttempts || !IsRetryable(response.StatusCode))
        {
            return null;
        }

        var delay = RetryAfter(response.Headers.RetryAfter, Time) ?? Jitter(attempt);
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        if (delay > MaxDelay || elapsed + delay > MaxTotalTime)
        {
            return null;
        }

        return delay;
    }

    public virtual Task DelayAsync(TimeSpan delay, CancellationToken ct) => Task.Delay(delay, Time, ct);

    /// <summary>The wait a Retry-After header asks for (a delta, or a date relative to <paramref name="time"/>); null without one.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            return date - time.GetUtcNow();
        }

        return null;
    }

    private TimeSpan Jitter(int attempt)
    {
        var ceiling = BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
