using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Testing;
using Xunit.Abstractions;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// A member's journeys through Microsoft's Agents Playground, driven through its HTTP/WebSocket API: the Playground
/// posts real activities to the real GovBot process, which answers through the Playground's mock connector.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PlaygroundJourneyTests(GovBotWithPlayground stack, ITestOutputHelper output)
{
    private PlaygroundSession Playground => stack.Playground;

    [Fact]
    public async Task Install_SendsTheWelcomeCard()
    {
        Playground.DiscardPendingEvents();
        await Playground.InstallAsync();

        var welcome = await Playground.NextCardAsync("I'm GovBot");

        var text = PlaygroundSession.CardText(PlaygroundSession.Card(welcome)!.Value);
        output.WriteLine(text);
        Assert.Contains("your actions, meetings and agendas", text, StringComparison.Ordinal);
        Assert.Contains("my open actions", ButtonTitlesAndData(PlaygroundSession.Card(welcome)!.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyOpenActions_ListsExactlyTheActionsLeeCoxOwns()
    {
        await Playground.SayAsync("my open actions");

        var answer = await Playground.NextCardAsync("Your open actions");

        Assert.Equal(["DAG12-06", "DAG31-08", "DAG32-04", "DAG33-04"], ShowRefs(PlaygroundSession.Card(answer)!.Value));
    }

    [Fact]
    public async Task PostingAnUpdateFromTheCard_UpdatesTheCardAndTheStoredAction()
    {
        var update = $"Draft sent to the DAG chair for review ({Guid.NewGuid():N})"[..60];
        await Playground.SayAsync("my open actions");
        var list = await Playground.NextCardAsync("Your open actions");

        // The list's row for DAG33-04 opens its detail card in place (action.show), as a click on the row does.
        var detail = await Playground.ExecuteAsync(PlaygroundSession.MessageId(list), "action.show", new JsonObject { ["ref"] = "DAG33-04" });
        Assert.Equal("application/vnd.microsoft.card.adaptive", detail["type"]!.GetValue<string>());
        var saveData = SaveUpdateData(JsonSerializer.SerializeToElement(detail["value"]));
        Assert.Equal("DAG33-04", saveData["ref"]!.GetValue<string>());

        // "Add an update" → type → "Save update": action.update with the card's data plus the input.
        saveData["updateText"] = update;
        var saved = await Playground.ExecuteAsync(PlaygroundSession.MessageId(list), "action.update", saveData);

        Assert.Equal("application/vnd.microsoft.card.adaptive", saved["type"]!.GetValue<string>());
        Assert.Contains(update, PlaygroundSession.CardText(JsonSerializer.SerializeToElement(saved["value"])), StringComparison.Ordinal);

        // Asked afresh, the action shows the update too: it was stored, not only drawn.
        await Playground.SayAsync("DAG33-04");
        var fresh = await Playground.NextCardAsync(update);
        Assert.Contains("DAG33-04", PlaygroundSession.CardText(PlaygroundSession.Card(fresh)!.Value), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Journeys.Questions), MemberType = typeof(Journeys))]
    public async Task Question_IsAnsweredWithItsCard(string question)
    {
        var journey = Journeys.Find(question);
        await Playground.SayAsync(journey.Question);

        var answer = await Playground.NextCardAsync(journey.CardMarker);

        var text = PlaygroundSession.CardText(PlaygroundSession.Card(answer)!.Value);
        output.WriteLine(text);
        foreach (var expected in journey.CardSays)
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The refs of the card's action.show buttons, in card order.</summary>
    internal static List<string> ShowRefs(JsonElement card)
    {
        var refs = new List<string>();
        PlaygroundSession.Walk(card, el =>
        {
            if (el.TryGetProperty("verb", out var verb) && verb.GetString() == "action.show"
                && el.TryGetProperty("data", out var data) && data.TryGetProperty("ref", out var r))
            {
                refs.Add(r.GetString()!);
            }
        });
        return refs;
    }

    /// <summary>The data of the detail card's "Save update" (action.update) button.</summary>
    private static JsonObject SaveUpdateData(JsonElement card)
    {
        JsonObject? found = null;
        PlaygroundSession.Walk(card, el =>
        {
            if (found is null && el.TryGetProperty("verb", out var verb) && verb.GetString() == "action.update" && el.TryGetProperty("data", out var data))
            {
                found = JsonNode.Parse(data.GetRawText())!.AsObject();
            }
        });
        return found ?? throw new InvalidOperationException("The detail card has no 'Save update' (action.update) button: " + card.GetRawText());
    }

    private static string ButtonTitlesAndData(JsonElement card)
    {
        var parts = new List<string>();
        PlaygroundSession.Walk(card, el =>
        {
            if (el.TryGetProperty("type", out var t) && t.GetString()?.StartsWith("Action.", StringComparison.Ordinal) == true)
            {
                parts.Add(el.GetRawText());
            }
        });
        return string.Join('\n', parts);
    }

    [Fact]
    public async Task InAChannel_SubscribeChecklist_IsConfirmed_AndListedBySubscriptions()
    {
        var playground = Playground;
        var channel = playground.ChannelId("DAG");

        await playground.SayWithMentionAsync(channel, "subscribe checklist");
        var confirmed = await playground.NextCardAsync("checklist");

        await playground.SayWithMentionAsync(channel, "subscriptions");
        var listed = await playground.NextCardAsync("checklist");

        Assert.Contains("checklist", PlaygroundSession.CardText(PlaygroundSession.Card(confirmed)!.Value), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("checklist", PlaygroundSession.CardText(PlaygroundSession.Card(listed)!.Value), StringComparison.OrdinalIgnoreCase);
    }
}
