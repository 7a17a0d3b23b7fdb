using Microsoft.Extensions.Options;

namespace GovBot.Features.Reminders;

/// <summary>
/// Wakes every <see cref="ReminderOptions.TickInterval"/> (on the app's <see cref="TimeProvider"/>) and lets the
/// runner decide whether reminders are due. A failed run is logged and tried again on the next tick.
/// </summary>
internal sealed partial class ReminderScheduler(ReminderRunner runner, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        using var timer = new PeriodicTimer(options.Value.TickInterval, clock);
        try
        {
            do
            {
                try
                {
                    await runner.RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Anything short of shutdown, a timeout that looks like a cancellation included: one failed run
                    // must not end the loop (an ended BackgroundService stops the whole host).
                    LogRunFailed(logger, e.GetType().Name, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders are disabled (Reminders:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder run failed ({ErrorType}); trying again on the next tick")]
    private static partial void LogRunFailed(ILogger logger, string errorType, Exception exception);
}
