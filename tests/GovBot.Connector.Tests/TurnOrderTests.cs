using System.Collections.Concurrent;
using System.Net;
using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Connector.Tests;

/// <summary>Background turns over real HTTP: in order within a conversation, in parallel across conversations.</summary>
public sealed class TurnOrderTests
{
    private const int Conversations = 6;
    private const int MessagesEach = 15;

    [Fact]
    public async Task ManyQuickMessages_AreHandledInPostedOrderPerConversation_AndConversationsRunInParallel()
    {
        var log = new TurnLog();
        await using var host = await BotHost.StartAsync([], r => r.OnActivity<RandomDelayHandler>(ActivityTypes.Message), services: s => s.AddSingleton(log));
        var ids = Enumerable.Range(0, Conversations).Select(c => $"a:chat-{c}").ToArray();
        Assert.True(ids.Select(TurnQueue.ShardOf).Distinct().Count() > 1, "the test's conversations must not all share one shard");

        // Each conversation posts its messages one after another (the next once the previous was acknowledged, as
        // Teams does); the conversations post at the same time.
        await Task.WhenAll(ids.Select(async id =>
        {
            for (var n = 0; n < MessagesEach; n++)
            {
                using var response = await host.PostAsync(Activities.Message(text: n.ToString(System.Globalization.CultureInfo.InvariantCulture), conversationId: id, id: $"{id}/{n}"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));
        await log.WaitForAsync(Conversations * MessagesEach, TimeSpan.FromSeconds(30));

        foreach (var id in ids)
        {
            Assert.Equal(Enumerable.Range(0, MessagesEach), log.HandledOrder(id));
        }

        Assert.True(log.MostConversationsAtOnce > 1, "no two conversations' turns ever ran at the same time");
    }

    [Fact]
    public async Task AConversationThatFillsItsQueue_Gets503_WhileAnotherConversationIsStillAccepted()
    {
        var recorder = new TurnRecorder { WaitOnGate = true };
        await using var host = await BotHost.StartAsync([], r => r.OnActivity<RecordingActivityHandler>(ActivityTypes.Message), services: s => TurnRecorder.Register(s, recorder));
        const string busy = "a:busy-chat";
        var other = Enumerable.Range(0, 100).Select(i => $"a:other-{i}").First(id => TurnQueue.ShardOf(id) != TurnQueue.ShardOf(busy));

        // The first turn blocks its shard's reader; the shard then holds ShardCapacity more.
        var accepted = 0;
        HttpStatusCode status;
        do
        {
            using var response = await host.PostAsync(Activities.Message(conversationId: busy, id: $"m-{accepted}"));
            status = response.StatusCode;
            if (status == HttpStatusCode.OK) accepted++;
        }
        while (status == HttpStatusCode.OK && accepted <= TurnQueue.ShardCapacity + 1);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.InRange(accepted, TurnQueue.ShardCapacity, TurnQueue.ShardCapacity + 1);
        using (var response = await host.PostAsync(Activities.Message(conversationId: other)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        recorder.Gate.SetResult();
        await recorder.NextAsync();
    }

    private sealed class TurnLog
    {
        private readonly ConcurrentQueue<(string Conversation, int N)> _handled = new();
        private readonly ConcurrentDictionary<string, int> _running = new();
        private int _mostAtOnce;

        public int MostConversationsAtOnce => Volatile.Read(ref _mostAtOnce);

        public void Started(string conversation)
        {
            _running.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            var now = _running.Count(p => p.Value > 0);
            int seen;
            while (now > (seen = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, now, seen) != seen)
            {
            }
        }

        public void Finished(string conversation, int n)
        {
            _handled.Enqueue((conversation, n));
            _running.AddOrUpdate(conversation, 0, (_, c) => c - 1);
        }

        public IEnumerable<int> HandledOrder(string conversation) => _handled.Where(h => h.Conversation == conversation).Select(h => h.N).ToList();

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_handled.Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {_handled.Count} of {count} turns were handled within {timeout}");
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Takes a random 0-30 ms, so a later message overtakes an earlier one unless turns are ordered.</summary>
    private sealed class RandomDelayHandler(TurnLog log) : IActivityHandler
    {
        public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            var conversation = turn.Activity.Conversation!.Id;
            log.Started(conversation);
            await Task.Delay(Random.Shared.Next(0, 30), cancellationToken);
            log.Finished(conversation, int.Parse(turn.Activity.Text!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
