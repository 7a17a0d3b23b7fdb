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

    [Fact]
    public async Task PmoSendsAMeetingNotice_AndTheMemberSendsApologies()
    {
        // Two Teams clients on one GovBot: Lee Cox (a DAG member) here, and a second Playground signed in as the PMO.
        // (The Playground speaks in its chats as its own configured user, so the PMO needs her own.)
        var member = Playground;
        await member.InstallAsync();
        await member.NextCardAsync("my open actions");
        var pmoConfig = await GovBotProcess.RunVerbAsync(["playground-config", "--as", "priya-patel"], TimeSpan.FromSeconds(60));
        await using var pmo = await PlaygroundSession.StartAsync(stack.App.MessagesEndpoint, pmoConfig);
        await pmo.InstallAsync();
        await pmo.NextCardAsync("my open actions");

        await pmo.SayAsync("post notice");
        var form = await pmo.NextCardAsync("New meeting notice");
        var preview = await pmo.ExecuteAsync(PlaygroundSession.MessageId(form), "notice.compose", new JsonObject
        {
            ["group"] = "DAG",
            ["meeting"] = "DAG|34",
            ["date"] = "2024-03-13",
            ["start"] = "10:00",
            ["end"] = "12:30",
            ["location"] = "Elexon, 350 Euston Road, London",
            ["message"] = "Papers are published.",
        });
        var send = FindExecute(preview, "notice.send") ?? throw new Xunit.Sdk.XunitException($"no Send button on the preview: {preview.ToJsonString()}");
        member.DiscardPendingEvents();
        await pmo.ExecuteAsync(PlaygroundSession.MessageId(form), "notice.send", send["data"]!.AsObject().DeepClone().AsObject());

        // Delivered through the queue to the member's chat, in the member's client.
        var notice = await member.NextCardAsync("Send apologies");
        var noticeText = PlaygroundSession.CardText(PlaygroundSession.Card(notice)!.Value);
        Assert.Contains("Wednesday 13 March 2024", noticeText);
        var apologies = FindExecute(JsonNode.Parse(PlaygroundSession.Card(notice)!.Value.GetRawText()), "notice.apologies")!;
        var answer = await member.ExecuteAsync(PlaygroundSession.MessageId(notice), "notice.apologies", apologies["data"]!.AsObject().DeepClone().AsObject());

        Assert.Contains("You sent your apologies", answer.ToJsonString(), StringComparison.Ordinal);
    }

    private static JsonObject? FindExecute(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["verb"]?.GetValue<string>() == verb => o,
        JsonObject o => o.Select(p => FindExecute(p.Value, verb)).FirstOrDefault(x => x is not null),
        JsonArray a => a.Select(x => FindExecute(x, verb)).FirstOrDefault(x => x is not null),
        _ => null,
    };
}
