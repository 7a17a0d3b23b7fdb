namespace GovBot.Connector;

/// <summary>What a turn is routed as; the pipeline and the error handlers see it.</summary>
public enum TurnKind
{
    /// <summary>A non-invoke activity (message, conversationUpdate, …). It has no response.</summary>
    Activity,

    /// <summary>An invoke by name. Its response goes back to Teams inline.</summary>
    Invoke,

    /// <summary>
    /// A card action verb, from an Action.Execute invoke (the response goes back inline) or an Action.Submit message
    /// (the router turns the response into a card update or a chat message).
    /// </summary>
    CardAction,
}

/// <summary>The rest of the turn's pipeline: the next middleware, or finally the routed handler.</summary>
/// <returns>The turn's response; null for <see cref="TurnKind.Activity"/> turns.</returns>
public delegate Task<InvokeResponse?> NextTurn(CancellationToken cancellationToken);

/// <summary>
/// Runs around every routed turn, in registration order (the first registered is the outermost). Resolved from the
/// turn's DI scope. It may act before and after <paramref name="continueTurn"/>, skip it, or replace the response.
/// </summary>
public interface IBotMiddleware
{
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, TurnKind kind, NextTurn continueTurn, CancellationToken cancellationToken);
}

/// <summary>
/// Sees an exception that escaped a turn's pipeline (middleware and handler), unless the turn's token was cancelled.
/// Error handlers are asked in registration order; the first to return a result ends the turn with it. When none
/// does, the exception goes on to the host (500 with an empty body for invokes, an error log otherwise).
/// </summary>
public interface ITurnErrorHandler
{
    Task<TurnErrorResult?> OnTurnErrorAsync(ITurnContext turn, TurnKind kind, Exception exception, CancellationToken cancellationToken);
}

/// <summary>How an error handler ended a turn.</summary>
public sealed record TurnErrorResult
{
    private TurnErrorResult(InvokeResponse? response) => Response = response;

    /// <summary>The response that replaces the failed one; null for an activity turn.</summary>
    public InvokeResponse? Response { get; }

    /// <summary>An activity turn was dealt with (e.g. the handler already told the user). Not valid for invokes or card actions, which need a response.</summary>
    public static TurnErrorResult Handled { get; } = new((InvokeResponse?)null);

    /// <summary>The invoke's or card action's answer instead of the failure.</summary>
    public static TurnErrorResult Respond(InvokeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response);
    }
}
