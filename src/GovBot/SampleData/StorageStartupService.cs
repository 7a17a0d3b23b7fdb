using GovBot.Features.Papers;
using GovBot.Storage;
using Microsoft.Extensions.Options;

namespace GovBot.SampleData;

/// <summary>
/// Creates the tables once at start-up, then loads the sample data when SampleData:SeedWhenEmpty allows and no group
/// is stored. Runs in the background and retries while storage is unreachable, so the web host still starts and
/// /readyz reports the problem.
/// </summary>
internal sealed partial class StorageStartupService(
    StorageReadiness readiness,
    GovBotTables tables,
    GovernanceDataWriter writer,
    PaperCommands papers,
    IOptions<SampleDataOptions> sampleData,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<StorageStartupService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await tables.EnsureCreatedAsync(stoppingToken);
                LogTablesReady(logger, tables.All.Count);
                if (sampleData.Value.SeedWhenEmpty ?? environment.IsDevelopment())
                {
                    if (await writer.IsEmptyAsync(stoppingToken))
                    {
                        var data = MhhsSampleData.Build();
                        await writer.WriteAsync(data, stoppingToken);
                        LogSeeded(logger, data.Groups.Count, data.Meetings.Count, data.Actions.Count);
                        foreach (var line in await SamplePapers.KeepAsync(papers, SamplePapers.FindFolder(), stoppingToken)) LogSamplePapers(logger, line);
                    }
                }
                readiness.MarkReady();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogStorageUnavailable(logger, attempt, e.GetType().Name);
                await Task.Delay(RetryDelay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {TableCount} tables exist")]
    private static partial void LogTablesReady(ILogger logger, int tableCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data loaded into empty storage: {Groups} groups, {Meetings} meetings, {Actions} actions")]
    private static partial void LogSeeded(ILogger logger, int groups, int meetings, int actions);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogSamplePapers(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unreachable at start-up (attempt {Attempt}, {ErrorType}); retrying")]
    private static partial void LogStorageUnavailable(ILogger logger, int attempt, string errorType);
}
