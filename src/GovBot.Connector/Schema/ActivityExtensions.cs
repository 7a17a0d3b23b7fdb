namespace GovBot.Connector;

/// <summary>Helpers over inbound activities.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// The message text without the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mention (found through the mention
    /// entities whose <c>mentioned.id</c> is the recipient's id), trimmed. Other users' mentions are kept.
    /// </summary>
    public static string? TextWithoutMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        if (text is null)
        {
            return null;
        }

        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.Entities is { } entities)
        {
            foreach (var entity in entities)
            {
                if (string.Equals(entity.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal)
                    && !string.IsNullOrEmpty(entity.Text))
                {
                    text = text.Replace(entity.Text, string.Empty, StringComparison.Ordinal);
                }
            }
        }

        return text.Trim();
    }

    /// <summary>A message addressed back to the sender in the same conversation, threaded on the inbound activity.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = string.IsNullOrEmpty(text) ? null : text,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            Conversation = activity.Conversation,
            From = activity.Recipient,
            Recipient = activity.From,
            ReplyToId = activity.Id,
            Locale = activity.Locale,
        };
    }

    /// <summary>The reference to store for proactive messages. Throws if the activity lacks serviceUrl, conversation or recipient.</summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ServiceUrl) || activity.Conversation is null || activity.Recipient is null)
        {
            throw new InvalidOperationException("The activity has no serviceUrl, conversation or recipient; it cannot be referenced.");
        }

        var tenantId = activity.TenantId;
        var conversation = activity.Conversation.TenantId is null && tenantId is not null
            ? activity.Conversation with { TenantId = tenantId }
            : activity.Conversation;
        return new ConversationReference(
            activity.ServiceUrl,
            activity.ChannelId ?? Channels.MsTeams,
            conversation,
            activity.Recipient,
            activity.From,
            tenantId,
            activity.Id);
    }

    /// <summary>True when this activity says the bot itself was added (membersAdded contains the recipient, or an installationUpdate add).</summary>
    public static bool IsBotAdded(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.InstallationUpdate
            && activity.Action is { } action
            && action.StartsWith("add", StringComparison.Ordinal))
        {
            return true;
        }

        var botId = activity.Recipient?.Id;
        return botId is not null
            && activity.MembersAdded is { } added
            && added.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal));
    }
}

/// <summary>Channel id values.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
}
