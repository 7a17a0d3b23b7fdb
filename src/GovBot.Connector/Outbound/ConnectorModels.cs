namespace GovBot.Connector;

/// <summary><c>{ "id" }</c> returned by send/reply/update. Id is null when the service answers 202 without a body.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST /v3/conversations</c>. For a Teams 1:1 chat: bot, members = [user], tenantId, isGroup = false.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}

/// <summary>Result of create conversation: the conversation id (store it), maybe the initial activity id.</summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId = null, string? ServiceUrl = null);

/// <summary>A conversation member as Teams describes it.</summary>
public sealed record TeamsChannelAccount
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }
}

/// <summary>One page of members; pass <see cref="ContinuationToken"/> back for the next page (null at the end).</summary>
public sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<TeamsChannelAccount> Members);

/// <summary>A team's channels (<c>GET /v3/teams/{teamId}/conversations</c>).</summary>
public sealed record ConversationList(IReadOnlyList<ChannelInfo> Conversations);

/// <summary>The Connector's error body <c>{ "error": { "code", "message" } }</c>.</summary>
internal sealed record ErrorResponse(ErrorDetail? Error, string? Code = null, string? Message = null);

internal sealed record ErrorDetail(string? Code, string? Message, string? SubCode = null);
