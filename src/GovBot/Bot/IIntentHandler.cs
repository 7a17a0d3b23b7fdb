using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Recognition;

namespace GovBot.Bot;

/// <summary>
/// A capability that answers some recognised intents itself (reminders, subscriptions, notices), because it
/// needs the turn (the conversation it was asked in) and not only the question.
/// </summary>
public interface IIntentHandler
{
    bool CanHandle(Intent intent);

    Task<JsonObject> HandleAsync(Intent intent, Caller caller, ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Sees every activity of a conversation before it is answered (e.g. to keep its conversation reference fresh).</summary>
public interface IConversationObserver
{
    Task OnActivityAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>Handles a message that carries a file (e.g. papers or a CSV sent to GovBot in 1:1 chat) instead of a question.</summary>
public interface IFileMessageHandler
{
    bool CanHandle(Activity activity);

    Task<JsonObject> HandleAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken);
}
