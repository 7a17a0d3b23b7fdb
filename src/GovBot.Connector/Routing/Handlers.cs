namespace GovBot.Connector;

/// <summary>One turn: the inbound activity, the turn's DI scope and the means to answer.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>The turn's DI scope.</summary>
    IServiceProvider Services { get; }

    /// <summary>Sends into the turn's conversation (threaded on the inbound activity); returns the new activity id (null when the channel gives none).</summary>
    Task<string?> SendAsync(Activity activity, CancellationToken ct);

    Task<string?> SendAsync(string text, CancellationToken ct);

    /// <summary>Replaces a message the bot sent (e.g. a card, using the inbound replyToId).</summary>
    Task UpdateAsync(string activityId, Activity activity, CancellationToken ct);

    Task SendTypingAsync(CancellationToken ct);
}

/// <summary>Handles a non-invoke activity type (message, conversationUpdate, installationUpdate, …). Runs after the HTTP request was acknowledged.</summary>
public interface IActivityHandler
{
    Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Handles an invoke by name; its response is returned inline to Teams, within the invoke deadline.</summary>
public interface IInvokeHandler
{
    Task<InvokeResponse> HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Handles an Adaptive Card action verb (Action.Execute invoke or Action.Submit fallback).</summary>
public interface ICardActionHandler
{
    Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken);
}
