using GovBot.Bot;
using GovBot.Calendar;
using GovBot.Features.Conversations;
using GovBot.Features.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Reminders;

internal static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Reminders: options "Reminders" (validated at start), the working-day calendar ("Calendar"), the stores, the
    /// planner and runner, the scheduler and the conversation observer. <see cref="RemindersFeature"/> adds the
    /// questions, answers and card verbs.
    /// </summary>
    public static IServiceCollection AddGovBotReminders(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.SectionName);
        services.TryAddSingleton(sp => new WorkingDays(sp.GetRequiredService<IOptions<CalendarOptions>>()));
        services.TryAddSingleton(TimeProvider.System);

        services.AddConversations();
        services.AddOutbox();
        services.AddSingleton<ReminderLedger>();
        services.AddSingleton<ReminderStateStore>();
        services.AddSingleton(sp => new ReminderPlanner(sp.GetRequiredService<IOptions<ReminderOptions>>().Value, sp.GetRequiredService<WorkingDays>()));
        services.AddSingleton<ReminderRunner>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
