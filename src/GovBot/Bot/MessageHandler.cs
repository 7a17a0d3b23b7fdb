using GovBot.Cards;
using GovBot.Connector;
using GovBot.Recognition;

namespace GovBot.Bot;

/// <summary>A message: a question in plain English. Answered with one card, in the thread it was asked in.</summary>
public sealed partial class MessageHandler(
    CallerResolver callers,
    AskService ask,
    IEnumerable<IConversationObserver> observers,
    IEnumerable<IFileMessageHandler> fileHandlers,
    TimeProvider clock,
    ILogger<MessageHandler> logger) : IActivityHandler
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

        System.Text.Json.Nodes.JsonObject card;
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
            card = await answer;
        }
        catch (Exception e) when (IsStorageOutage(e))
        {
            var kind = e.GetType().Name;
            LogStorageUnavailable(logger, kind);
            card = CommonCards.Error("I can't reach GovBot's data just now: storage is temporarily unavailable. Nothing was lost; please ask again in a minute.", text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var kind = e.GetType().Name;
            LogAnswerFailed(logger, kind, e);
            card = CommonCards.Error("Sorry, something went wrong on my side while answering. Please try again in a moment.", text);
        }
        await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(card)), cancellationToken);
        await observing;
    }

    internal const string UnknownButton = "I don't know that button: it may be from an older card. Ask me your question again for a fresh card.";

    /// <summary>Storage refused, could not be reached or did not answer in time (after the client's own retries).</summary>
    internal static bool IsStorageOutage(Exception e) => GovBot.Storage.StorageResilience.IsOutage(e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while answering ({Kind})")]
    private static partial void LogStorageUnavailable(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a message failed ({Kind})")]
    private static partial void LogAnswerFailed(ILogger logger, string kind, Exception exception);
}
