using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovBot.Connector;

/// <summary>
/// One Bot Framework activity as a Teams bot receives or sends it. Only the fields a Teams bot uses
/// are typed; everything else is kept in <see cref="Extra"/> so it survives a round trip.
/// </summary>
public sealed record Activity
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public JsonElement? Value { get; init; }
    public string? Name { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public string? Locale { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The tenant of the conversation: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>A new outgoing message (no id: the channel assigns it).</summary>
    public static Activity Message(string? text, params Attachment[] attachments) => new()
    {
        Type = ActivityTypes.Message,
        Text = string.IsNullOrEmpty(text) ? null : text,
        Attachments = attachments is { Length: > 0 } ? attachments : null,
    };

    /// <summary>A typing indicator.</summary>
    public static Activity Typing() => new() { Type = ActivityTypes.Typing };
}

/// <summary>A user or bot in a conversation. Teams user ids are <c>29:...</c>, bot ids <c>28:&lt;appId&gt;</c>.</summary>
public sealed record ChannelAccount(string Id, string? Name = null, string? AadObjectId = null)
{
    /// <summary><c>user</c> or <c>bot</c>; rarely sent by Teams.</summary>
    public string? Role { get; init; }
}

/// <summary>A conversation: personal (1:1), groupChat or channel.</summary>
public sealed record ConversationAccount(string Id, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null, string? Name = null);

/// <summary>An attachment, usually an Adaptive Card (<see cref="AdaptiveCardContentType.Value"/>).</summary>
public sealed record Attachment(string ContentType, System.Text.Json.Nodes.JsonNode? Content = null, string? ContentUrl = null, string? Name = null)
{
    /// <summary>An Adaptive Card attachment.</summary>
    public static Attachment AdaptiveCard(System.Text.Json.Nodes.JsonNode card) => new(AdaptiveCardContentType.Value, card);
}

public static class AdaptiveCardContentType
{
    public const string Value = "application/vnd.microsoft.card.adaptive";
}

/// <summary>An entity: a <c>mention</c> (mentioned + text), <c>clientInfo</c>, or anything else (kept in <see cref="Extra"/>).</summary>
public sealed record Entity
{
    public required string Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public const string MentionType = "mention";

    /// <summary>A mention entity; <paramref name="text"/> (e.g. <c>&lt;at&gt;Name&lt;/at&gt;</c>) must appear verbatim in the message text.</summary>
    public static Entity Mention(ChannelAccount mentioned, string text) => new() { Type = MentionType, Mentioned = mentioned, Text = text };
}

/// <summary>The Teams part of <c>channelData</c>; unknown fields kept.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }
    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo(string? Id, string? Name = null, string? AadGroupId = null);

/// <summary>A Teams channel (<c>channelData.channel</c>, or an item of a team's channel list; the General channel has no name and id = team id).</summary>
public sealed record ChannelInfo(string? Id, string? Name = null);

/// <summary>Everything needed to message a conversation later (proactively). Store it on install / each inbound activity.</summary>
public sealed record ConversationReference(string ServiceUrl, string ChannelId, ConversationAccount Conversation, ChannelAccount Bot, ChannelAccount? User, string? TenantId, string? ActivityId = null);
