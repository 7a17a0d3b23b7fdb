using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovBot.Connector.Tests;

public sealed class ActivityTests
{
    // Shaped like the Agents Playground's channel message (fixtures/agents-playground), with fields we do not type.
    private const string ChannelMessage = """
        {"type":"message","text":"<at>Test Bot</at> hello <at>Megan</at>","id":"f:1","timestamp":"2026-11-23T02:24:03.941Z",
         "localTimestamp":"2026-11-23T02:24:03.941+01:00","localTimezone":"Europe/Berlin",
         "serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
         "from":{"id":"29:user","name":"Alex Wilber","aadObjectId":"aad-user"},
         "recipient":{"id":"28:bot","name":"Test Bot"},
         "conversation":{"id":"19:chan@thread.tacv2;messageid=1","conversationType":"channel","isGroup":true},
         "textFormat":"plain","locale":"en-US",
         "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"Test Bot"},"text":"<at>Test Bot</at>"},
                     {"type":"mention","mentioned":{"id":"29:megan","name":"Megan"},"text":"<at>Megan</at>"},
                     {"type":"clientInfo","locale":"en-US","platform":"Web"}],
         "channelData":{"tenant":{"id":"tenant-1"},"team":{"id":"19:team@thread.tacv2","name":"My Team","aadGroupId":"g-1"},
                        "channel":{"id":"19:chan@thread.tacv2","name":"Announcements"},"teamsTeamId":"19:team@thread.tacv2","source":{"name":"message"}}}
        """;

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, ConnectorJson.Options)!;

    [Fact]
    public void Deserialize_TeamsChannelMessage_TypesTheFieldsAndKeepsUnknownOnes()
    {
        var a = Parse(ChannelMessage);
        Assert.Equal(ActivityTypes.Message, a.Type);
        Assert.Equal("f:1", a.Id);
        Assert.Equal(TimeSpan.FromHours(1), a.LocalTimestamp!.Value.Offset);
        Assert.Equal("aad-user", a.From!.AadObjectId);
        Assert.Equal("channel", a.Conversation!.ConversationType);
        Assert.True(a.Conversation.IsGroup);
        Assert.Equal("tenant-1", a.TenantId);
        Assert.Equal("19:team@thread.tacv2", a.ChannelData!.Team!.Id);
        Assert.Equal("Announcements", a.ChannelData.Channel!.Name);
        Assert.Equal("Europe/Berlin", a.Extra!["localTimezone"].GetString());
        Assert.True(a.ChannelData.Extra!.ContainsKey("teamsTeamId"));
        Assert.Equal("Web", a.Entities![2].Extra!["platform"].GetString());
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsUnknownFieldsUsesCamelCaseAndOmitsNulls()
    {
        var json = JsonSerializer.Serialize(Parse(ChannelMessage), ConnectorJson.Options);
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("Europe/Berlin", node["localTimezone"]!.GetValue<string>());
        Assert.Equal("message", node["channelData"]!["source"]!["name"]!.GetValue<string>());
        Assert.Equal("https://smba.trafficmanager.net/emea/", node["serviceUrl"]!.GetValue<string>());
        Assert.False(node.ContainsKey("replyToId"));
        Assert.False(node.ContainsKey("value"));
        Assert.False(node.ContainsKey("tenantId"), "TenantId is a helper, not a wire field");
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WrongCasing_DoesNotBindTheField()
    {
        var a = Parse("""{"type":"message","ServiceUrl":"https://x/"}""");
        Assert.Null(a.ServiceUrl);
    }

    [Fact]
    public void TextWithoutMention_RemovesOnlyTheBotsMention()
    {
        Assert.Equal("hello <at>Megan</at>", Parse(ChannelMessage).TextWithoutMention());
    }

    [Fact]
    public void TextWithoutMention_PersonalChatWithoutEntities_TrimsText() =>
        Assert.Equal("hi", (Parse(ChannelMessage) with { Entities = null, Text = "  hi " }).TextWithoutMention());

    [Fact]
    public void CreateReply_AddressesTheSenderInTheSameConversation()
    {
        var inbound = Parse(ChannelMessage);
        var reply = inbound.CreateReply("done");
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("done", reply.Text);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
        Assert.Equal(inbound.Conversation, reply.Conversation);
        Assert.Equal("f:1", reply.ReplyToId);
        Assert.Equal(inbound.ServiceUrl, reply.ServiceUrl);
        Assert.Null(reply.Id);
    }

    [Fact]
    public void GetConversationReference_CarriesEverythingForLaterAndRoundTripsAsJson()
    {
        var reference = Parse(ChannelMessage).GetConversationReference();
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("28:bot", reference.Bot.Id);
        Assert.Equal("29:user", reference.User!.Id);
        Assert.Equal("tenant-1", reference.TenantId);
        Assert.Equal("tenant-1", reference.Conversation.TenantId);
        Assert.Equal("f:1", reference.ActivityId);

        var stored = JsonSerializer.Serialize(reference, ConnectorJson.Options);
        Assert.Equal(reference, JsonSerializer.Deserialize<ConversationReference>(stored, ConnectorJson.Options));
    }

    [Fact]
    public void GetConversationReference_WithoutServiceUrl_Throws() =>
        Assert.Throws<InvalidOperationException>(() => (Parse(ChannelMessage) with { ServiceUrl = null }).GetConversationReference());

    [Fact]
    public void IsBotAdded_ConversationUpdateWithBotInMembersAdded_IsTrue()
    {
        var a = Parse("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:user"},{"id":"28:bot"}]}""");
        Assert.True(a.IsBotAdded());
    }

    [Fact]
    public void IsBotAdded_OnlyAUserAdded_IsFalse()
    {
        var a = Parse("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:user"}]}""");
        Assert.False(a.IsBotAdded());
    }

    [Theory]
    [InlineData("add", true)]
    [InlineData("add-upgrade", true)]
    [InlineData("remove", false)]
    public void IsBotAdded_InstallationUpdate_FollowsTheAction(string action, bool expected) =>
        Assert.Equal(expected, Parse($$$"""{"type":"installationUpdate","action":"{{{action}}}","recipient":{"id":"28:bot"}}""").IsBotAdded());

    [Fact]
    public void TenantId_FallsBackToChannelData()
    {
        var a = Parse("""{"type":"message","conversation":{"id":"a:1"},"channelData":{"tenant":{"id":"t-9"}}}""");
        Assert.Equal("t-9", a.TenantId);
    }

    [Fact]
    public void Message_WithCard_SerializesAsAdaptiveCardAttachment()
    {
        var json = JsonSerializer.Serialize(Activity.Message(null, Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard" })), ConnectorJson.Options);
        Assert.Equal("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"}}]}""", json);
    }

    [Fact]
    public void InvokeResponse_Factories_ProduceTheUniversalActionShapes()
    {
        var card = InvokeResponse.Card(new JsonObject { ["type"] = "AdaptiveCard" });
        Assert.Equal(200, card.Status);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard"}}""", ((JsonNode)card.Body!).ToJsonString());
        Assert.NotNull(card.AdaptiveCard);

        var message = InvokeResponse.Message("Saved");
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved"}""", ((JsonNode)message.Body!).ToJsonString());
        Assert.Equal("Saved", message.MessageText);

        var error = InvokeResponse.Error(403, "Forbidden", "Not the owner");
        Assert.Equal(403, error.Status);
        Assert.Equal("""{"statusCode":403,"type":"application/vnd.microsoft.error","value":{"code":"Forbidden","message":"Not the owner"}}""", ((JsonNode)error.Body!).ToJsonString());
        Assert.Null(error.AdaptiveCard);
    }

    [Fact]
    public void CardAction_FromInvokeValue_ReadsVerbAndData()
    {
        var value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"approve","data":{"id":5}},"trigger":"manual"}""").RootElement;
        Assert.True(CardAction.TryFromInvokeValue(value, out var action));
        Assert.Equal("approve", action!.Verb);
        Assert.Equal(5, action.Data.GetProperty("id").GetInt32());
    }

    [Fact]
    public void CardAction_FromSubmitValue_NeedsAVerbString()
    {
        Assert.True(CardAction.TryFromSubmitValue(JsonDocument.Parse("""{"verb":"approve","id":5}""").RootElement, out var action));
        Assert.Equal(5, action!.Data.GetProperty("id").GetInt32());
        Assert.False(CardAction.TryFromSubmitValue(JsonDocument.Parse("""{"verb":5}""").RootElement, out _));
        Assert.False(CardAction.TryFromSubmitValue(JsonDocument.Parse("""{"y":2}""").RootElement, out _));
        Assert.False(CardAction.TryFromSubmitValue(null, out _));
    }
}
