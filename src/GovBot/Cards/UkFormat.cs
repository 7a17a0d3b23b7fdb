using TimeZoneConverter;

namespace GovBot.Cards;

/// <summary>
/// UK formatting for cards and explanations. Names are spelt out here rather than taken from the en-GB culture so
/// the output does not depend on the ICU data of the host.
/// </summary>
public static class UkFormat
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Lazy<TimeZoneInfo> London = new(() => TZConvert.GetTimeZoneInfo("Europe/London"));

    /// <summary>"Wednesday 13 March 2024".</summary>
    public static string Date(DateOnly date) => $"{date.DayOfWeek} {date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"Wed 13 Mar 2024": for lists and tables.</summary>
    public static string ShortDate(DateOnly date) =>
        $"{date.DayOfWeek.ToString()[..3]} {date.Day} {Months[date.Month - 1][..3]} {date.Year}";

    /// <summary>"March".</summary>
    public static string MonthName(int month) => Months[month - 1];

    /// <summary>"10:00".</summary>
    public static string Time(TimeOnly time) => time.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"10:00–12:30", "from 10:00", or null when no start is known.</summary>
    public static string? TimeRange(TimeOnly? start, TimeOnly? end) => (start, end) switch
    {
        ({ } s, { } e) => $"{Time(s)}–{Time(e)}",
        ({ } s, null) => $"from {Time(s)}",
        _ => null,
    };

    /// <summary>An instant shown as UK local date and time: "Wed 13 Mar 2024, 10:05".</summary>
    public static string DateTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, London.Value);
        return $"{ShortDate(DateOnly.FromDateTime(local.DateTime))}, {Time(TimeOnly.FromDateTime(local.DateTime))}";
    }

    /// <summary>"as of Tuesday 24 November 2026".</summary>
    public static string AsOf(DateOnly asOf) => $"As of {Date(asOf)}";

    /// <summary>"3 days left", "1 day left", "due today", "overdue by 2 days".</summary>
    public static string DaysLeft(DateOnly due, DateOnly asOf)
    {
        var days = due.DayNumber - asOf.DayNumber;
        return days switch
        {
            0 => "due today",
            1 => "1 day left",
            > 1 => $"{days} days left",
            -1 => "overdue by 1 day",
            _ => $"overdue by {-days} days",
        };
    }

    /// <summary>"+14 days vs baseline", "−3 days vs baseline", "on baseline".</summary>
    public static string Slip(int days) => days switch
    {
        0 => "on baseline",
        1 => "+1 day vs baseline",
        > 1 => $"+{days} days vs baseline",
        -1 => "1 day early vs baseline",
        _ => $"{-days} days early vs baseline",
    };
}
