using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Conversations;

/// <summary>
/// Where GovBot can write to: the conversation references of people and channels that installed it, their
/// subscriptions, and who a conversation's recipient is. Reminders and notices both send through these.
/// </summary>
public sealed class ConversationsFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddConversations();
        feature.Tables(TableNames.ConversationRefs, TableNames.Subscriptions);
    }
}
