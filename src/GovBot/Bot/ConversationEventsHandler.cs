using GovBot.Connector;
using GovBot.Features.Help;
using GovBot.Storage;

namespace GovBot.Bot;

/// <summary>Install, uninstall and membership events: observers keep conversation references; a new install gets the welcome card.</summary>
public sealed partial class ConversationEventsHandler(
    IEnumerable<IConversationObserver> observers, CallerResolver callers, ILogger<ConversationEventsHandler> logger) : IActivityHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var storageDown = false;
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnActivityAsync(turn.Activity, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && StorageResilience.IsOutage(e))
            {
                // The reference is recorded again with the person's next message, so the install still gets its welcome.
                storageDown = true;
                LogNotRecorded(logger, observer.GetType().Name, turn.Activity.Type, e.GetType().Name);
            }
        }

        // Teams sends both installationUpdate and conversationUpdate on install; welcome once, on the latter.
        if (turn.Activity.Type == ActivityTypes.ConversationUpdate && turn.Activity.IsBotAdded())
        {
            // Install events often carry no name: the directory knows the person (unless storage is down).
            string? userName = null;
            var notInDirectory = false;
            if (turn.Activity.Conversation?.ConversationType == "personal")
            {
                var person = storageDown ? (Answered: false, Name: null) : await DirectoryPersonAsync(turn.Activity, cancellationToken);
                userName = person.Name ?? turn.Activity.From?.Name;
                // Only when the directory answered: a storage outage must not tell a member they are unknown.
                notInDirectory = person.Answered && person.Name is null;
            }
            await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(HelpCards.Welcome(userName, notInDirectory))), cancellationToken);
        }
    }

    private async Task<(bool Answered, string? Name)> DirectoryPersonAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return (true, (await callers.ResolveAsync(activity, cancellationToken)).Person?.Name);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && StorageResilience.IsOutage(e))
        {
            return (false, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable: {Observer} did not record the {ActivityType} event ({Kind})")]
    private static partial void LogNotRecorded(ILogger logger, string observer, string activityType, string kind);
}
