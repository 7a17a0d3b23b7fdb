using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Connector.Tests;

/// <summary>The router's middleware pipeline and turn error handlers, on a real Kestrel host.</summary>
public sealed class MiddlewareTests
{
    private static Task<BotHost> Start(Action<BotRouteBuilder> routes, Trace trace, FakeHttpHandler? connector = null, Dictionary<string, string?>? config = null) =>
        BotHost.StartAsync(config ?? [], routes, connector: connector, services: s =>
        {
            s.AddSingleton(trace);
            TurnRecorder.Register(s, new TurnRecorder());
        });

    [Fact]
    public async Task Middleware_RunsAroundTheHandler_InRegistrationOrder_ForActivitiesAndInvokes()
    {
        var trace = new Trace();
        await using var host = await Start(r => r
            .Use<OuterMiddleware>()
            .Use<InnerMiddleware>()
            .OnActivity<TracingActivityHandler>(ActivityTypes.Message)
            .OnInvoke<PingInvokeHandler>("composeExtension/query"), trace);

        using (var response = await host.PostAsync(Activities.Message()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await trace.WaitForAsync("outer after Activity");
        Assert.Equal(["outer before Activity", "inner before Activity", "handler", "inner after Activity", "outer after Activity"], trace.Lines);

        trace.Clear();
        using (var response = await host.PostAsync(Activities.Invoke("composeExtension/query", "{}")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(["outer before Invoke", "inner before Invoke", "inner after Invoke", "outer after Invoke"], trace.Lines);
    }

    [Fact]
    public async Task Middleware_CanReplaceAnInvokesResponse()
    {
        await using var host = await Start(r => r.Use<TeapotMiddleware>().OnCardAction<ApproveCardHandler>("approve"), new Trace());
        using var response = await host.PostAsync(Activities.CardExecute("approve"));
        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("short and stout", body.GetProperty("value").GetProperty("message").GetString());
    }

    [Fact]
    public async Task ErrorHandler_SeesTheException_AndItsResponseReplacesTheInvokes500()
    {
        var trace = new Trace();
        await using var host = await Start(r => r.OnTurnError<DecliningErrorHandler>().OnTurnError<UnavailableErrorHandler>().OnCardAction<ThrowingCardHandler>("approve"), trace);
        using var response = await host.PostAsync(Activities.CardExecute("approve"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal(UnavailableErrorHandler.Message, body.GetProperty("value").GetProperty("message").GetString());
        // Both were asked, in order, and saw the handler's exception and the kind of turn.
        Assert.Equal(["declined CardAction TimeoutException: " + ThrowingCardHandler.Detail, "answered CardAction TimeoutException: " + ThrowingCardHandler.Detail], trace.Lines);
    }

    [Fact]
    public async Task ErrorHandler_AlsoSeesExceptionsFromMiddleware()
    {
        var trace = new Trace();
        await using var host = await Start(r => r.OnTurnError<UnavailableErrorHandler>().Use<ThrowingMiddleware>().OnInvoke<PingInvokeHandler>("composeExtension/query"), trace);
        using var response = await host.PostAsync(Activities.Invoke("composeExtension/query", "{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(["answered Invoke TimeoutException: from middleware"], trace.Lines);
    }

    [Fact]
    public async Task ErrorHandler_OnASubmittedCardAction_ItsErrorIsSaidInTheChat()
    {
        var trace = new Trace();
        var connector = new FakeHttpHandler((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"m-1"}"""));
        await using var host = await Start(r => r.OnTurnError<UnavailableErrorHandler>().OnCardAction<ThrowingCardHandler>("approve"), trace, connector);
        var submit = Activities.Message().Replace("\"locale\"", "\"value\":{\"verb\":\"approve\"},\"replyToId\":\"card-9\",\"locale\"", StringComparison.Ordinal);
        using (var response = await host.PostAsync(submit))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var request = await connector.WaitForRequestAsync();
        Assert.Equal(UnavailableErrorHandler.Message, JsonDocument.Parse(request.Body!).RootElement.GetProperty("text").GetString());
        Assert.Equal(["answered CardAction TimeoutException: " + ThrowingCardHandler.Detail], trace.Lines);
    }

    [Fact]
    public async Task ErrorHandler_ThatHandlesAnActivityTurn_KeepsTheErrorOutOfTheHostsLog()
    {
        var trace = new Trace();
        await using var host = await Start(r => r.OnTurnError<UnavailableErrorHandler>().OnActivity<ThrowingActivityHandler>(ActivityTypes.Message), trace);
        using (var response = await host.PostAsync(Activities.Message()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await trace.WaitForAsync("answered Activity TimeoutException: from the activity handler");
        await Task.Delay(100);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.StartsWith("Unhandled error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoErrorHandlerAnswers_TheInvokeStillGetsAnEmpty500()
    {
        var trace = new Trace();
        await using var host = await Start(r => r.OnTurnError<DecliningErrorHandler>().OnInvoke<ThrowingInvokeHandler>("boom"), trace);
        using var response = await host.PostAsync(Activities.Invoke("boom", "{}"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal(["declined Invoke InvalidOperationException: secret internal detail"], trace.Lines);
    }

    [Fact]
    public async Task InvokeDeadline_IsNotAnErrorForTheErrorHandlers()
    {
        var trace = new Trace();
        await using var host = await Start(r => r.OnTurnError<UnavailableErrorHandler>().OnInvoke<SlowInvokeHandler>("slow"), trace, config: new() { ["Bot:InvokeTimeout"] = "00:00:00.300" });
        using var response = await host.PostAsync(Activities.Invoke("slow", "{}"));
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Empty(trace.Lines);
    }

    [Fact]
    public void Routes_SameMiddlewareTwice_FailsAtStartUp() =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBotConnector(new ConfigurationBuilder().Build(), r => r
            .Use<OuterMiddleware>()
            .Use<OuterMiddleware>()));

    public sealed class Trace
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public List<string> Lines => [.. Queue];

        public void Add(string line) => Queue.Enqueue(line);

        public void Clear() => Queue.Clear();

        public async Task WaitForAsync(string line)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!Queue.Contains(line))
            {
                Assert.True(DateTime.UtcNow < deadline, $"'{line}' was not traced within 10 s; traced: {string.Join(" | ", Queue)}");
                await Task.Delay(20);
            }
        }
    }

    public sealed class OuterMiddleware(Trace trace) : IBotMiddleware
    {
        public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, TurnKind kind, NextTurn continueTurn, CancellationToken cancellationToken)
        {
            trace.Add($"outer before {kind}");
            var response = await continueTurn(cancellationToken);
            trace.Add($"outer after {kind}");
            return response;
        }
    }

    public sealed class InnerMiddleware(Trace trace) : IBotMiddleware
    {
        public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, TurnKind kind, NextTurn continueTurn, CancellationToken cancellationToken)
        {
            trace.Add($"inner before {kind}");
            var response = await continueTurn(cancellationToken);
            trace.Add($"inner after {kind}");
            return response;
        }
    }

    public sealed class TeapotMiddleware : IBotMiddleware
    {
        public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, TurnKind kind, NextTurn continueTurn, CancellationToken cancellationToken)
        {
            var response = await continueTurn(cancellationToken);
            return response?.Status == 200 ? InvokeResponse.Error(418, "Teapot", "short and stout") : response;
        }
    }

    public sealed class ThrowingMiddleware : IBotMiddleware
    {
        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, TurnKind kind, NextTurn continueTurn, CancellationToken cancellationToken) =>
            throw new TimeoutException("from middleware");
    }

    public sealed class TracingActivityHandler(Trace trace) : IActivityHandler
    {
        public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            trace.Add("handler");
            return Task.CompletedTask;
        }
    }

    public sealed class ThrowingCardHandler : ICardActionHandler
    {
        public const string Detail = "the store did not answer";

        public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
            throw new TimeoutException(Detail);
    }

    public sealed class ThrowingActivityHandler : IActivityHandler
    {
        public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken) =>
            throw new TimeoutException("from the activity handler");
    }

    /// <summary>Looks at every error and lets it pass.</summary>
    public sealed class DecliningErrorHandler(Trace trace) : ITurnErrorHandler
    {
        public Task<TurnErrorResult?> OnTurnErrorAsync(ITurnContext turn, TurnKind kind, Exception exception, CancellationToken cancellationToken)
        {
            trace.Add($"declined {kind} {exception.GetType().Name}: {exception.Message}");
            return Task.FromResult<TurnErrorResult?>(null);
        }
    }

    /// <summary>Answers a <see cref="TimeoutException"/> with a 503, the way an app reports an outage of its storage.</summary>
    public sealed class UnavailableErrorHandler(Trace trace) : ITurnErrorHandler
    {
        public const string Message = "Try again in a minute.";

        public Task<TurnErrorResult?> OnTurnErrorAsync(ITurnContext turn, TurnKind kind, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not TimeoutException)
            {
                return Task.FromResult<TurnErrorResult?>(null);
            }

            trace.Add($"answered {kind} {exception.GetType().Name}: {exception.Message}");
            return Task.FromResult<TurnErrorResult?>(kind == TurnKind.Activity ? TurnErrorResult.Handled : TurnErrorResult.Respond(InvokeResponse.Error(503, "Unavailable", Message)));
        }
    }
}
