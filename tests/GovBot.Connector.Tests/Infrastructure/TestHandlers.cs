using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Connector.Tests.Infrastructure;

/// <summary>Collects the turns test handlers saw, awaitable with a timeout.</summary>
public sealed class TurnRecorder
{
    private readonly Channel<(Activity Activity, CancellationToken Token)> _turns = Channel.CreateUnbounded<(Activity, CancellationToken)>();

    /// <summary>Handlers wait on this before finishing (lets a test prove the HTTP answer came first).</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool WaitOnGate { get; set; }

    public async Task Record(Activity activity, CancellationToken token)
    {
        if (WaitOnGate)
        {
            await Gate.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
        }

        _turns.Writer.TryWrite((activity, token));
    }

    public async Task<(Activity Activity, CancellationToken Token)> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _turns.Reader.ReadAsync(cts.Token);
    }

    public bool TryRead(out Activity? activity)
    {
        var ok = _turns.Reader.TryRead(out var item);
        activity = ok ? item.Activity : null;
        return ok;
    }

    public static void Register(IServiceCollection services, TurnRecorder recorder) => services.AddSingleton(recorder);
}

public sealed class RecordingActivityHandler(TurnRecorder recorder) : IActivityHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken) => recorder.Record(turn.Activity, cancellationToken);
}

/// <summary>Replies "echo: text" to a message.</summary>
public sealed class EchoHandler(TurnRecorder recorder) : IActivityHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendAsync("echo: " + turn.Activity.TextWithoutMention(), cancellationToken);
        await recorder.Record(turn.Activity, cancellationToken);
    }
}

public sealed class ApproveCardHandler(TurnRecorder recorder) : ICardActionHandler
{
    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        await recorder.Record(turn.Activity, cancellationToken);
        return InvokeResponse.Card(new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "approved " + action.Data.GetRawText() }),
        });
    }
}

/// <summary>Refuses every card action, as a handler does with data it cannot use.</summary>
public sealed class RefusingCardHandler(TurnRecorder recorder) : ICardActionHandler
{
    public const string Reason = "That button's data is incomplete.";

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        await recorder.Record(turn.Activity, cancellationToken);
        return InvokeResponse.Error(400, "BadRequest", Reason);
    }
}

public sealed class PingInvokeHandler : IInvokeHandler
{
    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.Ok(new JsonObject { ["pong"] = turn.Activity.Name }));
}

public sealed class ThrowingInvokeHandler : IInvokeHandler
{
    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("secret internal detail");
}

public sealed class SlowInvokeHandler : IInvokeHandler
{
    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return InvokeResponse.Ok();
    }
}

public sealed class OtherMessageHandler : IActivityHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Answers a message-extension query with a plain C# object body.</summary>
public sealed class ObjectBodyInvokeHandler : IInvokeHandler
{
    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.Ok(new { composeExtension = new { type = "result", attachmentLayout = "list", attachments = Array.Empty<object>() } }));
}
