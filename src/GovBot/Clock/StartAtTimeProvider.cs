namespace GovBot.Clock;

/// <summary>
/// A clock that reads <paramref name="startAt"/> at the moment it is created and then runs forward with
/// <paramref name="inner"/>. Timers, timestamps and the local time zone are the inner clock's (durations are real).
/// </summary>
public sealed class StartAtTimeProvider(TimeProvider inner, DateTimeOffset startAt) : TimeProvider
{
    private readonly DateTimeOffset _anchor = inner.GetUtcNow();

    public DateTimeOffset StartAt { get; } = startAt.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => StartAt + (inner.GetUtcNow() - _anchor);

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
