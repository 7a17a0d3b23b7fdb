using GovBot.Features.Reminders;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Connector;
using GovBot.People;
using GovBot.Recognition;
using GovBot.Tests.Bot;
using GovBot.Tests.Cards;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovBot.Tests.Reliability;

/// <summary>
/// Property-based fuzzing (FsCheck) of what people send GovBot: chat text, and card actions (Action.Execute
/// invokes and Action.Submit messages). Whatever arrives: no server error, nothing logged as an error, one helpful
/// answer, and nothing written that the input had no right to write. Seeds are fixed so a failure replays.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class FuzzTests(AzuriteFixture azurite, FuzzBot fuzzBot, ITestOutputHelper output) : IClassFixture<FuzzBot>
{
    public const int ChatCases = 300;
    public const int CardCases = 300;
    private const ulong ChatSeed = 20240306;
    private const ulong CardSeed = 20240307;

    private static readonly Person Stranger =
        new(ChatInputs.Stranger, "99999999-0000-0000-0000-0000000000ff", "Sam Stranger", "sam.stranger@elsewhere.example", null, []);

    /// <summary>Chat commands that change the caller's own preferences, and the tables they may write.</summary>
    private static readonly string[] PreferenceTables = ["Subscriptions", "ReminderState"];

    [Fact]
    public async Task ChatText_AlwaysOneHelpfulAnswer_NoServerError_NoStrayWrites()
    {
        var bot = await fuzzBot.StartAsync(azurite);
        await WarmUpConversationsAsync(bot);
        var expectedMessages = BotMessages(bot).Count;
        ChatCase? previous = null;

        await Fuzz.CheckAsync("chat text", ChatInputs.Arbitrary(), ChatCases, ChatSeed, async c =>
        {
            // A second answer to the previous question would arrive after it; check before this one is asked.
            Assert.True(BotMessages(bot).Count == expectedMessages, $"An extra message followed the answer to {previous}");
            previous = c;
            var activity = ChatActivity(bot, c);
            var intent = await RecogniseAsync(bot, activity);
            var logs = fuzzBot.Logs.Total;
            bot.StorageRequests.Clear();
            var before = bot.Connector.Sent.Count;

            using (var response = await bot.PostAsync(activity))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            var conversation = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
            var reply = await bot.Connector.WaitForAsync(r => IsMessage(r) && r.Path.Contains(conversation, StringComparison.Ordinal), before);
            expectedMessages++;
            Assert.True(BotMessages(bot).Count == expectedMessages, $"More than one message answered {c}");

            await AssertHelpfulAsync(reply.Activity!, c.ToString());
            if (intent is Unknown) AssertPointsToHelp(reply.Card, c);
            AssertNoErrorsLogged(logs, c.ToString());
            var allowed = intent is SetReminders or Subscribe or Unsubscribe ? PreferenceTables : [];
            AssertWritesOnlyTo(bot, allowed, $"{c} (understood as {intent.GetType().Name}: {intent.Explanation})");
        }, output);

        await Task.Delay(300);
        Assert.True(BotMessages(bot).Count == expectedMessages, $"An extra message followed the answer to {previous}");
    }

    [Fact]
    public async Task CardPayloads_AlwaysAWellFormedAnswer_NoServerError_NoWritesForInvalidPayloads()
    {
        var bot = await fuzzBot.StartAsync(azurite);
        await WarmUpConversationsAsync(bot);

        await Fuzz.CheckAsync("card payloads", CardInputs.Arbitrary(), CardCases, CardSeed, async c =>
        {
            var logs = fuzzBot.Logs.Total;
            bot.StorageRequests.Clear();
            var failed = c.Delivery == Delivery.Submit ? await SubmitAsync(bot, c) : await ExecuteAsync(bot, c);

            AssertNoErrorsLogged(logs, c.ToString());
            // An error answer means nothing was done; an input broken on purpose may write nothing either.
            if (failed || c.Invalid) AssertWritesOnlyTo(bot, [], $"{c}{(failed ? " (answered with an error)" : "")}");
        }, output);
    }

    /// <summary>Sends an Action.Execute invoke; checks the invoke response; returns whether it was an error.</summary>
    private static async Task<bool> ExecuteAsync(BotHarness bot, CardCase c)
    {
        var activity = bot.Activity("invoke", PersonOf(bot, c.Asker));
        activity["name"] = CardAction.InvokeName;
        activity["replyToId"] = "1";
        activity["value"] = c.Delivery == Delivery.BrokenInvoke
            ? c.DataNode()
            : new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = c.Verb, ["data"] = c.DataNode() }, ["trigger"] = "manual" };

        using var response = await bot.PostAsync(activity);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is 200 or (>= 400 and < 500), $"HTTP {status} for {c}");
        Assert.True(text.Length > 0, $"HTTP {status} with no body for {c}");
        var body = JsonNode.Parse(text) as JsonObject;
        Assert.True(body is not null, $"Not a JSON object: {Fuzz.Show(text)} for {c}");
        Assert.Equal(status, body["statusCode"]?.GetValue<int>());
        var type = body["type"]?.GetValue<string>();
        switch (type)
        {
            case "application/vnd.microsoft.card.adaptive":
                Assert.Equal(200, status);
                await AssertHelpfulCardAsync(body["value"] as JsonObject, c.ToString());
                return false;
            case InvokeResponse.MessageContentType:
                Assert.Equal(200, status);
                Assert.False(string.IsNullOrWhiteSpace(body["value"]?.GetValue<string>()), $"An empty message for {c}");
                return false;
            case InvokeResponse.ErrorContentType:
                Assert.NotEqual(200, status);
                AssertKindError(body["value"]?["message"]?.GetValue<string>(), c.ToString());
                return true;
            default:
                Assert.Fail($"Invoke response of type '{type}' for {c}");
                return true;
        }
    }

    /// <summary>Sends an Action.Submit message; checks the one message (or card update) that answers it.</summary>
    private static async Task<bool> SubmitAsync(BotHarness bot, CardCase c)
    {
        var activity = SubmitActivity(bot, c.Verb, c.DataNode(), PersonOf(bot, c.Asker));
        var before = bot.Connector.Sent.Count;

        using (var response = await bot.PostAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var conversation = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
        var reply = await bot.Connector.WaitForAsync(
            r => (IsMessage(r) || r.Method == HttpMethod.Put) && r.Path.Contains(conversation, StringComparison.Ordinal), before, TimeSpan.FromSeconds(10));
        await AssertHelpfulAsync(reply.Activity!, c.ToString());
        // Errors come back as text (a card action that did something answers with a card).
        return reply.Card is null;
    }

    /// <summary>An Action.Submit from a card message "1": the card's data merged into the value, next to the verb.</summary>
    internal static JsonObject SubmitActivity(BotHarness bot, string verb, JsonNode? data, Person from)
    {
        var activity = bot.Activity("message", from);
        activity["replyToId"] = "1";
        var value = data as JsonObject ?? new JsonObject { ["data"] = data };
        value["verb"] = verb;
        activity["value"] = value;
        return activity;
    }

    private static async Task AssertHelpfulAsync(JsonObject activity, string what)
    {
        var card = activity["attachments"] is JsonArray { Count: > 0 } a ? a[0]?["content"] as JsonObject : null;
        if (card is not null)
        {
            await AssertHelpfulCardAsync(card, what);
            return;
        }
        var text = activity["text"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(text), $"Neither a card nor text answered {what}");
        AssertKindError(text, what);
    }

    private static async Task AssertHelpfulCardAsync(JsonObject? card, string what)
    {
        Assert.True(card is not null, $"No card for {what}");
        await CardSchema.AssertValidAsync(card, what);
        Assert.True(card["body"] is JsonArray { Count: > 0 }, $"A card with an empty body for {what}");
        Assert.False(string.IsNullOrWhiteSpace(BotHarnessText.Of(card["body"])), $"A card with no text for {what}");
    }

    /// <summary>An error says what to do in plain words: no stack traces, type names or raw storage errors.</summary>
    private static void AssertKindError(string? message, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), $"An error with no message for {what}");
        Assert.True(message.Length <= 400, $"An error message of {message.Length} characters for {what}");
        foreach (var leak in new[] { "Exception", "   at ", "System.", "Azure.", "RequestFailed", "Status: ", "ErrorCode" })
        {
            Assert.DoesNotContain(leak, message, StringComparison.Ordinal);
        }
    }

    /// <summary>Not understood: the answer offers questions to press, help among them (the app's shape, not its words).</summary>
    private static void AssertPointsToHelp(JsonObject? card, ChatCase c)
    {
        var offered = (card?["actions"] as JsonArray ?? [])
            .Select(a => a?["data"]?["msteams"] is JsonObject { } m && m["type"]?.GetValue<string>() == "imBack" ? m["value"]?.GetValue<string>() : null)
            .Where(q => q is not null)
            .ToList();
        Assert.True(offered.Contains("help") && offered.Count >= 2, $"Not understood, but the answer offers no help or suggestions ({string.Join(", ", offered)}) for {c}");
    }

    private void AssertNoErrorsLogged(int skip, string what)
    {
        var errors = fuzzBot.Logs.ErrorsAfter(skip);
        Assert.True(errors.Count == 0, $"Logged as errors for {what}: {string.Join(" | ", errors)}");
    }

    private static readonly HashSet<string> ReadMethods = ["GET", "HEAD"];

    internal static void AssertWritesOnlyTo(BotHarness bot, IReadOnlyCollection<string> tables, string what)
    {
        var root = "/devstoreaccount1/" + bot.Prefix;
        var writes = bot.StorageRequests.All
            .Where(r => !ReadMethods.Contains(r[..r.IndexOf(' ', StringComparison.Ordinal)]))
            .Where(r => !tables.Any(t => r.Contains(root + t + "(", StringComparison.Ordinal) || r.Contains(root + t + "?", StringComparison.Ordinal) || r.EndsWith(root + t, StringComparison.Ordinal)))
            .ToList();
        Assert.True(writes.Count == 0, $"Storage was written for {what}: {string.Join(" | ", writes.Take(5))}");
    }

    /// <summary>The first message of each person in each conversation stores its reference; after that, answering writes nothing.</summary>
    private static async Task WarmUpConversationsAsync(BotHarness bot)
    {
        foreach (var asker in ChatInputs.Askers)
        {
            foreach (var place in Enum.GetValues<Place>())
            {
                var activity = ChatActivity(bot, new ChatCase("hi", asker, place, Mention.Leading, "warm-up"));
                var before = bot.Connector.Sent.Count;
                using var response = await bot.PostAsync(activity);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await bot.Connector.WaitForAsync(IsMessage, before);
            }
        }
        // The reference is stored alongside the answer; let the last one land.
        await Task.Delay(300);
    }

    private static JsonObject ChatActivity(BotHarness bot, ChatCase c)
    {
        var from = PersonOf(bot, c.Asker);
        var (type, id) = c.Place switch
        {
            Place.Channel => ("channel", "19:fuzz@thread.tacv2;messageid=200"),
            Place.GroupChat => ("groupChat", "19:fuzz-chat@thread.v2"),
            _ => ("personal", (string?)null),
        };
        var activity = bot.Activity("message", from, type, id);
        activity["textFormat"] = "plain";
        if (c.Place == Place.Personal)
        {
            activity["text"] = c.Text;
            return activity;
        }
        const string Bot = "<at>GovBot</at>";
        var lee = bot.Person("lee-cox");
        var (text, mentions) = c.Mention switch
        {
            Mention.Leading => ($"{Bot} {c.Text}", new[] { (Bot, BotHarness.BotId) }),
            Mention.Trailing => ($"{c.Text} {Bot}", new[] { (Bot, BotHarness.BotId) }),
            Mention.MarkupOnly => ($"{Bot} {c.Text}", []),
            _ => ($"{Bot} {c.Text} <at>Lee Cox</at> {Bot}", new[] { (Bot, BotHarness.BotId), ("<at>Lee Cox</at>", $"29:{lee.Id}") }),
        };
        activity["text"] = text;
        activity["entities"] = new JsonArray([.. mentions.Select(m => (JsonNode)new JsonObject
        {
            ["type"] = "mention",
            ["text"] = m.Item1,
            ["mentioned"] = new JsonObject { ["id"] = m.Item2, ["name"] = m.Item1[4..^5] },
        })]);
        return activity;
    }

    /// <summary>What the app would make of the message (read before the case, so its storage reads are not the case's).</summary>
    private static async Task<Intent> RecogniseAsync(BotHarness bot, JsonObject activity)
    {
        var parsed = JsonSerializer.Deserialize<Activity>(activity.ToJsonString(), ConnectorJson.Options)!;
        using var scope = bot.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AskService>().RecogniseAsync(parsed.TextWithoutMention() ?? "", CancellationToken.None);
    }

    private static Person PersonOf(BotHarness bot, string id) => id == ChatInputs.Stranger ? Stranger : bot.Person(id);

    internal static bool IsMessage(SentRequest r) => r.Method == HttpMethod.Post && r.Activity?["type"]?.GetValue<string>() == "message";

    private static List<SentRequest> BotMessages(BotHarness bot) => bot.Connector.Sent.Where(IsMessage).ToList();
}
