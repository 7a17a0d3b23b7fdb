using GovBot.Connector;
using GovBot.People;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Reminders;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>Who a notice goes to, and the changes to a notice that fan out: send, change, cancel.</summary>
internal sealed partial class NoticeService(
    NoticeStore notices,
    INoticeLedger ledger,
    INoticeQueue queue,
    SubscriptionStore subscriptions,
    ConversationReferenceStore conversations,
    MembershipStore memberships,
    PersonStore people,
    NoticeProgress progress,
    IOptions<NoticeOptions> options,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<NoticeService> logger)
{
    /// <summary>Installs attempted inline per send (Graph calls take a moment; the rest stay unreachable and are reported).</summary>
    public const int MaxInstallsPerSend = 50;

    /// <summary>One recipient of a notice and, when GovBot has a working chat with it, where.</summary>
    public sealed record Target(Recipient Recipient, string Label, ConversationReference? Chat)
    {
        public bool HasChat => Chat is not null;
    }

    /// <summary>The group's subscribed channels and group chats, then its members (each once) in their personal chats.</summary>
    public async Task<IReadOnlyList<Target>> AudienceAsync(string groupCode, CancellationToken cancellationToken)
    {
        var subscribedTask = subscriptions.ListAllAsync(cancellationToken);
        var seatsTask = memberships.ListByGroupAsync(groupCode, cancellationToken);
        var peopleTask = people.ListAsync(cancellationToken);
        var conversationsTask = conversations.ListAsync(cancellationToken);
        await Task.WhenAll(subscribedTask, seatsTask, peopleTask, conversationsTask);
        var stored = conversationsTask.Result.ToDictionary(c => c.Recipient.Key, StringComparer.Ordinal);
        var names = peopleTask.Result.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);

        var target = SubscriptionTargets.Group(groupCode);
        var targets = new List<Target>();
        foreach (var s in subscribedTask.Result.Where(s => s.Target == target && s.Recipient.Kind == RecipientKind.Conversation).DistinctBy(s => s.Recipient.Key))
        {
            stored.TryGetValue(s.Recipient.Key, out var c);
            targets.Add(new(s.Recipient, c?.Reference.Conversation.Name ?? $"{groupCode} {c?.Reference.Conversation.ConversationType ?? "conversation"}", c is { IsReachable: true } ? c.Reference : null));
        }
        foreach (var personId in seatsTask.Result.Select(m => m.PersonId).Distinct(StringComparer.Ordinal))
        {
            var recipient = Recipient.Person(personId);
            stored.TryGetValue(recipient.Key, out var c);
            targets.Add(new(recipient, names.GetValueOrDefault(personId, personId), c is { IsReachable: true } ? c.Reference : null));
        }
        return targets;
    }

    /// <summary>The reason recorded for a member GovBot has no chat with.</summary>
    public const string NoChat = "no chat with GovBot (the app is not installed there)";

    public static NoticeAudience Summarise(IReadOnlyList<Target> targets) => new(
        targets.Count(t => t.Recipient.Kind == RecipientKind.Conversation),
        targets.Count(t => t.Recipient.Kind == RecipientKind.Person),
        targets.Count(t => t.Recipient.Kind == RecipientKind.Person && !t.HasChat));

    /// <summary>
    /// Sends a draft: a ledger row per recipient (Queued with where to send it, or Unreachable when GovBot has no
    /// chat there), queue jobs for the Queued ones, then the draft becomes Sent. Safe to repeat after a failure (rows
    /// are kept, jobs may repeat: the ledger sends each copy once). Null when the draft was sent or changed meanwhile.
    /// </summary>
    public async Task<Notice?> SendAsync(Notice draft, Azure.ETag etag, Activity authorCard, CancellationToken cancellationToken)
    {
        var targets = await AudienceAsync(draft.Details.GroupCode, cancellationToken);
        if (options.Value.InstallForMembers) targets = await InstallForMembersAsync(targets, cancellationToken);
        var now = clock.GetUtcNow();
        var deliveries = targets.Select(t => t.Chat is { } chat
            ? new Delivery(draft.Number, t.Recipient, t.Label, DeliveryState.Queued, 0, now, chat.ServiceUrl, Recipient.RootConversationId(chat.Conversation.Id), null, null, 0, 0, default)
            : new Delivery(draft.Number, t.Recipient, t.Label, DeliveryState.Unreachable, 0, now, null, null, null, NoChat, 0, 0, default)).ToList();
        await ledger.AddQueuedAsync(draft.Number, deliveries, cancellationToken);
        await queue.EnqueueAsync(NoticeJob.For(NoticeJobKind.Send, draft.Number, targets.Where(t => t.HasChat).Select(t => t.Recipient.Key)), cancellationToken);
        var sent = draft with
        {
            Status = NoticeStatus.Sent,
            SentAt = now,
            AuthorServiceUrl = authorCard.ServiceUrl,
            AuthorConversationId = authorCard.Conversation?.Id,
            AuthorActivityId = authorCard.ReplyToId,
        };
        if (await notices.ReplaceAsync(sent, etag, cancellationToken) is null) return null;
        LogSent(logger, draft.Number, targets.Count);
        progress.Touch(draft.Number);
        return sent;
    }

    /// <summary>Changes a sent notice (new details or cancelled) and queues an in-place update of every copy.</summary>
    public async Task<Notice?> ChangeAsync(Notice current, Azure.ETag etag, Notice changed, CancellationToken cancellationToken)
    {
        var next = changed with { Version = current.Version + 1, Previous = current.Details };
        if (await notices.ReplaceAsync(next, etag, cancellationToken) is null) return null;
        var deliveries = await ledger.ListAsync(current.Number, cancellationToken);
        await queue.EnqueueAsync(NoticeJob.For(NoticeJobKind.Update, current.Number,
            deliveries.Where(d => d.State is DeliveryState.Delivered or DeliveryState.Queued or DeliveryState.Sending).Select(d => d.Recipient.Key)), cancellationToken);
        LogChanged(logger, current.Number, next.Version, next.Status == NoticeStatus.Cancelled);
        progress.Touch(current.Number);
        return next;
    }

    /// <summary>
    /// Members without a chat: install GovBot for them through Graph and store the new chat's reference (service URL,
    /// tenant and bot as in GovBot's other conversations). Those Graph refuses stay unreachable.
    /// </summary>
    private async Task<IReadOnlyList<Target>> InstallForMembersAsync(IReadOnlyList<Target> targets, CancellationToken cancellationToken)
    {
        var installer = services.GetService<ITeamsAppInstaller>();
        var template = (await conversations.ListAsync(cancellationToken)).FirstOrDefault(c => c.IsReachable)?.Reference;
        if (installer is null || template is null) return targets;
        var byId = (await people.ListAsync(cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var result = new List<Target>(targets.Count);
        var attempts = 0;
        foreach (var t in targets)
        {
            if (t.HasChat || t.Recipient.Kind != RecipientKind.Person || attempts >= MaxInstallsPerSend
                || !byId.TryGetValue(t.Recipient.Id, out var person) || person.EntraObjectId is not { } oid)
            {
                result.Add(t);
                continue;
            }
            attempts++;
            if (await installer.InstallForUserAsync(oid, cancellationToken) is not { } chatId)
            {
                result.Add(t);
                continue;
            }
            var reference = new ConversationReference(template.ServiceUrl, Channels.MsTeams, new ConversationAccount(chatId, "personal", template.TenantId, false),
                template.Bot, new ChannelAccount(oid, AadObjectId: oid), template.TenantId);
            await conversations.SaveAsync(t.Recipient, reference, cancellationToken);
            result.Add(t with { Chat = reference });
        }
        var installed = result.Count(r => r.HasChat) - targets.Count(r => r.HasChat);
        LogInstalled(logger, attempts, installed);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notices: tried to install GovBot for {Attempts} members through Graph; {Installed} now reachable")]
    private static partial void LogInstalled(ILogger logger, int attempts, int installed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Notice} queued for {Recipients} recipients")]
    private static partial void LogSent(ILogger logger, int notice, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Notice} changed to version {Version} (cancelled: {Cancelled}); updating every copy")]
    private static partial void LogChanged(ILogger logger, int notice, int version, bool cancelled);
}
