using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Features.Conversations;
using GovBot.Features.Notices;
using GovBot.Features.Reminders;
using GovBot.Tests.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Tests.Features.Notices;

/// <summary>Helpers for the notice tests: a fast configuration, installs, extra subscribed channels, and a counting connector.</summary>
internal static class NoticeTestKit
{
    public const string Title = "Meeting notice: DAG 34";

    public static Dictionary<string, string?> Settings(bool worker = true) => new()
    {
        ["Reminders:Enabled"] = "false",
        ["Notices:WorkerEnabled"] = worker ? "true" : "false",
        ["Notices:VisibilityTimeout"] = "00:00:02",
        ["Notices:PollInterval"] = "00:00:00.200",
        ["Notices:ProgressInterval"] = "00:00:00.500",
        ["Notices:SendingGrace"] = "00:00:10",
        ["Notices:TenantRatePerSecond"] = "200",
        ["Notices:PublicBaseUrl"] = "https://govbot.test/",
    };

    /// <summary>A valid form for DAG 34 (13 March 2024) picked from the meeting records.</summary>
    public static JsonObject Dag34Form() => new()
    {
        ["group"] = "DAG",
        ["meeting"] = "DAG|34",
        ["date"] = "2024-03-13",
        ["start"] = "10:00",
        ["end"] = "12:30",
        ["location"] = "Elexon, 350 Euston Road, London",
        ["message"] = "Papers are published.",
    };

    public static async Task InstallAsync(BotHarness bot, params string[] personIds)
    {
        foreach (var id in personIds)
        {
            var activity = bot.Activity("conversationUpdate", bot.Person(id));
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotHarness.BotId });
            var before = bot.Connector.Sent.Count;
            using var response = await bot.PostAsync(activity);
            Assert.True(response.IsSuccessStatusCode);
            // Wait for the welcome card too: otherwise, on a busy machine, it arrives after the test's next question
            // and is taken for that question's answer.
            var conversation = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
            await bot.Connector.WaitForAsync(r => r.Method == HttpMethod.Post && r.Path.Contains(conversation, StringComparison.Ordinal) && r.Activity?["attachments"] is JsonArray, before);
        }
        // The observer stores references in the background of the turn.
        var store = bot.Services.GetRequiredService<ConversationReferenceStore>();
        foreach (var id in personIds)
        {
            for (var i = 0; i < 100 && await store.GetAsync(Recipient.Person(id), CancellationToken.None) is null; i++) await Task.Delay(50);
        }
    }

    /// <summary>Adds <paramref name="count"/> channels subscribed to DAG, with stored conversation references.</summary>
    public static async Task<IReadOnlyList<string>> AddDagChannelsAsync(BotHarness bot, int count)
    {
        var subscriptions = bot.Services.GetRequiredService<SubscriptionStore>();
        var conversations = bot.Services.GetRequiredService<ConversationReferenceStore>();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"19:dagch{i}@thread.tacv2";
            ids.Add(id);
            var recipient = Recipient.Conversation(id);
            await conversations.SaveAsync(recipient, new ConversationReference(BotHarness.ServiceUrl, Channels.MsTeams,
                new ConversationAccount(id, "channel", BotHarness.TenantId, true, $"DAG channel {i}"), new ChannelAccount(BotHarness.BotId, "GovBot"), null, BotHarness.TenantId), CancellationToken.None);
            await subscriptions.SubscribeAsync(recipient, SubscriptionTargets.Group("DAG"), CancellationToken.None);
        }
        return ids;
    }

    public static async Task<JsonObject> ComposeAsync(BotHarness bot, string personId, JsonObject form)
    {
        var (status, body) = await bot.InvokeAsync(NoticeCards.ComposeVerb, form, bot.Person(personId));
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["value"]!.AsObject();
    }

    public static async Task<IReadOnlyList<Delivery>> WaitForAllOutcomesAsync(BotHarness bot, int notice, TimeSpan? timeout = null)
    {
        var ledger = bot.Services.GetRequiredService<INoticeLedger>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var all = await ledger.ListAsync(notice, CancellationToken.None);
            if (all.Count > 0 && DeliveryCounts.Of(all).IsComplete) return all;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Pending: {string.Join(", ", all.Where(d => d.State is DeliveryState.Queued or DeliveryState.Sending).Select(d => d.Recipient.Key))}");
            await Task.Delay(200);
        }
    }

    public static string Unescaped(SentRequest r) => Uri.UnescapeDataString(r.Path);

    public static bool IsNoticeSend(SentRequest r) =>
        r.Method == HttpMethod.Post && r.Path.EndsWith("/activities", StringComparison.Ordinal) && r.CardText.Contains(Title, StringComparison.Ordinal);

    /// <summary>The conversation id of a connector path "/v3/conversations/{id}/activities[/{activityId}]".</summary>
    public static string ConversationOf(SentRequest r) => Unescaped(r).Split('/')[3];
}

/// <summary>Answers notice sends itself, so it can inject failures and count the sends Teams accepted.</summary>
internal sealed class CountingResponder
{
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private int _calls;
    private int _nextId = 5000;

    /// <summary>Given the call number (from 1), a failure status to return instead of accepting, or null.</summary>
    public Func<int, int?> Fail { get; init; } = _ => null;

    public IReadOnlyDictionary<string, int> Accepted => _accepted;

    public HttpResponseMessage? Respond(HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/activities", StringComparison.Ordinal)) return null;
        var body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!body.Contains(NoticeTestKit.Title, StringComparison.Ordinal)) return null;
        var call = Interlocked.Increment(ref _calls);
        if (Fail(call) is { } status)
        {
            var failed = new HttpResponseMessage((HttpStatusCode)status) { Content = FakeConnector.Json("""{"error":{"code":"Throttled","message":"slow down"}}""") };
            if (status == 429) failed.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return failed;
        }
        var conversation = Uri.UnescapeDataString(request.RequestUri.AbsolutePath).Split('/')[3];
        _accepted.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        return new HttpResponseMessage(HttpStatusCode.Created) { Content = FakeConnector.Json($$"""{"id":"n{{Interlocked.Increment(ref _nextId)}}"}""") };
    }
}
