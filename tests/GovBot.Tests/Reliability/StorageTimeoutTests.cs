using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Outbox;
using GovBot.Features.Reminders;
using GovBot.People;
using GovBot.Storage;
using GovBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Reliability;

/// <summary>
/// Storage that accepts connections and never answers (a listener that reads nothing): how long the app's storage
/// client waits, what it throws, and that a reminder run hanging on it does not end the scheduler.
/// </summary>
public sealed class StorageTimeoutTests : IDisposable
{
    private readonly TcpListener _hung = new(IPAddress.Loopback, 0);

    public StorageTimeoutTests() => _hung.Start(); // the kernel completes connections; nobody ever answers

    private string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.DevKey};" +
        $"TableEndpoint=http://127.0.0.1:{((IPEndPoint)_hung.LocalEndpoint).Port}/devstoreaccount1;";

    [Fact]
    public async Task AHungService_FailsARequestAsRequestFailed_AfterTwoTimedOutTries()
    {
        var options = new StorageOptions { ConnectionString = ConnectionString, NetworkTimeout = TimeSpan.FromMilliseconds(500), MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(50) };
        var table = StorageServiceCollectionExtensions.CreateServiceClient(options).GetTableClient("Hung");

        var waited = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));
        var elapsed = waited.Elapsed;

        Assert.Equal(0, failure.Status); // no answer: an outage, not a cancellation
        Assert.True(StorageResilience.IsOutage(failure));
        // Two tries of 0.5 s (a timed-out try is retried once, whatever MaxRetries says), not four.
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task ACallerCancellation_StaysACancellation()
    {
        var options = new StorageOptions { ConnectionString = ConnectionString, NetworkTimeout = TimeSpan.FromSeconds(5) };
        var table = StorageServiceCollectionExtensions.CreateServiceClient(options).GetTableClient("Hung");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task ReminderScheduler_ARunThatTimesOutAsACancellation_IsLoggedAndTheLoopGoesOn()
    {
        // A bare SDK client (no GovBot storage policies, no retries): its network timeout surfaces as a
        // TaskCanceledException, which a loop must not mistake for its own shutdown.
        var service = new TableServiceClient(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromMilliseconds(200) } });
        var tables = new GovBotTables(service, Options.Create(new StorageOptions()), GovBotFeatures.Tables);
        var clock = new StartAtTimeProvider(TimeProvider.System, new DateTimeOffset(2024, 4, 19, 9, 5, 0, TimeSpan.FromHours(1))); // a working day, after 09:00
        var options = new ReminderOptions { TickInterval = TimeSpan.FromMilliseconds(100) };
        var calendar = new WorkingDays();
        using var scopes = new ServiceCollection().BuildServiceProvider();
        using var logs = new LogRecorder();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var runner = new ReminderRunner(new ReminderPlanner(options, calendar), calendar, new ChecklistStore(tables), new ActionStore(tables), new GroupStore(tables),
            new MembershipStore(tables), new PersonStore(tables), new SubscriptionStore(tables, clock), new ConversationReferenceStore(tables, clock),
            new ReminderLedger(tables), new ReminderStateStore(tables), scopes.GetRequiredService<IServiceScopeFactory>(), new OutboxPacer(Options.Create(new OutboxOptions()), clock), clock, Options.Create(options),
            loggers.CreateLogger<ReminderRunner>());
        var scheduler = new ReminderScheduler(runner, clock, Options.Create(options), loggers.CreateLogger<ReminderScheduler>());

        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            var deadline = Stopwatch.StartNew();
            while (logs.Count(e => e.Message.StartsWith("Reminder run failed (TaskCanceledException)", StringComparison.Ordinal)) < 2)
            {
                Assert.False(scheduler.ExecuteTask!.IsCompleted, $"the scheduler ended: {scheduler.ExecuteTask.Exception?.InnerException?.GetType().Name ?? scheduler.ExecuteTask.Status.ToString()}");
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "two failed runs were not logged in time");
                await Task.Delay(50);
            }
            Assert.False(scheduler.ExecuteTask!.IsCompleted);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _hung.Stop();
}
