using System.Net;
using System.Text.Json;
using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Connector.Tests;

/// <summary>The /api/messages endpoint and the router, on a real Kestrel host (anonymous Development mode unless stated).</summary>
public sealed class EndpointTests
{
    private static Task<BotHost> Start(Action<BotRouteBuilder> routes, TurnRecorder? recorder = null, FakeHttpHandler? connector = null, Dictionary<string, string?>? config = null) =>
        BotHost.StartAsync(config ?? [], routes, connector: connector, services: s => TurnRecorder.Register(s, recorder ?? new TurnRecorder()));

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":""}""")]
    public async Task Endpoint_MalformedJsonOrMissingType_Returns400(string body)
    {
        await using var host = await Start(r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message));
        using var response = await host.PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Endpoint_Get_Returns405()
    {
        await using var host = await Start(r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message));
        using var response = await host.Client.GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Message_IsAcknowledgedBeforeItIsProcessed_OnATokenThatOutlivesTheRequest()
    {
        var recorder = new TurnRecorder { WaitOnGate = true };
        await using var host = await Start(r => r.OnActivity<RecordingActivityHandler>(ActivityTypes.Message), recorder);

        using var response = await host.PostAsync(Activities.Message());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(recorder.TryRead(out _), "the handler is still blocked, yet the request was answered");

        recorder.Gate.SetResult();
        var (activity, token) = await recorder.NextAsync();
        Assert.Equal("act-1", activity.Id);
        Assert.False(token.IsCancellationRequested, "the request has completed, but the turn's token must not be cancelled");
    }

    [Fact]
    public async Task UnroutedActivityType_IsAcknowledgedAndIgnored()
    {
        var recorder = new TurnRecorder();
        await using var host = await Start(r => r.OnActivity<RecordingActivityHandler>(ActivityTypes.ConversationUpdate), recorder);
        using var response = await host.PostAsync(Activities.Message());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(100);
        Assert.False(recorder.TryRead(out _));
    }

    [Fact]
    public async Task Invoke_RoutedByName_IsAnsweredInlineWithStatusAndBody()
    {
        await using var host = await Start(r => r.OnInvoke<PingInvokeHandler>("composeExtension/query"));
        using var response = await host.PostAsync(Activities.Invoke("composeExtension/query", """{"commandId":"search"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"pong":"composeExtension/query"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_PlainObjectBody_IsSerializedAsJson()
    {
        await using var host = await Start(r => r.OnInvoke<ObjectBodyInvokeHandler>("composeExtension/query"));
        using var response = await host.PostAsync(Activities.Invoke("composeExtension/query", """{"commandId":"search"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"composeExtension":{"type":"result","attachmentLayout":"list","attachments":[]}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_Unrouted_Returns501()
    {
        await using var host = await Start(r => r.OnInvoke<PingInvokeHandler>("composeExtension/query"));
        using var response = await host.PostAsync(Activities.Invoke("task/fetch", "{}"));
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task CardAction_KnownVerb_ReturnsTheHandlersCard()
    {
        await using var host = await Start(r => r.OnCardAction<ApproveCardHandler>("approve"));
        using var response = await host.PostAsync(Activities.CardExecute("approve", """{"id":7}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(AdaptiveCardContentType.Value, body.GetProperty("type").GetString());
        Assert.Equal("""approved {"id":7}""", body.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task CardAction_UnknownVerb_ReturnsInvokeError400WithClearMessage()
    {
        await using var host = await Start(r => r.OnCardAction<ApproveCardHandler>("approve"));
        using var response = await host.PostAsync(Activities.CardExecute("reject"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Contains("'reject'", body.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_Returns500WithNoDetails()
    {
        await using var host = await Start(r => r.OnInvoke<ThrowingInvokeHandler>("boom"));
        using var response = await host.PostAsync(Activities.Invoke("boom", "{}"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_SlowerThanTheInvokeDeadline_IsAbandonedWith504()
    {
        await using var host = await Start(r => r.OnInvoke<SlowInvokeHandler>("slow"), config: new() { ["Bot:InvokeTimeout"] = "00:00:00.300" });
        var started = DateTime.UtcNow;
        using var response = await host.PostAsync(Activities.Invoke("slow", "{}"));
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Message_Reply_IsAddressedFromTheInboundActivityAndThreaded()
    {
        var connector = new FakeHttpHandler();
        var recorder = new TurnRecorder();
        await using var host = await Start(r => r.OnActivity<EchoHandler>(ActivityTypes.Message), recorder, connector);
        using var response = await host.PostAsync(Activities.Message(text: "<at>GovBot</at> status") .Replace("\"locale\"", "\"entities\":[{\"type\":\"mention\",\"mentioned\":{\"id\":\"28:bot\",\"name\":\"GovBot\"},\"text\":\"<at>GovBot</at>\"}],\"locale\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await recorder.NextAsync();

        var request = Assert.Single(connector.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(TestIssuer.ServiceUrl + "v3/conversations/a%3Apersonal-chat/activities/act-1", request.Wire);
        Assert.Null(request.Authorization);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("echo: status", body.GetProperty("text").GetString());
        Assert.Equal("28:bot", body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("29:user", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("a:personal-chat", body.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("act-1", body.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task ActionSubmitFallback_WithVerb_RoutesToCardHandlerAndReplacesTheCard()
    {
        var connector = new FakeHttpHandler((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"card-9"}"""));
        var recorder = new TurnRecorder();
        await using var host = await Start(r => r.OnCardAction<ApproveCardHandler>("approve").OnActivity<OtherMessageHandler>(ActivityTypes.Message), recorder, connector);
        var submit = Activities.Message().Replace("\"locale\"", "\"value\":{\"verb\":\"approve\",\"id\":3},\"replyToId\":\"card-9\",\"locale\"", StringComparison.Ordinal);
        using var response = await host.PostAsync(submit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await recorder.NextAsync();

        var request = await connector.WaitForRequestAsync();
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(TestIssuer.ServiceUrl + "v3/conversations/a%3Apersonal-chat/activities/card-9", request.Wire);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("card-9", body.GetProperty("id").GetString());
        var card = body.GetProperty("attachments")[0].GetProperty("content");
        Assert.StartsWith("approved {", card.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionSubmitFallback_RefusedByTheHandler_SendsTheReasonAsText()
    {
        // An invoke's error is shown by Teams; a Submit's would otherwise vanish, leaving a button that does nothing.
        var connector = new FakeHttpHandler((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"m-2"}"""));
        var recorder = new TurnRecorder();
        await using var host = await Start(r => r.OnCardAction<RefusingCardHandler>("approve").OnActivity<OtherMessageHandler>(ActivityTypes.Message), recorder, connector);
        var submit = Activities.Message().Replace("\"locale\"", "\"value\":{\"verb\":\"approve\"},\"replyToId\":\"card-9\",\"locale\"", StringComparison.Ordinal);
        using var response = await host.PostAsync(submit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await recorder.NextAsync();

        var request = await connector.WaitForRequestAsync();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(RefusingCardHandler.Reason, JsonDocument.Parse(request.Body!).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Routes_DuplicateActivityType_FailAtStartUp()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBotConnector(new ConfigurationBuilder().Build(), r => r
            .OnActivity<OtherMessageHandler>(ActivityTypes.Message)
            .OnActivity<RecordingActivityHandler>(ActivityTypes.Message)));
        Assert.Contains("'message'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_DuplicateCardVerb_FailAtStartUp() =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBotConnector(new ConfigurationBuilder().Build(), r => r
            .OnCardAction<ApproveCardHandler>("approve")
            .OnCardAction<ApproveCardHandler>("approve")));

    [Fact]
    public void Routes_DuplicateInvokeName_FailAtStartUp() =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBotConnector(new ConfigurationBuilder().Build(), r => r
            .OnInvoke<PingInvokeHandler>("composeExtension/query")
            .OnInvoke<ThrowingInvokeHandler>("composeExtension/query")));

    [Fact]
    public void Routes_InvokeAsPlainActivityType_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBotConnector(new ConfigurationBuilder().Build(), r => r
            .OnActivity<OtherMessageHandler>(ActivityTypes.Invoke)));
}
