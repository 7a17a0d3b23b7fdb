using Microsoft.Extensions.Options;

namespace GovBot.Calendar;

/// <summary>Overrides of the computed bank holidays; bound from configuration section "Calendar".</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>Extra non-working days (e.g. a one-off bank holiday announced after this release).</summary>
    public List<DateOnly> ExtraHolidays { get; set; } = [];

    /// <summary>Days the rules would give as holidays that are in fact working days (a holiday moved by proclamation).</summary>
    public List<DateOnly> NotHolidays { get; set; } = [];
}

/// <summary>
/// Working days in England and Wales: Monday to Friday, less bank holidays. Holidays are computed from the
/// statutory rules (Easter, substitute days) plus the one-off changes since 2010, and can be overridden.
/// </summary>
public sealed class WorkingDays(IOptions<CalendarOptions> options)
{
    private readonly HashSet<DateOnly> extra = [.. options.Value.ExtraHolidays];
    private readonly HashSet<DateOnly> notHolidays = [.. options.Value.NotHolidays];

    public WorkingDays() : this(Options.Create(new CalendarOptions())) { }

    public bool IsBankHoliday(DateOnly day) =>
        extra.Contains(day) || (!notHolidays.Contains(day) && BankHolidays.EnglandAndWales(day.Year).Contains(day));

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    /// <summary>The working day <paramref name="count"/> working days after (positive) or before (negative) <paramref name="day"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        var step = count >= 0 ? 1 : -1;
        var remaining = Math.Abs(count);
        var current = day;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current)) remaining--;
        }
        return current;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }
        return count;
    }
}

/// <summary>The England and Wales bank-holiday rules.</summary>
public static class BankHolidays
{
    public static IReadOnlySet<DateOnly> EnglandAndWales(int year)
    {
        var days = new HashSet<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            Easter(year).AddDays(-2),
            Easter(year).AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        AddChristmas(days, year);

        // One-off changes by proclamation.
        switch (year)
        {
            case 2012: days.Remove(LastMonday(2012, 5)); days.Add(new(2012, 6, 4)); days.Add(new(2012, 6, 5)); break; // Diamond Jubilee
            case 2020: days.Remove(FirstMonday(2020, 5)); days.Add(new(2020, 5, 8)); break; // VE Day 75
            case 2022: days.Remove(LastMonday(2022, 5)); days.Add(new(2022, 6, 2)); days.Add(new(2022, 6, 3)); days.Add(new(2022, 9, 19)); break; // Platinum Jubilee, State Funeral
            case 2023: days.Add(new(2023, 5, 8)); break; // Coronation
            case 2011: days.Add(new(2011, 4, 29)); break; // Royal Wedding
        }
        return days;
    }

    /// <summary>Easter Sunday (Gregorian; the anonymous algorithm).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static void AddChristmas(HashSet<DateOnly> days, int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday: days.Add(christmas); days.Add(new(year, 12, 28)); break;   // Boxing Day on Saturday → Monday
            case DayOfWeek.Saturday: days.Add(new(year, 12, 27)); days.Add(new(year, 12, 28)); break;
            case DayOfWeek.Sunday: days.Add(new(year, 12, 26)); days.Add(new(year, 12, 27)); break;
            default: days.Add(christmas); days.Add(new(year, 12, 26)); break;
        }
    }

    private static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
