using System.Text.Json.Nodes;
using GovBot.Features.Reminders;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Reminders;

/// <summary>GovBot on Azurite with the sample data and a fake Bot Connector, its clock started just before 09:00.</summary>
[Collection(StorageCollection.Name)]
public class ReminderEndToEndTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> FastTicks = new() { ["Reminders:TickInterval"] = "00:00:01" };

    private static JsonObject Install(BotHarness bot, string personId)
    {
        var activity = bot.Activity("conversationUpdate", bot.Person(personId));
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotHarness.BotId });
        return activity;
    }

    private static bool IsDigest(SentRequest r, string conversationPart) =>
        r.Method == HttpMethod.Post && r.Path.EndsWith("/activities", StringComparison.Ordinal)
        && r.Path.Contains(conversationPart, StringComparison.Ordinal) && r.CardText.Contains("pre-qualification submission", StringComparison.Ordinal);

    [Fact]
    public async Task ChecklistDeadline_InstalledUserAndSubscribedChannel_GetTheDigestOnce_AndARestartSendsNothing()
    {
        // Friday 19 April 2024, 5 working days before the DAG 34 checklist deadline of Friday 26 April.
        var first = await BotHarness.StartAsync(azurite, startAt: "2024-04-19T08:59:40+01:00", settings: FastTicks);
        string prefix = first.Prefix;
        try
        {
            var lee = first.Person("lee-cox");
            var before = first.Connector.Sent.Count;
            using (var installed = await first.PostAsync(Install(first, "lee-cox"))) Assert.True(installed.IsSuccessStatusCode);
            await first.Connector.WaitForAsync(r => r.Card is not null, before); // the welcome card
            var subscribed = BotHarnessText.Of(await first.AskAsync("subscribe checklist", lee, "channel"));
            Assert.Contains("Participant checklist deadlines", subscribed);

            var personal = await first.Connector.WaitForAsync(r => IsDigest(r, "personal-lee-cox"), timeout: TimeSpan.FromSeconds(60));
            var channel = await first.Connector.WaitForAsync(r => IsDigest(r, "thread.tacv2"), timeout: TimeSpan.FromSeconds(30));
            Assert.DoesNotContain("messageid", channel.Path, StringComparison.OrdinalIgnoreCase); // a new thread at the channel root
            Assert.NotNull(personal.Card);
            Assert.Contains(ReminderCards.SnoozeVerb, personal.Activity!.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(ReminderCards.SnoozeVerb, channel.Activity!.ToJsonString(), StringComparison.Ordinal);

            await Task.Delay(TimeSpan.FromSeconds(3)); // a few more ticks
            Assert.Single(first.Connector.Sent, r => IsDigest(r, "personal-lee-cox"));
            Assert.Single(first.Connector.Sent, r => IsDigest(r, "thread.tacv2"));

            var report = BotHarnessText.Of(await first.AskAsync("reminder report", first.Person("daniel-okoro")));
            Assert.Contains("Last run", report);
            var refused = BotHarnessText.Of(await first.AskAsync("reminder report", lee));
            Assert.Contains("Only the PMO", refused);
            first.KeepTables = true;
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The app starts again the same morning on the same storage: nothing new goes out.
        await using var second = await BotHarness.StartAsync(azurite, startAt: "2024-04-19T09:01:00+01:00", settings: FastTicks, prefix: prefix);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.DoesNotContain(second.Connector.Sent, r => r.CardText.Contains("pre-qualification submission", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_ChangeSettings_AndSnoozeUpdatesTheCardInPlace()
    {
        await using var bot = await BotHarness.StartAsync(azurite, startAt: "2024-04-19T10:00:00+01:00", settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        var lee = bot.Person("lee-cox");
        using (var installed = await bot.PostAsync(Install(bot, "lee-cox"))) Assert.True(installed.IsSuccessStatusCode);
        await bot.Connector.WaitForAsync(r => r.Card is not null); // the welcome card

        var settings = BotHarnessText.Of(await bot.AskAsync("my reminder settings", lee));
        Assert.Contains("Your reminder settings", settings);
        Assert.Contains("On: 3 working days before", settings);

        var off = BotHarnessText.Of(await bot.AskAsync("checklist reminders off", lee));
        Assert.Contains("Checklist reminders are now off", off);

        var allOff = BotHarnessText.Of(await bot.AskAsync("reminders off", lee));
        Assert.Contains("All reminders are now off", allOff);

        var on = BotHarnessText.Of(await bot.AskAsync("reminders on", lee));
        Assert.Contains("All reminders are now on", on);

        var channel = BotHarnessText.Of(await bot.AskAsync("subscribe DAG", lee, "channel"));
        Assert.Contains("DAG actions", channel);
        var list = BotHarnessText.Of(await bot.AskAsync("subscriptions", lee, "channel"));
        Assert.Contains("DAG actions", list);
        var gone = BotHarnessText.Of(await bot.AskAsync("unsubscribe DAG", lee, "channel"));
        Assert.Contains("Unsubscribed", gone);

        var (status, body) = await bot.InvokeAsync(ReminderCards.SnoozeVerb,
            new JsonObject { ["until"] = "monday", ["items"] = new JsonArray("checklist:20240313-06") }, lee);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var snoozed = BotHarnessText.Of(body);
        Assert.Contains("Reminder snoozed", snoozed);
        Assert.Contains("Monday 22 April 2024", snoozed);

        var (badStatus, _) = await bot.InvokeAsync(ReminderCards.SnoozeVerb, new JsonObject { ["until"] = "forever", ["items"] = new JsonArray("x") }, lee);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badStatus);
    }
}
