using GovBot.Calendar;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Calendar;

public class WorkingDaysTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // The published England and Wales lists (GOV.UK) for three years with awkward cases.
    [Theory]
    [InlineData(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    public void BankHolidays_MatchThePublishedList(int year, string expected)
    {
        var want = expected.Split(' ').Select(D).OrderBy(d => d).ToArray();
        Assert.Equal(want, BankHolidays.EnglandAndWales(year).OrderBy(d => d).ToArray());
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_IsComputed(int year, string expected) => Assert.Equal(D(expected), BankHolidays.Easter(year));

    [Fact]
    public void WorkingDays_SkipWeekendsAndEaster2024()
    {
        var days = new WorkingDays();
        Assert.False(days.IsWorkingDay(D("2024-03-29"))); // Good Friday
        Assert.False(days.IsWorkingDay(D("2024-04-01"))); // Easter Monday
        Assert.False(days.IsWorkingDay(D("2024-03-30"))); // Saturday
        Assert.True(days.IsWorkingDay(D("2024-03-28")));
        // 1 working day after Thursday 28 March 2024 is Tuesday 2 April.
        Assert.Equal(D("2024-04-02"), days.AddWorkingDays(D("2024-03-28"), 1));
        // 5 working days before Friday 26 April 2024 is Friday 19 April.
        Assert.Equal(D("2024-04-19"), days.AddWorkingDays(D("2024-04-26"), -5));
        Assert.Equal(2, days.WorkingDaysBetween(D("2024-03-27"), D("2024-04-02")));
        Assert.Equal(-2, days.WorkingDaysBetween(D("2024-04-02"), D("2024-03-27")));
    }

    [Fact]
    public void Configuration_AddsAndRemovesHolidays()
    {
        var days = new WorkingDays(Options.Create(new CalendarOptions
        {
            ExtraHolidays = [D("2024-03-12")],
            NotHolidays = [D("2024-05-27")],
        }));
        Assert.False(days.IsWorkingDay(D("2024-03-12")));
        Assert.True(days.IsWorkingDay(D("2024-05-27")));
    }
}
