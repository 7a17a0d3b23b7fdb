using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovBot.Connector;

/// <summary>
/// Runs non-invoke turns after the HTTP request was acknowledged, on the host's lifetime token (not the
/// request's). Turns are sharded by conversation id onto a few bounded single-reader queues: one conversation's
/// turns run one at a time in the order they arrived (two quick messages are answered in order), different
/// conversations run in parallel. A full shard makes the endpoint answer 503.
/// </summary>
internal sealed partial class TurnQueue : BackgroundService
{
    internal const int Shards = 8;
    internal const int ShardCapacity = 128;

    private readonly IServiceScopeFactory _scopes;
    private readonly BotRouter _router;
    private readonly ILogger<TurnQueue> _logger;
    private readonly Channel<Activity>[] _shards;

    public TurnQueue(IServiceScopeFactory scopes, BotRouter router, ILogger<TurnQueue> logger)
    {
        _scopes = scopes;
        _router = router;
        _logger = logger;
        _shards = new Channel<Activity>[Shards];
        for (var i = 0; i < Shards; i++)
        {
            _shards[i] = Channel.CreateBounded<Activity>(new BoundedChannelOptions(ShardCapacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
            });
        }
    }

    public bool TryEnqueue(Activity activity) => _shards[ShardOf(activity.Conversation?.Id)].Writer.TryWrite(activity);

    /// <summary>
    /// A hash of the conversation id that does not change between runs (string.GetHashCode does), so a shard is
    /// reproducible in logs and tests. Activities without a conversation share shard 0.
    /// </summary>
    internal static int ShardOf(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return 0;
        }

        // FNV-1a over the UTF-16 code units.
        var hash = 2166136261u;
        foreach (var c in conversationId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_shards.Select(shard => Task.Run(() => WorkAsync(shard.Reader, stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(ChannelReader<Activity> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
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
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var turn = new TurnContext(activity, scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ConnectorClient>());
                await _router.RouteActivityAsync(turn, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogCancelled(_logger, activity.Type);
        }
        catch (Exception ex)
        {
            LogTurnFailed(_logger, ex, activity.Type, activity.Id);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Unhandled error in a {ActivityType} turn (activity {ActivityId})")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string? activityId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "A {ActivityType} turn was cancelled by host shutdown")]
    private static partial void LogCancelled(ILogger logger, string activityType);
}
