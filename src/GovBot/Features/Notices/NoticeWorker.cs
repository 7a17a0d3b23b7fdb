using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>
/// The queue workers of this instance: receive jobs in batches, process up to Notices:MaxParallelSends at once
/// (paced by the shared <see cref="Outbox.OutboxPacer"/>), and flush the authors' status cards every Notices:ProgressInterval.
/// Any number of instances may run; the ledger keeps each copy to one send.
/// </summary>
internal sealed partial class NoticeWorker(
    INoticeQueue queue,
    NoticeDispatcher dispatcher,
    NoticeProgress progress,
    IOptions<NoticeOptions> options,
    TimeProvider clock,
    ILogger<NoticeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        await Task.Yield();
        var flusher = FlushLoopAsync(stoppingToken);
        await RunAsync(stoppingToken);
        await flusher;
    }

    /// <summary>Jobs one receive loop takes at a time; several loops keep one slow job (a Retry-After) from holding up the rest.</summary>
    private const int BatchSize = 8;

    /// <summary>Processes jobs until cancelled (tests run it directly, and cancel it to "kill" a worker).</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var loops = Math.Max(1, (o.MaxParallelSends + BatchSize - 1) / BatchSize);
        var batch = Math.Min(BatchSize, o.MaxParallelSends);
        return Task.WhenAll(Enumerable.Range(0, loops).Select(_ => LoopAsync(batch, cancellationToken)));
    }

    private async Task LoopAsync(int batchSize, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(batchSize, o.VisibilityTimeout, cancellationToken);
                failures = 0;
                if (batch.Count == 0)
                {
                    await Task.Delay(o.PollInterval, clock, cancellationToken);
                    continue;
                }
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = batchSize, CancellationToken = cancellationToken },
                    async (job, ct) => await dispatcher.ProcessAsync(job, ct));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage, credentials or Teams unavailable: the jobs in hand reappear after their visibility timeout.
                // The loop must outlive any of these, so it backs off and tries again.
                failures++;
                LogBatchFailed(logger, e.GetType().Name);
                var wait = TimeSpan.FromMilliseconds(Math.Min(30_000, o.PollInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 10))));
                try { await Task.Delay(wait, clock, cancellationToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task FlushLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ProgressInterval, clock, stoppingToken);
                await progress.FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBatchFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice worker: a batch failed ({Kind}); its jobs will reappear")]
    private static partial void LogBatchFailed(ILogger logger, string kind);
}
