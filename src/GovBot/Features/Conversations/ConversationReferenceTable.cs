using Azure.Data.Tables;
using GovBot.Connector;
using GovBot.Storage;

namespace GovBot.Features.Conversations;

/// <summary>
/// <b>ConversationRefs</b>: where to reach a recipient proactively. PartitionKey = the recipient's encoded key
/// ("person|lee-cox" for a personal install, "conv|19:…@thread.tacv2" for a channel or group chat), RowKey = "ref".
/// One row per partition: point reads when sending; a whole-table read once per reminder run (a row per installed
/// person or channel: thousands at most) and for the PMO's unreachable list. Columns are the reference's fields,
/// plus Unreachable (a send answered 403/404) with when and why.
/// </summary>
internal static class ConversationReferenceTable
{
    public const string RowKey = "ref";

    public static TableEntity ToRow(Recipient recipient, StoredConversation c)
    {
        var r = c.Reference;
        return new TableEntity(recipient.TableKey, RowKey)
        {
            ["Recipient"] = recipient.Key,
            ["ServiceUrl"] = r.ServiceUrl,
            ["ChannelId"] = r.ChannelId,
            ["ConversationId"] = r.Conversation.Id,
            ["ConversationType"] = r.Conversation.ConversationType,
            ["ConversationName"] = r.Conversation.Name,
            ["TenantId"] = r.TenantId,
            ["BotId"] = r.Bot.Id,
            ["BotName"] = r.Bot.Name,
            ["UserId"] = r.User?.Id,
            ["UserAadObjectId"] = r.User?.AadObjectId,
            ["UpdatedAt"] = c.UpdatedAt,
            ["Unreachable"] = c.UnreachableSince is not null,
            ["UnreachableSince"] = c.UnreachableSince,
            ["UnreachableReason"] = c.UnreachableReason,
        };
    }

    public static StoredConversation? FromRow(TableEntity e)
    {
        if (e.GetString("Recipient") is not { } key || Recipient.FromKey(key) is not { } recipient) return null;
        var tenant = e.GetString("TenantId");
        var reference = new ConversationReference(
            e.GetRequiredString("ServiceUrl"),
            e.GetString("ChannelId") ?? Channels.MsTeams,
            new ConversationAccount(e.GetRequiredString("ConversationId"), e.GetString("ConversationType"), tenant, Name: e.GetString("ConversationName")),
            new ChannelAccount(e.GetRequiredString("BotId"), e.GetString("BotName")),
            e.GetString("UserId") is { } user ? new ChannelAccount(user, AadObjectId: e.GetString("UserAadObjectId")) : null,
            tenant);
        return new StoredConversation(recipient, reference, e.GetDateTimeOffset("UpdatedAt") ?? default,
            e.GetBoolean("Unreachable") == true ? e.GetDateTimeOffset("UnreachableSince") ?? default : null,
            e.GetString("UnreachableReason"));
    }
}

/// <summary>A recipient's stored conversation; <see cref="UnreachableSince"/> is set once Teams answered 403/404.</summary>
public sealed record StoredConversation(Recipient Recipient, ConversationReference Reference, DateTimeOffset UpdatedAt, DateTimeOffset? UnreachableSince = null, string? UnreachableReason = null)
{
    public bool IsReachable => UnreachableSince is null;
}
