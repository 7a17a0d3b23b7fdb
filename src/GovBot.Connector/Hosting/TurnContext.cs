namespace GovBot.Connector;

/// <summary>The turn implementation: outgoing activities are addressed from the inbound one.</summary>
internal sealed class TurnContext(Activity activity, IServiceProvider services, ConnectorClient connector) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public IServiceProvider Services { get; } = services;

    public async Task<string?> SendAsync(Activity outgoing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var prepared = Address(outgoing) with { ReplyToId = outgoing.ReplyToId ?? Activity.Id };
        var (serviceUrl, conversationId) = Target(prepared);
        var response = prepared.ReplyToId is { Length: > 0 } replyTo
            ? await connector.ReplyToActivityAsync(serviceUrl, conversationId, replyTo, prepared, ct).ConfigureAwait(false)
            : await connector.SendToConversationAsync(serviceUrl, conversationId, prepared, ct).ConfigureAwait(false);
        return response.Id;
    }

    public Task<string?> SendAsync(string text, CancellationToken ct) => SendAsync(Activity.Message(text), ct);

    public async Task UpdateAsync(string activityId, Activity activity, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var prepared = Address(activity) with { Id = activityId };
        var (serviceUrl, conversationId) = Target(prepared);
        await connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, prepared, ct).ConfigureAwait(false);
    }

    public Task SendTypingAsync(CancellationToken ct) => SendAsync(Activity.Typing(), ct);

    private Activity Address(Activity outgoing) => outgoing with
    {
        ServiceUrl = outgoing.ServiceUrl ?? Activity.ServiceUrl,
        ChannelId = outgoing.ChannelId ?? Activity.ChannelId,
        Conversation = outgoing.Conversation ?? Activity.Conversation,
        From = outgoing.From ?? Activity.Recipient,
        Recipient = outgoing.Recipient ?? Activity.From,
    };

    private static (string ServiceUrl, string ConversationId) Target(Activity prepared)
    {
        if (string.IsNullOrEmpty(prepared.ServiceUrl) || string.IsNullOrEmpty(prepared.Conversation?.Id))
        {
            throw new InvalidOperationException("Cannot send: the turn has no serviceUrl or conversation id.");
        }

        return (prepared.ServiceUrl, prepared.Conversation.Id);
    }
}
