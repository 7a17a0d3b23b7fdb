using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Connector.Tests.Infrastructure;
using GovBot.Testing;
using Xunit.Abstractions;

namespace GovBot.Connector.Tests;

/// <summary>
/// Interop with Microsoft's own client: the Agents Playground (pinned in package.json) drives our endpoint, hosted
/// on Kestrel, over real HTTP; the bot answers through the Playground's mock connector; we watch the Playground's
/// WebSocket for what a user would see.
/// </summary>
public sealed class PlaygroundInteropTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Playground_InstallMessageAndCardActions_RoundTripThroughOurEndpoint()
    {
        var recorder = new TurnRecorder();
        await using var bot = await BotHost.StartAsync([], routes => routes
                .OnActivity<RecordingActivityHandler>(ActivityTypes.InstallationUpdate)
                .OnActivity<PlaygroundMessageHandler>(ActivityTypes.Message)
                .OnCardAction<ApproveCardHandler>("approve"),
            services: s => TurnRecorder.Register(s, recorder));

        await using var playground = await PlaygroundSession.StartAsync(bot.Endpoint);
        try
        {
            var chat = playground.PersonalChatId;

            // 1. Install: installationUpdate reaches our handler.
            await playground.InstallAsync();
            var (installed, _) = await recorder.NextAsync(StepTimeout);
            Assert.Equal(ActivityTypes.InstallationUpdate, installed.Type);
            Assert.True(installed.IsBotAdded());
            Assert.Equal(chat, installed.Conversation?.Id);

            // 2. A message: our reply and our card reach the Playground.
            await playground.SayAsync("hello bot");
            var echo = await playground.NextAsync(e => PlaygroundSession.Action(e) == "createMessage" && Text(e) == "echo: hello bot", "the echo");
            Assert.Equal(chat, echo.GetProperty("actionConversationId").GetString());
            var cardMessage = await playground.NextAsync(e => PlaygroundSession.Action(e) == "createMessage" && CardText(e) == "Approve the change?", "the card");
            var cardId = PlaygroundSession.MessageId(cardMessage);

            // 3. Action.Execute: the adaptiveCard/action invoke is answered inline with the updated card.
            var answer = await playground.ExecuteAsync(cardId, "approve", new JsonObject { ["x"] = 1 });
            Assert.Equal(AdaptiveCardContentType.Value, answer["type"]!.GetValue<string>());
            Assert.Equal("approved {\"x\":1}", answer["value"]!["body"]![0]!["text"]!.GetValue<string>());

            var (invoked, _) = await recorder.NextAsync(StepTimeout);
            Assert.Equal(ActivityTypes.Invoke, invoked.Type);
            Assert.Equal(cardId, invoked.ReplyToId);

            // 4. Action.Submit fallback (message with value.verb): the card handler's card replaces the message via PUT.
            using (var submit = await playground.Http.PostAsJsonAsync("/_conversation/v1/submit", new
            {
                conversation = new { id = chat },
                from = new { id = playground.CurrentUserId },
                replyToId = cardId,
                value = new { verb = "approve", x = 2 },
            }))
            {
                Assert.True(submit.IsSuccessStatusCode, $"submit answered {submit.StatusCode}");
            }

            var updated = await playground.NextAsync(e => PlaygroundSession.Action(e) == "updateMessage" && PlaygroundSession.MessageId(e) == cardId, "the updated card");
            Assert.StartsWith("approved {", CardText(updated), StringComparison.Ordinal);
            Assert.Contains("\"verb\":\"approve\"", CardText(updated), StringComparison.Ordinal);
        }
        finally
        {
            output.WriteLine(playground.Log());
        }
    }

    private static string? Text(JsonElement e) =>
        e.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) ? t.GetString() : null;

    /// <summary>The first TextBlock text of the message's first Adaptive Card.</summary>
    private static string? CardText(JsonElement e) =>
        PlaygroundSession.Card(e) is { } card && card.TryGetProperty("body", out var body) && body.GetArrayLength() > 0
        && body[0].TryGetProperty("text", out var text)
            ? text.GetString()
            : null;
}

/// <summary>The Playground bot's message handler: echo, then a card with an Action.Execute "approve".</summary>
public sealed class PlaygroundMessageHandler : IActivityHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendAsync("echo: " + turn.Activity.TextWithoutMention(), cancellationToken);
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Approve the change?" }),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Approve",
                ["verb"] = "approve",
                ["data"] = new JsonObject { ["x"] = 1 },
            }),
        };
        await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(card)), cancellationToken);
    }
}
