using GovBot.Bot;
using GovBot.Connector;
using GovBot.People;

namespace GovBot.Features.Conversations;

/// <summary>
/// Keeps conversation references for reminders: stored when GovBot is installed, refreshed by every message (which
/// also clears an Unreachable mark), removed on uninstall. A personal install subscribes the person to reminders of
/// their own actions and to checklist deadlines. Someone GovBot cannot match to the directory is kept by their
/// personal conversation instead, subscribed to the programme-wide checklist only; once the directory knows them,
/// their next message moves that install to their person (with action reminders). Channel references keep the
/// channel's root id (no ";messageid="), so reminders start a new thread.
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
        else if (added && IsPersonal(activity))
        {
            await subscriptions.SubscribeAsync(recipient, SubscriptionTargets.Checklist, cancellationToken);
            var who = Recipient.Hash(recipient.Key);
            LogUnmatchedInstall(logger, who);
        }
        else if (recipient.Kind == RecipientKind.Person && IsPersonal(activity))
        {
            await AdoptUnmatchedInstallAsync(Recipient.Conversation(activity.Conversation!.Id), recipient, cancellationToken);
        }
    }

    /// <summary>
    /// The directory now knows someone who installed GovBot while unknown: their checklist subscription moves from the
    /// conversation to the person (so nothing arrives twice), and they get their own action reminders.
    /// </summary>
    private async Task AdoptUnmatchedInstallAsync(Recipient unmatched, Recipient person, CancellationToken cancellationToken)
    {
        var leftovers = await subscriptions.ListForAsync(unmatched, cancellationToken);
        if (leftovers.Count == 0) return;
        var hadChecklist = leftovers.Any(s => s.Target == SubscriptionTargets.Checklist);
        foreach (var s in leftovers) await subscriptions.UnsubscribeAsync(unmatched, s.Target, cancellationToken);
        await conversations.RemoveAsync(unmatched, cancellationToken);
        await subscriptions.SubscribeAsync(person, SubscriptionTargets.Actions, cancellationToken);
        if (hadChecklist) await subscriptions.SubscribeAsync(person, SubscriptionTargets.Checklist, cancellationToken);
        var who = Recipient.Hash(person.Key);
        LogAdopted(logger, who);
    }

    private static bool IsPersonal(Activity activity) =>
        activity.Conversation is { IsGroup: not true, ConversationType: not ("channel" or "groupChat") };

    /// <summary>
    /// The person of a personal chat (by Entra object id), or the channel or group chat. A personal chat with someone
    /// the directory does not know is the conversation itself, so they still get programme-wide reminders; null only
    /// when the sender has no Entra identity at all.
    /// </summary>
    public async Task<Recipient?> RecipientOfAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation is not { } conversation) return null;
        if (conversation.ConversationType is "channel" or "groupChat" || conversation.IsGroup == true)
        {
            return Recipient.Conversation(conversation.Id);
        }
        if (activity.From?.AadObjectId is not { Length: > 0 } oid) return null;
        return await people.FindByEntraObjectIdAsync(oid, cancellationToken) is { } person
            ? Recipient.Person(person.Id)
            : Recipient.Conversation(conversation.Id);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminders: an activity without a conversation or an Entra identity; no reference kept")]
    private static partial void LogUnknownPerson(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: installed by someone not in the directory ({Recipient}); programme-wide checklist reminders only")]
    private static partial void LogUnmatchedInstall(ILogger logger, string recipient);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: an install from before the directory knew {Recipient} now belongs to the person")]
    private static partial void LogAdopted(ILogger logger, string recipient);
}
