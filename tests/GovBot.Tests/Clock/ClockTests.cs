using GovBot.Clock;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Clock;

public sealed class StartAtTimeProviderTests
{
    [Fact]
    public void StartsAtTheGivenInstant_ThenRunsWithTheUnderlyingClock()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        var clock = new StartAtTimeProvider(real, new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 10, 30, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void StartWithOffset_IsTheSameInstant()
    {
        var real = new FakeTimeProvider();
        var clock = new StartAtTimeProvider(real, new DateTimeOffset(2024, 7, 1, 10, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(new DateOnly(2024, 7, 1), UkTime.Today(clock));
    }

    [Fact]
    public async Task Delays_UseTheUnderlyingClock()
    {
        var real = new FakeTimeProvider();
        var clock = new StartAtTimeProvider(real, new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));

        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromMinutes(5));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

public sealed class UkTimeTests
{
    [Theory]
    [InlineData(2024, 3, 6, 9, 0, "2024-03-06T09:00:00+00:00")]   // GMT
    [InlineData(2024, 7, 1, 10, 0, "2024-07-01T10:00:00+01:00")]  // BST
    [InlineData(2024, 3, 31, 1, 30, "2024-03-31T02:30:00+01:00")] // spring gap: moved forward by the gap
    [InlineData(2024, 10, 27, 1, 30, "2024-10-27T01:30:00+01:00")] // autumn overlap: first occurrence (BST)
    [InlineData(2024, 10, 27, 2, 30, "2024-10-27T02:30:00+00:00")] // after the change: GMT
    public void ToInstant_IsClockChangeSafe(int y, int m, int d, int h, int min, string expected)
    {
        var instant = UkTime.ToInstant(new DateOnly(y, m, d), new TimeOnly(h, min));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, instant.Offset);
    }

    [Fact]
    public void ToUkLocal_RoundTripsAndKnowsSummerTime()
    {
        var (date, time) = UkTime.ToUkLocal(new DateTimeOffset(2024, 6, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2024, 7, 1), date);
        Assert.Equal(new TimeOnly(0, 30), time);
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 23, 30, 0, TimeSpan.Zero), UkTime.ToInstant(date, time));
    }

    [Fact]
    public void Today_IsTheUkDateNotTheUtcDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 31, 23, 15, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2024, 6, 1), UkTime.Today(clock));
        Assert.Equal(TimeSpan.FromHours(1), UkTime.Now(clock).Offset);
    }
}
