using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovBot.Connector;

/// <summary>
/// Runs non-invoke turns after the HTTP request was acknowledged, on the host's lifetime token (not the
/// request's). A few workers drain a bounded queue; a full queue makes the endpoint answer 503.
/// </summary>
internal sealed partial class TurnQueue(IServiceScopeFactory scopes, BotRouter router, ILogger<TurnQueue> logger) : BackgroundService
{
    private const int Workers = 4;
    private readonly Channel<Activity> _queue = Channel.CreateBounded<Activity>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(Activity activity) => _queue.Writer.TryWrite(activity);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunTurnAsync(activity, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task RunTurnAsync(Activity activity, CancellationToken ct)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var turn = new TurnContext(activity, scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ConnectorClient>());
                await router.RouteActivityAsync(turn, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogCancelled(logger, activity.Type);
        }
        catch (Exception ex)
        {
            LogTurnFailed(logger, ex, activity.Type, activity.Id);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Unhandled error in a {ActivityType} turn (activity {ActivityId})")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string? activityId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "A {ActivityType} turn was cancelled by host shutdown")]
    private static partial void LogCancelled(ILogger logger, string activityType);
}
