using GovBot.Features.Notices;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Features.Notices;

public class NoticePacerTests
{
    [Fact]
    public async Task OneConversation_GetsSevenAtOnce_ThenOneEverySeventhOfASecond()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));
        var pacer = new NoticePacer(Options.Create(new NoticeOptions { ConversationRatePerSecond = 7, TenantRatePerSecond = 1000 }), clock);
        for (var i = 0; i < 7; i++) Assert.True(pacer.WaitAsync("t", "19:a", CancellationToken.None).IsCompletedSuccessfully);

        var eighth = pacer.WaitAsync("t", "19:a", CancellationToken.None);
        var other = pacer.WaitAsync("t", "19:b", CancellationToken.None); // another conversation is not held up
        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(eighth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(eighth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await eighth;
    }

    [Fact]
    public async Task Penalise_HoldsTheWholeTenant()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));
        var pacer = new NoticePacer(Options.Create(new NoticeOptions { TenantRatePerSecond = 100 }), clock);
        await pacer.WaitAsync("t", "19:a", CancellationToken.None);
        var pause = pacer.Penalise("t", 1);
        Assert.InRange(pause, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
        var next = pacer.WaitAsync("t", "19:z", CancellationToken.None);
        Assert.False(next.IsCompleted);
        clock.Advance(pause + TimeSpan.FromMilliseconds(20));
        await next;
    }
}
