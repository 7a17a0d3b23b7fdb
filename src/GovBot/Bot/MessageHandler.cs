using GovBot.Cards;
using GovBot.Connector;
using GovBot.Recognition;

namespace GovBot.Bot;

/// <summary>A message: a question in plain English. Answered with one card, in the thread it was asked in.</summary>
public sealed class MessageHandler(
    CallerResolver callers,
    AskService ask,
    IEnumerable<IConversationObserver> observers,
    IEnumerable<IFileMessageHandler> fileHandlers,
    TimeProvider clock) : IActivityHandler
{
    /// <summary>Answers slower than this get a typing indicator first.</summary>
    internal static readonly TimeSpan TypingAfter = TimeSpan.FromMilliseconds(400);

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // Observers (conversation references) work alongside the answer, not before it.
        var observing = Task.WhenAll(observers.Select(o => o.OnActivityAsync(turn.Activity, cancellationToken)));

        // Only the start of a very long message is read; the rest would only make the answer (which repeats the
        // question in buttons and titles) too big for Teams.
        var text = QuestionRecogniser.Cut(turn.Activity.TextWithoutMention() ?? "");
        var fileHandler = fileHandlers.FirstOrDefault(h => h.CanHandle(turn.Activity));
        if (fileHandler is null && text.Length == 0 && turn.Activity.Value is not null)
        {
            if (Connector.CardAction.TryFromSubmitValue(turn.Activity.Value, out _))
            {
                // A card button whose verb no handler knows (a card from an older version, or a hand-made payload).
                await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(CommonCards.Error(UnknownButton))), cancellationToken);
            }
            await observing;
            return; // a card submit without a verb: nothing was asked
        }

        // A failure goes to the turn's error handlers (storage outages, then AnswerFailedReply), which answer it.
        try
        {
            var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
            var answer = fileHandler is not null
                ? fileHandler.HandleAsync(turn, caller, cancellationToken)
                : ask.AnswerAsync(text, caller, turn, page: 0, cancellationToken);
            var typing = Task.Delay(TypingAfter, clock, cancellationToken);
            if (await Task.WhenAny(answer, typing) == typing && !answer.IsCompleted)
            {
                await turn.SendTypingAsync(cancellationToken);
            }
            var card = await answer;
            await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(card)), cancellationToken);
        }
        finally
        {
            await observing;
        }
    }

    internal const string UnknownButton = "I don't know that button: it may be from an older card. Ask me your question again for a fresh card.";
}

/// <summary>
/// The last resort for a question whose answer failed for a reason no other handler took: a card that says so,
/// with the question to try again, instead of silence. Failures to send to Teams are left alone (a second card
/// would fail the same way) and reach the turn queue's error log.
/// </summary>
internal sealed partial class AnswerFailedReply(ILogger<AnswerFailedReply> logger) : ITurnErrorHandler
{
    internal const string Message = "Sorry, something went wrong on my side while answering. Please try again in a moment.";

    public async Task<TurnErrorResult?> OnTurnErrorAsync(ITurnContext turn, TurnKind kind, Exception exception, CancellationToken cancellationToken)
    {
        if (kind != TurnKind.Activity || turn.Activity.Type != ActivityTypes.Message || exception is OperationCanceledException or ConnectorException) return null;

        LogAnswerFailed(logger, exception.GetType().Name, exception);
        var text = QuestionRecogniser.Cut(turn.Activity.TextWithoutMention() ?? "");
        await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(CommonCards.Error(Message, text))), cancellationToken);
        return TurnErrorResult.Handled;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a message failed ({Kind})")]
    private static partial void LogAnswerFailed(ILogger logger, string kind, Exception exception);
}
