using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GovBot.Features.Notices;
using GovBot.Features.Outbox;
using GovBot.Features.Reminders;
using GovBot.Tests.Bot;
using GovBot.Tests.Features.Notices;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Tests.Features.Outbox;

/// <summary>GovBot on Azurite with the fake connector: reminders and notices both wait on the one outbox.</summary>
[Collection(StorageCollection.Name)]
public class SharedOutboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AReminderRunAndANoticeBroadcast_BothWaitOutTheOutboxsRetryAfterPause()
    {
        // Friday 19 April 2024, after 09:00: Lee's checklist digest is due. The scheduler is off; the run is started below.
        await using var bot = await BotHarness.StartAsync(azurite, startAt: "2024-04-19T09:05:00+01:00", settings: NoticeTestKit.Settings());
        await NoticeTestKit.InstallAsync(bot, "lee-cox");
        var channels = await NoticeTestKit.AddDagChannelsAsync(bot, 3);
        var form = NoticeTestKit.Dag34Form();
        form["date"] = "2024-04-30";
        await NoticeTestKit.ComposeAsync(bot, "priya-patel", form);

        var clock = Stopwatch.StartNew();
        var posts = new ConcurrentQueue<(string Conversation, string Body, TimeSpan At)>();
        bot.Connector.Respond = request =>
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/activities", StringComparison.Ordinal))
                posts.Enqueue((Uri.UnescapeDataString(request.RequestUri.AbsolutePath).Split('/')[3], request.Content!.ReadAsStringAsync().GetAwaiter().GetResult(), clock.Elapsed));
            return null; // answered as usual
        };
        // As a 429 with Retry-After: 3 would: every proactive send of the app waits.
        bot.Services.GetRequiredService<OutboxPacer>().Pause(TimeSpan.FromSeconds(3));

        var (status, _) = await bot.InvokeAsync(NoticeCards.SendVerb, new JsonObject { ["notice"] = 1 }, bot.Person("priya-patel"));
        Assert.Equal(HttpStatusCode.OK, status);
        var run = await bot.Services.GetRequiredService<ReminderRunner>().RunOnceAsync(CancellationToken.None);
        var outcomes = await NoticeTestKit.WaitForAllOutcomesAsync(bot, 1);

        Assert.NotNull(run);
        Assert.True(run.Sent >= 1, $"sent {run.Sent}");
        var digests = posts.Where(p => p.Body.Contains("pre-qualification submission", StringComparison.Ordinal)).ToList();
        var copies = posts.Where(p => p.Body.Contains(NoticeTestKit.Title, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(digests);
        Assert.Equal(channels.Order(StringComparer.Ordinal), copies.Select(c => c.Conversation).Where(channels.Contains).Order(StringComparer.Ordinal));
        Assert.All(outcomes.Where(o => channels.Contains(o.Recipient.Id)), o => Assert.Equal(DeliveryState.Delivered, o.State));
        Assert.All(digests.Concat(copies), p => Assert.True(p.At >= TimeSpan.FromSeconds(2.9), $"a send reached Teams {p.At.TotalSeconds:F2} s into a 3 s pause"));
    }
}
