using GovBot.Bot;
using GovBot.Connector;
using GovBot.People;

namespace GovBot.Features.Conversations;

/// <summary>
/// Keeps conversation references for reminders: stored when GovBot is installed, refreshed by every message (which
/// also clears an Unreachable mark), removed on uninstall. A personal install subscribes the person to reminders of
/// their own actions and to checklist deadlines. Channel references keep the channel's root id (no ";messageid="),
/// so reminders start a new thread.
/// </summary>
public sealed partial class ConversationObserver(
    ConversationReferenceStore conversations,
    SubscriptionStore subscriptions,
    PersonStore people,
    ILogger<ConversationObserver> logger) : IConversationObserver
{
    public async Task OnActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await ObserveAsync(activity, cancellationToken);
        }
        catch (Azure.RequestFailedException e)
        {
            // The question still gets its answer; the reference is refreshed by the next message.
            var status = e.Status;
            LogStorageFailed(logger, status);
        }
    }

    private async Task ObserveAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity is not { ServiceUrl.Length: > 0, Conversation.Id.Length: > 0, Recipient: not null }) return;
        var added = activity.IsBotAdded();
        var removed = IsBotRemoved(activity);
        if (!added && !removed && activity.Type != ActivityTypes.Message) return;
        var fingerprint = ConfirmedConversations.Fingerprint(activity);
        if (!added && !removed && conversations.Confirmed.IsConfirmed(fingerprint)) return;

        var recipient = await RecipientOfAsync(activity, cancellationToken);
        if (recipient is null)
        {
            LogUnknownPerson(logger);
            return;
        }
        if (removed)
        {
            await conversations.RemoveAsync(recipient, cancellationToken);
            var gone = Recipient.Hash(recipient.Key);
            LogRemoved(logger, gone);
            return;
        }

        var reference = activity.GetConversationReference();
        reference = reference with
        {
            Conversation = reference.Conversation with
            {
                Id = recipient.Kind == RecipientKind.Conversation ? recipient.Id : reference.Conversation.Id,
                Name = activity.ChannelData?.Channel?.Name ?? reference.Conversation.Name,
            },
            ActivityId = null,
        };
        if (await conversations.SaveAsync(recipient, reference, cancellationToken))
        {
            var who = Recipient.Hash(recipient.Key);
            LogSaved(logger, who, added);
        }
        conversations.Confirmed.Confirm(fingerprint, recipient.Key);

        if (added && recipient.Kind == RecipientKind.Person)
        {
            await subscriptions.SubscribeAsync(recipient, SubscriptionTargets.Actions, cancellationToken);
            await subscriptions.SubscribeAsync(recipient, SubscriptionTargets.Checklist, cancellationToken);
        }
    }

    /// <summary>The person of a personal chat (by Entra object id), or the channel or group chat.</summary>
    public async Task<Recipient?> RecipientOfAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation is not { } conversation) return null;
        if (conversation.ConversationType is "channel" or "groupChat" || conversation.IsGroup == true)
        {
            return Recipient.Conversation(conversation.Id);
        }
        return activity.From?.AadObjectId is { Length: > 0 } oid && await people.FindByEntraObjectIdAsync(oid, cancellationToken) is { } person
            ? Recipient.Person(person.Id)
            : null;
    }

    private static bool IsBotRemoved(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && activity.Action is { } action && action.StartsWith("remove", StringComparison.Ordinal))
        || (activity.Recipient?.Id is { } bot && activity.MembersRemoved is { } gone && gone.Any(m => m.Id == bot));

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: stored the conversation of recipient {Recipient} (install={Install})")]
    private static partial void LogSaved(ILogger logger, string recipient, bool install);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: forgot the conversation of recipient {Recipient} (uninstalled)")]
    private static partial void LogRemoved(ILogger logger, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders: storing a conversation reference failed (HTTP {Status}); the next message retries")]
    private static partial void LogStorageFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminders: a personal chat with someone not in the directory; no reference kept")]
    private static partial void LogUnknownPerson(ILogger logger);
}
