using GovBot.Cards;
using GovBot.Connector;
using GovBot.Recognition;

namespace GovBot.Storage;

/// <summary>
/// The one place a storage outage (refused, unreachable or too slow, after the client's own retries) becomes an
/// answer, for every turn: a question gets a card saying storage is unavailable; a card button gets a 503 error
/// Teams shows on the card, not the endpoint's empty 500. A change may or may not have reached storage before it
/// failed (a hung service can apply a write whose answer never arrives), so buttons ask the user to check, not
/// to repeat. Other events are only logged: the conversation is recorded again with the next message.
/// </summary>
internal sealed partial class StorageOutageReplies(ILogger<StorageOutageReplies> logger) : ITurnErrorHandler
{
    internal const string QuestionMessage =
        "I can't reach GovBot's data just now: storage is temporarily unavailable. Nothing was lost; please ask again in a minute.";

    internal const string ButtonMessage =
        "I can't reach GovBot's data just now: storage is temporarily unavailable, so I could not confirm this. " +
        "Please open it again in a minute to see whether it was saved before trying again.";

    public async Task<TurnErrorResult?> OnTurnErrorAsync(ITurnContext turn, TurnKind kind, Exception exception, CancellationToken cancellationToken)
    {
        // A failed send to Teams may wrap a network error too, but storage is not what failed.
        if (exception is ConnectorException || !StorageResilience.IsOutage(exception)) return null;

        var errorKind = exception.GetType().Name;
        if (kind != TurnKind.Activity)
        {
            LogButtonFailed(logger, VerbOf(turn.Activity) ?? turn.Activity.Name ?? kind.ToString(), errorKind);
            return TurnErrorResult.Respond(InvokeResponse.Error(503, "StorageUnavailable", ButtonMessage));
        }

        if (turn.Activity.Type != ActivityTypes.Message)
        {
            LogEventFailed(logger, turn.Activity.Type, errorKind);
            return TurnErrorResult.Handled;
        }

        LogQuestionFailed(logger, errorKind);
        var text = QuestionRecogniser.Cut(turn.Activity.TextWithoutMention() ?? "");
        await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(CommonCards.Error(QuestionMessage, text))), cancellationToken);
        return TurnErrorResult.Handled;
    }

    private static string? VerbOf(Activity activity) =>
        Connector.CardAction.TryFromInvokeValue(activity.Value, out var action) || Connector.CardAction.TryFromSubmitValue(activity.Value, out action)
            ? action!.Verb
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while answering ({Kind})")]
    private static partial void LogQuestionFailed(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable during card action {Verb} ({Kind})")]
    private static partial void LogButtonFailed(ILogger logger, string verb, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable during a {ActivityType} event ({Kind})")]
    private static partial void LogEventFailed(ILogger logger, string activityType, string kind);
}
