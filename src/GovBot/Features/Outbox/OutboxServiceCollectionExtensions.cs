using System.Globalization;
using GovBot.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The proactive outbox: options "Outbox" (validated at start; the older <c>Notices:TenantRatePerSecond</c> and
    /// <c>Notices:ConversationRatePerSecond</c> still apply when the Outbox keys are not set), one pacer for the whole
    /// app, and the sender. TryAdd throughout, so every feature that sends proactively may call it.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboxPacer))) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart()
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                var outbox = configuration.GetSection(OutboxOptions.SectionName);
                if (outbox[nameof(OutboxOptions.TenantRatePerSecond)] is null
                    && double.TryParse(configuration["Notices:TenantRatePerSecond"], NumberStyles.Float, CultureInfo.InvariantCulture, out var tenant))
                    o.TenantRatePerSecond = tenant;
                if (outbox[nameof(OutboxOptions.ConversationPerSecond)] is null
                    && double.TryParse(configuration["Notices:ConversationRatePerSecond"], NumberStyles.Float, CultureInfo.InvariantCulture, out var conversation))
                    o.ConversationPerSecond = Math.Max(1, (int)Math.Floor(conversation));
            });
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.TryAddSingleton<OutboxPacer>();
        // The connector's proactive turns (and so their Retry-After retries) pass the same pacer.
        services.TryAddSingleton<IConnectorPacer>(sp => sp.GetRequiredService<OutboxPacer>());
        services.TryAddSingleton<OutboxSender>();
        return services;
    }
}
