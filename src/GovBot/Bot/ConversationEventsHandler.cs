using GovBot.Connector;
using GovBot.Features.Help;

namespace GovBot.Bot;

/// <summary>Install, uninstall and membership events: observers keep conversation references; a new install gets the welcome card.</summary>
public sealed class ConversationEventsHandler(IEnumerable<IConversationObserver> observers, CallerResolver callers) : IActivityHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnActivityAsync(turn.Activity, cancellationToken);
        }

        // Teams sends both installationUpdate and conversationUpdate on install; welcome once, on the latter.
        if (turn.Activity.Type == ActivityTypes.ConversationUpdate && turn.Activity.IsBotAdded())
        {
            // Install events often carry no name: the directory knows the person.
            var userName = turn.Activity.Conversation?.ConversationType == "personal"
                ? (await callers.ResolveAsync(turn.Activity, cancellationToken)).Person?.Name ?? turn.Activity.From?.Name
                : null;
            await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(HelpCards.Welcome(userName))), cancellationToken);
        }
    }
}
