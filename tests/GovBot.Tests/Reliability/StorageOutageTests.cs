using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Features.Actions;
using GovBot.Features.Reminders;
using GovBot.Testing;
using GovBot.Tests.Bot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace GovBot.Tests.Reliability;

/// <summary>
/// The real Azurite process stopped (or frozen) under a running GovBot, then brought back with its data. GovBot runs
/// in-process (the bot harness) but with its own storage client as configured in production (retries, timeouts),
/// not the harness's recording client without retries.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    // Friday 19 April 2024: the DAG 34 checklist deadline (Friday 26 April) is 5 working days away, so a checklist
    // digest is due at 09:00 UK time. The app's clock starts early enough for the set-up to finish before then.
    private const string StartAt = "2024-04-19T08:59:42+01:00";
    private static readonly DateTimeOffset SendTime = new(2024, 4, 19, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Today = new(2024, 4, 19);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private const string LeesAction = "DAG33-04";

    /// <summary>The app with its production storage client (its own timeouts and retries) on the test's own Azurite.</summary>
    private static async Task<BotHarness> StartBotAsync(AzuriteProcess azurite, LogRecorder logs)
    {
        var bot = await BotHarness.StartAsync(azurite.ConnectionString, StartAt, new Dictionary<string, string?> { ["Reminders:TickInterval"] = "00:00:01" },
            testServices: services => services.AddSingleton<ILoggerProvider>(logs), productionStorageClient: true);
        bot.KeepTables = true; // the Azurite is the test's own, deleted with its data; a failure must not hide behind a clean-up error
        return bot;
    }

    [Fact]
    public async Task AzuriteStoppedMidRun_AnswersUnavailable_RecoversWithoutRestart_AndTheReminderDueMeanwhileGoesOutOnce()
    {
        await using var azurite = await AzuriteProcess.StartPersistentAsync();
        var logs = new LogRecorder();
        await using var bot = await StartBotAsync(azurite, logs);
        var clock = bot.Services.GetRequiredService<TimeProvider>();
        var lee = bot.Person("lee-cox");

        // Lee has GovBot installed; a DAG channel subscribes to checklist deadlines.
        var sent = bot.Connector.Sent.Count;
        using (var installed = await bot.PostAsync(Install(bot, "lee-cox"))) Assert.True(installed.IsSuccessStatusCode);
        await bot.Connector.WaitForAsync(r => r.Card is not null, sent); // the welcome card
        Assert.Contains("Participant checklist deadlines", BotHarnessText.Of(await bot.AskAsync("subscribe checklist", lee, "channel")));

        // a) Storage up: the actions card.
        var before = BotHarnessText.Of(await bot.AskAsync("my open actions", lee));
        Assert.Contains(LeesAction, before);
        var actionBefore = JsonSerializer.Serialize(await StoredAction(bot));

        // b) Azurite stopped before the 09:00 slot.
        Assert.True(clock.GetUtcNow() < SendTime - TimeSpan.FromSeconds(3),
            $"The set-up took until {Uk(clock):HH:mm:ss} (app clock): the outage must begin before the 09:00 slot.");
        output.WriteLine($"Azurite stopped at {Uk(clock):HH:mm:ss.f} (app clock)");
        var stopping = Stopwatch.StartNew();
        await azurite.StopAsync();
        var stoppedIn = stopping.Elapsed;

        var asked = Stopwatch.StartNew();
        var down = BotHarnessText.Of(await bot.AskAsync("my open actions", lee, timeout: TimeSpan.FromSeconds(60)));
        var unavailableAfter = asked.Elapsed;
        Assert.Contains("temporarily unavailable", down);
        Assert.DoesNotContain(LeesAction, down);

        using (var ready = await bot.Client.GetAsync("/readyz")) Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using (var live = await bot.Client.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // A button on the action's card during the outage: a clear error, not a 500, and nothing written.
        var update = new JsonObject { ["ref"] = LeesAction, [ActionCards.UpdateTextInputId] = "Posted while storage was down" };
        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb, update, lee);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("application/vnd.microsoft.error", body?["type"]?.GetValue<string>());
        Assert.Contains("temporarily unavailable", body?["value"]?["message"]?.GetValue<string>());

        // The 09:00 slot falls due while storage is down: the scheduler's runs fail, are logged, and it keeps going.
        await Eventually(() => clock.GetUtcNow() >= SendTime + 2 * Tick && logs.Count(ReminderRunFailed) >= 2, TimeSpan.FromSeconds(60),
            () => $"app clock {Uk(clock):HH:mm:ss}; failed runs logged: {logs.Count(ReminderRunFailed)}");
        Assert.True(SchedulerIsRunning(bot), "the reminder scheduler stopped during the outage");
        Assert.DoesNotContain(bot.Connector.Sent, IsChecklistDigest);

        // c) Azurite back with the same data; GovBot is not restarted.
        var starting = Stopwatch.StartNew();
        await azurite.RestartAsync();
        var startedIn = starting.Elapsed;
        var restarted = Stopwatch.StartNew(); // Azurite listens again
        var back = BotHarnessText.Of(await bot.AskAsync("my open actions", lee, timeout: TimeSpan.FromSeconds(60)));
        var recoveredAfter = restarted.Elapsed;
        Assert.True(back.Contains(LeesAction, StringComparison.Ordinal), "after the restart: " + back);
        await Eventually(async () =>
        {
            using var ready = await bot.Client.GetAsync("/readyz");
            return ready.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), () => "/readyz did not report ready again");
        var readyAfter = restarted.Elapsed;
        Assert.Equal(actionBefore, JsonSerializer.Serialize(await StoredAction(bot))); // the refused update left no trace

        // d) The reminder that fell due during the outage goes out once to Lee and once to the channel.
        await bot.Connector.WaitForAsync(r => IsChecklistDigest(r) && r.Path.Contains("personal-lee-cox", StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(60));
        await bot.Connector.WaitForAsync(r => IsChecklistDigest(r) && r.Path.Contains("thread.tacv2", StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(30));
        var deliveredAfter = restarted.Elapsed;
        // The run that resolves every reminder marks the day complete, then logs "retrying 0"; wait for that log.
        await Eventually(() => logs.Count(e => ReminderRunLogged(e) && e.Message.Contains("retrying 0,", StringComparison.Ordinal)) > 0,
            TimeSpan.FromSeconds(30), () => "no reminder run resolved every reminder. Runs: " + logs.Lines(ReminderRunLogged));
        Assert.True(await bot.Services.GetRequiredService<ReminderStateStore>().IsDayCompleteAsync(Today, CancellationToken.None));
        var runsBefore = logs.Count(ReminderRunLogged);
        var window = Stopwatch.StartNew();
        while (window.Elapsed < 4 * Tick) await Task.Delay(200); // later ticks: nothing more may go out
        Assert.True(bot.Connector.Sent.Count(IsChecklistDigest) == 2,
            "digests sent: " + string.Join(", ", bot.Connector.Sent.Where(IsChecklistDigest).Select(r => r.Path)) + ". Runs: " + logs.Lines(ReminderRunLogged));
        Assert.True(runsBefore == logs.Count(ReminderRunLogged), "the completed day was planned again. Runs: " + logs.Lines(ReminderRunLogged));
        Assert.True(SchedulerIsRunning(bot));

        output.WriteLine($"Azurite stopped gracefully in {stoppedIn.TotalSeconds:0.00} s, started again in {startedIn.TotalSeconds:0.00} s");
        output.WriteLine($"'temporarily unavailable' answer after {unavailableAfter.TotalSeconds:0.00} s (Azurite stopped)");
        output.WriteLine($"after restart: normal answer {recoveredAfter.TotalSeconds:0.00} s, /readyz 200 {readyAfter.TotalSeconds:0.00} s, both digests {deliveredAfter.TotalSeconds:0.00} s");
        Assert.True(unavailableAfter < TimeSpan.FromSeconds(10), $"the 'unavailable' answer took {unavailableAfter.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task AzuriteFrozen_AnswersUnavailableWithinSeconds_AndRecoversWhenItThaws()
    {
        await using var azurite = await AzuriteProcess.StartPersistentAsync();
        var logs = new LogRecorder();
        await using var bot = await StartBotAsync(azurite, logs);
        var clock = bot.Services.GetRequiredService<TimeProvider>();
        var lee = bot.Person("lee-cox");
        Assert.Contains(LeesAction, BotHarnessText.Of(await bot.AskAsync("my open actions", lee)));

        // Frozen: connections are accepted, nothing is answered.
        Assert.True(clock.GetUtcNow() < SendTime - TimeSpan.FromSeconds(3),
            $"The set-up took until {Uk(clock):HH:mm:ss} (app clock): the outage must begin before the 09:00 slot.");
        output.WriteLine($"Azurite frozen at {Uk(clock):HH:mm:ss.f} (app clock)");
        azurite.Freeze();
        var asked = Stopwatch.StartNew();
        var down = BotHarnessText.Of(await bot.AskAsync("my open actions", lee, timeout: TimeSpan.FromSeconds(60)));
        var unavailableAfter = asked.Elapsed;
        Assert.Contains("temporarily unavailable", down);

        var update = new JsonObject { ["ref"] = LeesAction, [ActionCards.UpdateTextInputId] = "Posted while storage hung" };
        var invoked = Stopwatch.StartNew();
        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb, update, lee);
        var invokeAfter = invoked.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("temporarily unavailable", body?["value"]?["message"]?.GetValue<string>());

        // The reminder runs that hang on storage past 09:00 fail, are logged, and the scheduler lives on.
        await Eventually(() => clock.GetUtcNow() >= SendTime && logs.Count(ReminderRunFailed) >= 1, TimeSpan.FromSeconds(60),
            () => $"app clock {Uk(clock):HH:mm:ss}; failed runs logged: {logs.Count(ReminderRunFailed)}");
        Assert.True(SchedulerIsRunning(bot), "the reminder scheduler stopped during the outage");

        azurite.Thaw();
        var thawed = Stopwatch.StartNew();
        var back = BotHarnessText.Of(await bot.AskAsync("my open actions", lee, timeout: TimeSpan.FromSeconds(60)));
        var recoveredAfter = thawed.Elapsed;
        Assert.Contains(LeesAction, back);
        Assert.DoesNotContain("Posted while storage hung", JsonSerializer.Serialize(await StoredAction(bot)));

        output.WriteLine($"frozen: 'temporarily unavailable' answer after {unavailableAfter.TotalSeconds:0.00} s, card action error after {invokeAfter.TotalSeconds:0.00} s; normal answer {recoveredAfter.TotalSeconds:0.00} s after thawing");
        Assert.True(unavailableAfter < TimeSpan.FromSeconds(15), $"the 'unavailable' answer took {unavailableAfter.TotalSeconds:0.0} s");
        Assert.True(SchedulerIsRunning(bot));
    }

    /// <summary>The app's clock in UK summer time, as the slots are written.</summary>
    private static DateTimeOffset Uk(TimeProvider clock) => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1));

    private static bool ReminderRunFailed(LogEntry e) =>
        e.Category.EndsWith(nameof(ReminderScheduler), StringComparison.Ordinal) && e.Message.StartsWith("Reminder run failed", StringComparison.Ordinal);

    private static bool ReminderRunLogged(LogEntry e) =>
        e.Category.EndsWith(nameof(ReminderRunner), StringComparison.Ordinal) && e.Message.StartsWith("Reminders run for", StringComparison.Ordinal);

    private static bool IsChecklistDigest(SentRequest r) =>
        r.Method == HttpMethod.Post && r.Path.EndsWith("/activities", StringComparison.Ordinal)
        && r.CardText.Contains("pre-qualification submission", StringComparison.Ordinal);

    private static bool SchedulerIsRunning(BotHarness bot) =>
        bot.Services.GetServices<IHostedService>().OfType<ReminderScheduler>().Single().ExecuteTask is { IsCompleted: false };

    private static async Task<ActionItem> StoredAction(BotHarness bot) =>
        (await bot.Services.GetRequiredService<ActionStore>().GetAsync(LeesAction, CancellationToken.None))!.Value;

    private static JsonObject Install(BotHarness bot, string personId)
    {
        var activity = bot.Activity("conversationUpdate", bot.Person(personId));
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotHarness.BotId });
        return activity;
    }

    private static Task Eventually(Func<bool> condition, TimeSpan timeout, Func<string> what) =>
        Eventually(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Polls until the condition holds; fails with a description of the state after the deadline.</summary>
    private static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout) Assert.Fail($"Not within {timeout.TotalSeconds:0} s: {what()}");
            await Task.Delay(100);
        }
    }
}
