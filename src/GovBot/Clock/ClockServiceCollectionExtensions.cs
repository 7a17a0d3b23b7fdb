using Microsoft.Extensions.Options;

namespace GovBot.Clock;

public static class ClockServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TimeProvider"/>: the system clock, or one starting at Clock:StartAt when that is set.
    /// </summary>
    public static IServiceCollection AddGovBotClock(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<ClockOptions>().BindConfiguration(ClockOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClockOptions>, ClockOptionsValidator>();
        services.AddSingleton<TimeProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClockOptions>>().Value;
            return ClockOptions.TryParseStartAt(options.StartAt, out var startAt)
                ? new StartAtTimeProvider(TimeProvider.System, startAt)
                : TimeProvider.System;
        });
        return services;
    }
}
