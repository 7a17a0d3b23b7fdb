using GovBot.Connector;
using GovBot.Features.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Features.Outbox;

/// <summary>Teams' limits, one window at a time, on a fake clock. Each window is held <see cref="OutboxPacer.Margin"/> longer than Teams'.</summary>
public class OutboxPacerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));

    private OutboxPacer Pacer(double tenantRate = 10_000, int perSecond = 7) =>
        new(Options.Create(new OutboxOptions { TenantRatePerSecond = tenantRate, ConversationPerSecond = perSecond }), _clock);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void OneConversation_SevenInASecond_TheEighthWaitsForTheWindow_OthersAreNotHeldUp()
    {
        var pacer = Pacer();
        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a"));
        var wait = pacer.TryTake("19:a");
        Assert.Equal(TimeSpan.FromSeconds(1) + OutboxPacer.Margin(TimeSpan.FromSeconds(1)), wait);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:b"));
        _clock.Advance(wait - Ms(1));
        Assert.True(pacer.TryTake("19:a") > TimeSpan.Zero);
        _clock.Advance(Ms(1));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a"));
    }

    [Fact]
    public void OneConversation_EightInTwoSeconds()
    {
        var pacer = Pacer();
        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a"));
        _clock.Advance(Ms(1100)); // the one-second window is empty again
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a")); // the 8th in two seconds
        var wait = pacer.TryTake("19:a");
        Assert.Equal(TimeSpan.FromSeconds(2) + OutboxPacer.Margin(TimeSpan.FromSeconds(2)) - Ms(1100), wait);
    }

    [Fact]
    public void OneConversation_SixtyInThirtySeconds()
    {
        var pacer = Pacer();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a")); // 2 a second: inside the 1 s and 2 s windows
            _clock.Advance(Ms(500));
        }
        var wait = pacer.TryTake("19:a"); // now 30 s after the first
        Assert.Equal(OutboxPacer.Margin(TimeSpan.FromSeconds(30)), wait);
    }

    [Fact]
    public void OneConversation_EighteenHundredAnHour()
    {
        var pacer = Pacer();
        for (var i = 0; i < 1_800; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a")); // one every 0.6 s: inside the 30 s window (52 < 60)
            _clock.Advance(Ms(600));
        }
        var wait = pacer.TryTake("19:a"); // 1,080 s after the first
        Assert.Equal(TimeSpan.FromSeconds(3_600 - 1_080) + OutboxPacer.Margin(TimeSpan.FromHours(1)), wait);
    }

    [Fact]
    public void Tenant_AtMostItsRateInAnySecond_AcrossConversations()
    {
        var pacer = Pacer(tenantRate: 10);
        for (var i = 0; i < 10; i++) Assert.Equal(TimeSpan.Zero, pacer.TryTake($"19:c{i}"));
        var second = TimeSpan.FromSeconds(1) + OutboxPacer.Margin(TimeSpan.FromSeconds(1));
        Assert.Equal(second, pacer.TryTake("19:new"));
        _clock.Advance(second);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:new"));
    }

    [Fact]
    public void Tenant_AFastRateIsSpreadOverTenthsOfASecond_NotSentInOneBurst()
    {
        var pacer = Pacer(tenantRate: 50);
        var slice = Ms(100) + OutboxPacer.Margin(Ms(100));
        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < 5; i++) Assert.Equal(TimeSpan.Zero, pacer.TryTake($"19:c{round}-{i}"));
            Assert.Equal(slice, pacer.TryTake("19:more")); // five per tenth of a second
            _clock.Advance(slice);
        }
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:more"));
    }

    [Fact]
    public async Task A429WithRetryAfter_PausesTheWholeTenant_GateAndAdmission()
    {
        var pacer = Pacer(tenantRate: 50);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a"));
        pacer.OnThrottled(new ConnectorAttempt(HttpMethod.Post, "https://smba/", "19:a", 1), TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), pacer.TryTake("19:other")); // another conversation waits too
        var admitted = pacer.AdmitAsync(1, CancellationToken.None);
        var gate = pacer.WaitAsync(new ConnectorAttempt(HttpMethod.Post, "https://smba/", "19:z", 1), CancellationToken.None).AsTask();
        _clock.Advance(Ms(1990));
        Assert.False(admitted.IsCompleted);
        Assert.False(gate.IsCompleted);
        _clock.Advance(Ms(10));
        await admitted;
        await gate;
    }

    [Fact]
    public void RetryAfter_IsCapped_AndZeroMeansNoPause()
    {
        var pacer = new OutboxPacer(Options.Create(new OutboxOptions { MaxRetryAfter = TimeSpan.FromSeconds(5) }), _clock);
        pacer.Pause(TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("19:a"));
        pacer.Pause(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.FromSeconds(5), pacer.TryTake("19:a"));
    }
}
