using System.Net;
using System.Text.Json.Nodes;
using GovBot.Features.Conversations;
using GovBot.Features.Notices;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using static GovBot.Tests.Features.Notices.NoticeTestKit;

namespace GovBot.Tests.Features.Notices;

/// <summary>The durable fan-out on Azurite queues and tables: Teams throttling and errors, and an app restart mid-broadcast.</summary>
[Collection(StorageCollection.Name)]
public class NoticeFanOutTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task InjectedThrottlingAndServerErrors_EveryChannelGetsTheNoticeExactlyOnce()
    {
        await using var bot = await BotHarness.StartAsync(azurite, settings: Settings());
        var channels = await AddDagChannelsAsync(bot, 40);
        // Every 3rd call answers 429 (Retry-After: 0), every 5th 500, every 7th 503: retried by the connector or re-queued.
        var responder = new CountingResponder { Fail = call => call % 3 == 0 ? 429 : call % 5 == 0 ? 500 : call % 7 == 0 ? 503 : null };
        bot.Connector.Respond = responder.Respond;

        await ComposeAsync(bot, "priya-patel", Dag34Form());
        var (status, _) = await bot.InvokeAsync(NoticeCards.SendVerb, new JsonObject { ["notice"] = 1 }, bot.Person("priya-patel"));
        Assert.Equal(HttpStatusCode.OK, status);

        var outcomes = await WaitForAllOutcomesAsync(bot, 1);
        var delivered = outcomes.Where(d => d.State == DeliveryState.Delivered).ToList();
        Assert.Equal(40, delivered.Count);
        Assert.All(delivered, d => Assert.NotNull(d.ActivityId));
        Assert.Contains(delivered, d => d.Attempts > 1); // some were re-queued after a 500
        Assert.Equal(channels.Order(StringComparer.Ordinal), responder.Accepted.Keys.Order(StringComparer.Ordinal));
        Assert.All(responder.Accepted.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task TwoWorkers_JobsReappearWhileStillBeingSent_EachCopyStillSentOnce()
    {
        var settings = Settings();
        settings["Notices:VisibilityTimeout"] = "00:00:01"; // shorter than a send: every job comes round again mid-send
        await using var bot = await BotHarness.StartAsync(azurite, settings: settings);
        var channels = await AddDagChannelsAsync(bot, 20);
        var responder = new CountingResponder();
        bot.Connector.Respond = responder.Respond;
        bot.Connector.Latency = TimeSpan.FromMilliseconds(1500);
        using var stop = new CancellationTokenSource();
        var rival = ActivatorUtilities.CreateInstance<NoticeWorker>(bot.Services).RunAsync(stop.Token); // a second instance

        await ComposeAsync(bot, "priya-patel", Dag34Form());
        var (status, _) = await bot.InvokeAsync(NoticeCards.SendVerb, new JsonObject { ["notice"] = 1 }, bot.Person("priya-patel"));
        Assert.Equal(HttpStatusCode.OK, status);

        var outcomes = await WaitForAllOutcomesAsync(bot, 1);
        await Task.Delay(3000); // released jobs come round again and find nothing to do
        await stop.CancelAsync();
        await rival;
        var channelOutcomes = outcomes.Where(d => d.Recipient.Kind == GovBot.Features.Conversations.RecipientKind.Conversation).ToList();
        Assert.True(channelOutcomes.All(d => d.State == DeliveryState.Delivered), string.Join(", ", channelOutcomes.Select(d => $"{d.State} {d.Error}")));
        Assert.Equal(channels.Order(StringComparer.Ordinal), responder.Accepted.Keys.Order(StringComparer.Ordinal));
        Assert.All(responder.Accepted.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task AppRestartsMidBroadcast_ResumesFromTheQueue_NoneLostNoneTwice_AndACopyCaughtMidCallIsReportedNotResent()
    {
        var responder = new CountingResponder();
        var settings = Settings();
        settings["Notices:MaxParallelSends"] = "2";
        settings["Notices:SendingGrace"] = "00:00:02"; // the copy caught mid-call is resolved soon after the restart
        var first = await BotHarness.StartAsync(azurite, settings: settings);
        var prefix = first.Prefix;
        IReadOnlyList<string> channels;
        string abandoned;
        try
        {
            channels = await AddDagChannelsAsync(first, 60);
            first.Connector.Respond = responder.Respond;
            first.Connector.Latency = TimeSpan.FromMilliseconds(40);
            await ComposeAsync(first, "priya-patel", Dag34Form());
            var (status, _) = await first.InvokeAsync(NoticeCards.SendVerb, new JsonObject { ["notice"] = 1 }, first.Person("priya-patel"));
            Assert.Equal(HttpStatusCode.OK, status);

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (responder.Accepted.Count < 10 && DateTime.UtcNow < deadline) await Task.Delay(20);

            // A worker has claimed a copy and is inside the Teams call when the process dies.
            var ledger = first.Services.GetRequiredService<INoticeLedger>();
            abandoned = "";
            foreach (var d in (await ledger.ListAsync(1, CancellationToken.None)).Where(d => d.State == DeliveryState.Queued && d.Recipient.Kind == GovBot.Features.Conversations.RecipientKind.Conversation))
            {
                if (await ledger.TryClaimAsync(d, BotHarness.ServiceUrl, d.Recipient.Id, first.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None) is not null)
                {
                    abandoned = d.Recipient.Id;
                    break;
                }
            }
            Assert.NotEqual("", abandoned);
            first.KeepTables = true;
        }
        finally
        {
            await first.DisposeAsync(); // the app stops mid-broadcast
        }
        var sentBeforeRestart = responder.Accepted.Count;
        Assert.True(sentBeforeRestart < 59, $"the broadcast finished before the restart ({sentBeforeRestart} sent)");

        // The restarted app: its worker starts once the fake Teams is wired (as the hosted worker would on start-up).
        var restarted = new Dictionary<string, string?>(settings) { ["Notices:WorkerEnabled"] = "false" };
        await using var second = await BotHarness.StartAsync(azurite, settings: restarted, prefix: prefix);
        second.Connector.Respond = responder.Respond;
        second.Connector.Latency = TimeSpan.FromMilliseconds(40);
        using var stop = new CancellationTokenSource();
        var worker = second.Services.GetRequiredService<NoticeWorker>().RunAsync(stop.Token);
        var outcomes = await WaitForAllOutcomesAsync(second, 1);

        var channelOutcomes = outcomes.Where(d => d.Recipient.Kind == GovBot.Features.Conversations.RecipientKind.Conversation).ToList();
        Assert.Equal(59, channelOutcomes.Count(d => d.State == DeliveryState.Delivered));
        var unknown = Assert.Single(channelOutcomes, d => d.State == DeliveryState.Unknown);
        Assert.Equal(abandoned, unknown.Recipient.Id);
        Assert.Contains("worker stopped", unknown.Error, StringComparison.Ordinal);

        await Task.Delay(2500); // any stray job would come round again by now
        Assert.All(responder.Accepted.Values, n => Assert.Equal(1, n)); // none twice
        Assert.Equal(channels.Where(c => c != abandoned).Order(StringComparer.Ordinal), responder.Accepted.Keys.Order(StringComparer.Ordinal)); // none lost
        Assert.Contains("Outcome unknown", BotHarnessText.Of(await second.AskAsync("notice report 1", second.Person("priya-patel"))));
        await stop.CancelAsync();
        await worker;
    }
}
