using GovBot.Bot;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovBot.Features.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Who GovBot can reach proactively: the stored conversation references, the subscriptions, and the observer that
    /// keeps both current from installs and messages. Shared by Reminders and Notices; TryAdd, so calling it from each
    /// of them is harmless.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConfirmedConversations>();
        services.TryAddSingleton<ConversationReferenceStore>();
        services.TryAddSingleton<SubscriptionStore>();
        if (!services.Any(d => d.ServiceType == typeof(ConversationObserver)))
        {
            services.AddSingleton<ConversationObserver>();
            services.AddSingleton<IConversationObserver>(sp => sp.GetRequiredService<ConversationObserver>());
        }
        return services;
    }
}
