using TimeZoneConverter;

namespace GovBot.Clock;

/// <summary>
/// UK local time (Europe/London, GMT/BST), in which the programme's papers give every date and time.
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TZConvert.GetTimeZoneInfo("Europe/London");

    /// <summary>Now, as UK local time with its offset (+00:00 or +01:00).</summary>
    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>
    /// The instant of a UK wall-clock time. In the spring gap (01:00-02:00 on the last Sunday of March) the time is
    /// moved forward by the gap (01:30 becomes 02:30 BST); in the autumn overlap the first occurrence (BST) is used.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the gap, so the result lands after it.
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, Zone.GetUtcOffset(local.AddHours(-3))), Zone);
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The UK date and wall-clock time of an instant.</summary>
    public static (DateOnly Date, TimeOnly Time) ToUkLocal(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}
