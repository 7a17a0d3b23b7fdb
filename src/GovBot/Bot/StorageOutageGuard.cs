using GovBot.Connector;
using GovBot.Storage;

namespace GovBot.Bot;

/// <summary>
/// Wraps a card-button handler: when storage is down, the button gets a clear 503 error Teams shows on the card,
/// instead of the endpoint's empty 500. A change may or may not have reached storage before it failed (a hung
/// service can apply a write whose answer never arrives), so the message asks the user to check, not to repeat.
/// </summary>
internal sealed partial class StorageOutageGuard<THandler>(THandler inner, ILogger<StorageOutageGuard<THandler>> logger) : ICardActionHandler
    where THandler : class, ICardActionHandler
{
    internal const string Message =
        "I can't reach GovBot's data just now: storage is temporarily unavailable, so I could not confirm this. " +
        "Please open it again in a minute to see whether it was saved before trying again.";

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.HandleAsync(turn, action, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && StorageResilience.IsOutage(e))
        {
            LogStorageUnavailable(logger, action.Verb, e.GetType().Name);
            return InvokeResponse.Error(503, "StorageUnavailable", Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable during card action {Verb} ({Kind})")]
    private static partial void LogStorageUnavailable(ILogger logger, string verb, string kind);
}
