using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Connector;

/// <summary>Messages outside an inbound turn.</summary>
public interface IProactiveMessenger
{
    /// <summary>Runs <paramref name="callback"/> with a turn addressed to the stored conversation (sends go to the conversation, not as replies).</summary>
    Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken ct);

    /// <summary>Creates (or gets) the 1:1 chat between the bot and a user (Entra object id) in a tenant. The bot must be installed for the user.</summary>
    Task<ConversationReference> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userAadObjectId, CancellationToken ct);
}

/// <remarks>When the app registers an <see cref="IConnectorPacer"/>, every call made through a proactive turn passes it (retries included).</remarks>
internal sealed class ProactiveMessenger(ConnectorClient unpaced, IServiceScopeFactory scopes, IOptions<BotOptions> options, IConnectorPacer? pacer = null) : IProactiveMessenger
{
    private readonly ConnectorClient _connector = pacer is null ? unpaced : unpaced.WithPacer(pacer);

    public const string ContinueConversationEventName = "continueConversation";

    public async Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = ContinueConversationEventName,
            ServiceUrl = reference.ServiceUrl,
            ChannelId = reference.ChannelId,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            ChannelData = reference.TenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo(reference.TenantId) },
        };

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await callback(new TurnContext(activity, scope.ServiceProvider, _connector), ct).ConfigureAwait(false);
        }
    }

    public async Task<ConversationReference> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userAadObjectId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(userAadObjectId);
        var appId = options.Value.AppId;
        var bot = new ChannelAccount(string.IsNullOrWhiteSpace(appId) ? "28:anonymous" : "28:" + appId);
        var created = await _connector.CreateConversationAsync(serviceUrl, ConversationParametersFactory.Personal(bot, userAadObjectId, tenantId), ct).ConfigureAwait(false);
        return new ConversationReference(
            serviceUrl,
            Channels.MsTeams,
            new ConversationAccount(created.Id, "personal", tenantId, false),
            bot,
            new ChannelAccount(userAadObjectId, AadObjectId: userAadObjectId),
            tenantId);
    }
}
