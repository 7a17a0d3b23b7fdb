using System.Security.Cryptography;
using System.Text;
using GovBot.Storage;

namespace GovBot.Features.Conversations;

public enum RecipientKind
{
    /// <summary>A person, reached in their personal chat with GovBot; Id is the GovBot person id.</summary>
    Person,
    /// <summary>A channel or group chat; Id is the conversation id (a channel's root id, without ";messageid=").</summary>
    Conversation,
}

/// <summary>Who a reminder goes to. <see cref="Key"/> is the stored identity ("person|lee-cox", "conv|19:…@thread.tacv2").</summary>
public sealed record Recipient(RecipientKind Kind, string Id)
{
    public string Key => (Kind == RecipientKind.Person ? "person|" : "conv|") + Id;

    /// <summary>The key made safe for a table key.</summary>
    public string TableKey => TableKeys.Encode(Key);

    public static Recipient Person(string personId) => new(RecipientKind.Person, personId);

    public static Recipient Conversation(string conversationId) => new(RecipientKind.Conversation, RootConversationId(conversationId));

    public static Recipient? FromKey(string key) =>
        key.StartsWith("person|", StringComparison.Ordinal) ? Person(key["person|".Length..])
        : key.StartsWith("conv|", StringComparison.Ordinal) ? new(RecipientKind.Conversation, key["conv|".Length..])
        : null;

    /// <summary>A channel message's conversation id carries ";messageid=…"; reminders start a new thread at the root.</summary>
    public static string RootConversationId(string conversationId)
    {
        var at = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }

    public override string ToString() => Key;

    /// <summary>A short one-way hash of an identifier, so logs can correlate without personal data.</summary>
    public static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..10].ToLowerInvariant();
}

/// <summary>What a subscription is to. Wire values are stored, so they never change.</summary>
public static class SubscriptionTargets
{
    /// <summary>A person's own actions (personal installs only).</summary>
    public const string Actions = "actions";

    /// <summary>Participant checklist deadlines.</summary>
    public const string Checklist = "checklist";

    /// <summary>A preference rather than a subscription: checklist reminders only for items of the person's constituency.</summary>
    public const string ChecklistMyConstituency = "checklist-constituency";

    /// <summary>A group's actions: due soon and the weekly overdue digest ("group:DAG").</summary>
    public static string Group(string code) => "group:" + code.ToUpperInvariant();

    public static string? GroupCode(string target) => target.StartsWith("group:", StringComparison.Ordinal) ? target["group:".Length..] : null;
}

/// <summary>A recipient's subscription to a target.</summary>
public sealed record Subscription(Recipient Recipient, string Target, DateTimeOffset Since);
