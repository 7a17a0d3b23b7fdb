using GovBot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Connector;

public static class BotConnectorServiceCollectionExtensions
{
    /// <summary>The key of the real-time clock the protocol uses (token validation and caching, retries).</summary>
    public const string ProtocolClockKey = "GovBot.Connector.ProtocolClock";

    public const string ConnectorHttpClientName = "GovBot.Connector";

    /// <summary>
    /// Registers the connector: options from section <c>Bot</c> of <paramref name="configuration"/> (the root configuration),
    /// validated at start; inbound authentication; the typed <see cref="ConnectorClient"/>; the token provider; proactive
    /// messaging; the router built from <paramref name="routes"/> (duplicate routes throw here).
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration, Action<BotRouteBuilder> routes)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(routes);

        var builder = new BotRouteBuilder(services);
        routes(builder);
        services.AddSingleton(builder.Build());

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Token lifetimes, key refreshes and Retry-After waits are real time, whatever clock the app runs on
        // (an app may start its own clock in the past for a demo; tokens would then look "not yet valid").
        services.TryAddKeyedSingleton(ProtocolClockKey, TimeProvider.System);
        services.TryAddSingleton<ITrustedServiceUrls, TrustedServiceUrls>();
        services.TryAddSingleton<IBotTokenProvider>(sp => new BotTokenProvider(
            sp.GetRequiredService<IOptions<BotOptions>>(), sp.GetRequiredKeyedService<TimeProvider>(ProtocolClockKey), sp.GetRequiredService<ILogger<BotTokenProvider>>()));
        services.TryAddSingleton<IBotAuthenticator>(sp => ActivatorUtilities.CreateInstance<BotAuthenticator>(sp, sp.GetRequiredKeyedService<TimeProvider>(ProtocolClockKey)));
        services.TryAddSingleton(sp => new ConnectorRetryPolicy(sp.GetRequiredKeyedService<TimeProvider>(ProtocolClockKey)));
        services.AddHttpClient(BotAuthenticator.MetadataHttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        // Every connector request names this instance in its User-Agent (ConnectorInstance): with several instances
        // on one storage account, a send can be traced to the instance that made it.
        var instance = ConnectorInstance.Name(configuration);
        services.AddHttpClient<ConnectorClient>(ConnectorHttpClientName, c =>
        {
            c.Timeout = TimeSpan.FromSeconds(30);
            foreach (var value in ConnectorInstance.UserAgent(instance)) c.DefaultRequestHeaders.UserAgent.Add(value);
        });
        services.TryAddTransient<IProactiveMessenger, ProactiveMessenger>();
        services.TryAddSingleton<TurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<BotEndpointHandler>(sp, sp.GetRequiredKeyedService<TimeProvider>(ProtocolClockKey)));
        services.AddHostedService<AnonymousModeWarning>();
        return services;
    }
}

/// <summary>Says loudly at start-up that inbound requests are not authenticated.</summary>
internal sealed partial class AnonymousModeWarning(IOptions<BotOptions> options, IHostEnvironment environment, ILogger<AnonymousModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        if (value.IsAnonymous)
        {
            LogAnonymous(logger, environment.EnvironmentName);
        }
        else if (!environment.IsDevelopment() && !value.IsManagedIdentity)
        {
            LogSecretOutsideDevelopment(logger, environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "!!! BOT ANONYMOUS MODE: no Bot:AppId configured (environment {Environment}). Inbound requests are NOT authenticated and outbound calls carry no token. For local development with the Agents Playground only. !!!")]
    private static partial void LogAnonymous(ILogger logger, string environment);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "The bot authenticates with a client secret or certificate in environment {Environment}; production should use Bot:AppType=UserAssignedMSI")]
    private static partial void LogSecretOutsideDevelopment(ILogger logger, string environment);
}
