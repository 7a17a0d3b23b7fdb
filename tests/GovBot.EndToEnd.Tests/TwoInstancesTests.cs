using System.Diagnostics;
using System.Globalization;
using GovBot.Testing;
using Xunit.Abstractions;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// Two GovBot instances on one storage account behind a round-robin front end, as App Service scales GovBot out:
/// chat from many conversations, a meeting notice and the 09:00 reminder run at once; one instance is killed with
/// SIGKILL halfway through the notice, while it holds the reminder lease; the other finishes both. Every turn is
/// answered once; every notice copy and reminder digest reaches Teams once, or is reported unknown, never twice.
/// The sizes are small (the bench suite `instances` runs the same at 5,000 recipients).
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private const int Channels = 60;
    private const int ChatConversations = 16;
    private static readonly DateOnly ReminderDay = new(2024, 4, 19); // 5 working days before the DAG 34 checklist deadline
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoInstances_ShareTheWork_AndWhenOneIsKilledTheOtherFinishesTheNoticeAndTheReminderRun_NoneLostNoneTwice()
    {
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync();
        // Teams, per proactive send: a tenant limit of 50 a second (the instances are paced at 25 each), 7 a second per
        // conversation, and a tenth of a second to answer, so the kill lands while sends are in flight.
        await using var teams = new FakeBotConnector(new TeamsBehaviour { TenantPerSecond = 50, ConversationPerSecond = 7, Latency = TimeSpan.FromMilliseconds(100) });
        await teams.StartAsync();
        var prefix = "two" + Guid.NewGuid().ToString("N")[..8];
        var ledgers = new ScaleOutLedgers(azurite.ConnectionString, prefix);
        string[] names = ["inst-a", "inst-b"];

        // The recipients install GovBot and subscribe, through the front end (both instances take these turns).
        // Reminders are off here, so that nothing is due until everything is subscribed.
        IReadOnlyDictionary<string, long> setupTurns;
        await using (var setup = await ScaleOutCluster.StartAsync(names, Settings(azurite, prefix, "2024-04-19T07:30:00Z", reminders: false)))
        {
            using var traffic = new ScaleOutTraffic(setup.Proxy.MessagesEndpoint, teams);
            await traffic.SetUpAsync(Channels, checklist: Channels, parallel: 8, CancellationToken.None);
            setupTurns = setup.TurnsServed();
        }

        output.WriteLine($"Set up {Channels} channels and {ScaleOutTraffic.DagMembers.Count} members in {total.Elapsed.TotalSeconds:0.0} s; turns per instance {Show(setupTurns)}");

        // The same two instances again (a redeploy), with the clock at 08:59:52 BST: the reminder run falls due at once.
        await using var cluster = await ScaleOutCluster.StartAsync(names, Settings(azurite, prefix, "2024-04-19T07:59:52Z", reminders: true));
        try
        {
            using var traffic = new ScaleOutTraffic(cluster.Proxy.MessagesEndpoint, teams);
            var mark = teams.All().Count; // what arrives from here on belongs to this run
            using var stopChat = new CancellationTokenSource();
            var chat = traffic.ChatAsync(ChatConversations, stopChat.Token);

            await teams.WaitForAsync(s => s.Sequence > mark && IsDigest(s), Timeout, "the first reminder digest");
            var notice = await traffic.SendNoticeAsync("35", "2024-05-08", CancellationToken.None);
            var recipients = Channels + ScaleOutTraffic.DagMembers.Count;

            // Halfway through the notice: the chat load stops (every turn posted is answered), and the instance
            // sending the reminders (the lease holder) is killed.
            await ScaleOutLedgers.UntilAsync(() => Task.FromResult(teams.Count(s => s.Sequence > mark && IsNoticeCopy(s)) >= recipients / 4), Timeout, "a quarter of the notice");
            await stopChat.CancelAsync();
            await chat.WaitAsync(Timeout);
            await ScaleOutLedgers.UntilAsync(() => Task.FromResult(teams.Count(s => s.Sequence > mark && IsNoticeCopy(s)) >= recipients / 2), Timeout, "half the notice");
            var victim = teams.All().Where(s => s.Sequence > mark && IsDigest(s)).GroupBy(s => s.Instance).MaxBy(g => g.Count())!.Key;
            var survivor = names.Single(n => n != victim);
            var noticeBeforeKill = teams.Count(s => s.Sequence > mark && IsNoticeCopy(s));
            cluster.Kill(victim);
            var killedAt = Stopwatch.GetTimestamp();
            output.WriteLine($"Killed {victim} (the reminder lease holder) at {total.Elapsed.TotalSeconds:0.0} s, {noticeBeforeKill} of {recipients} notice copies in");

            // Chat carries on through the front end: the dead instance is skipped.
            using (var more = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                await traffic.ChatAsync(ChatConversations, more.Token).WaitAsync(Timeout);
            }

            // The survivor finishes the notice and the reminder run.
            await ScaleOutLedgers.UntilAsync(async () => (await ledgers.NoticeAsync(notice, CancellationToken.None)) is { Count: > 0 } rows && rows.All(r => r.State is not ("Queued" or "Sending")),
                Timeout, "every notice copy's outcome");
            await ScaleOutLedgers.UntilAsync(() => ledgers.ReminderDayCompleteAsync(ReminderDay, CancellationToken.None), Timeout, "the reminder run's completion");

            var sent = teams.All().Where(s => s.Sequence > mark).ToList();
            var noticeRows = await ledgers.NoticeAsync(notice, CancellationToken.None);
            var reminderRows = await ledgers.RemindersAsync(CancellationToken.None);
            var copies = sent.Where(IsNoticeCopy).ToList();
            var digests = sent.Where(IsDigest).ToList();
            var turns = traffic.ChatTurns();
            var replies = sent.Where(s => s.IsAnswer).GroupBy(s => s.ReplyToId!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

            var notices = Account(noticeRows, copies, delivered: "Delivered");
            var reminders = Account(reminderRows.GroupBy(r => r.Recipient).Select(g => g.First() with { State = g.Select(r => r.State).Distinct().Count() == 1 ? g.First().State : "Mixed" }).ToList(), digests, delivered: "Sent");
            output.WriteLine($"Turns per instance (front end): {Show(cluster.TurnsServed())}; failovers {cluster.Proxy.Failovers}; chat turns {turns.Count}");
            output.WriteLine($"Notice copies per instance: {Show(Per(copies))}; after the kill: {Show(Per(copies.Where(c => c.ArrivedAt > killedAt)))}");
            output.WriteLine($"Reminder digests per instance: {Show(Per(digests))}; after the kill: {Show(Per(digests.Where(c => c.ArrivedAt > killedAt)))}");
            output.WriteLine($"Notice: {notices}; reminders: {reminders}; total {total.Elapsed.TotalSeconds:0.0} s");
            output.WriteLine($"Front end: requests whose instance died answering {cluster.Proxy.Broken}");

            // Both instances served turns, and every turn was answered once.
            Assert.All(setupTurns.Values.Concat(cluster.TurnsServed().Values), n => Assert.True(n > 0, "an instance served no turns"));
            Assert.True(cluster.Proxy.Failovers > 0, "no request found the killed instance gone");
            Assert.NotEmpty(turns);
            Assert.All(turns, id => Assert.Single(replies.GetValueOrDefault(id) ?? []));

            // Both sent notice copies; the survivor sent after the kill; both sent digests (the victim before, the survivor after).
            Assert.Equal(names.Order(), Per(copies).Keys.Order());
            Assert.Contains(survivor, Per(copies.Where(c => c.ArrivedAt > killedAt)).Keys);
            Assert.DoesNotContain(victim, Per(digests.Where(c => c.ArrivedAt > killedAt + Stopwatch.Frequency)).Keys);
            Assert.Equal(names.Order(), Per(digests).Keys.Order());

            // Exactly once, or unknown: none lost, none twice, every outcome final.
            Assert.Equal(recipients, noticeRows.Count);
            Assert.Equal((0, 0, 0), (notices.Lost, notices.Duplicated, notices.Other));
            Assert.Equal((0, 0, 0), (reminders.Lost, reminders.Duplicated, reminders.Other));
            Assert.True(reminders.Delivered > Channels, $"only {reminders.Delivered} digests delivered");
            // A copy reported unknown was sent by the killed instance, if at all: the survivor never sent it again.
            Assert.All(notices.UnknownSentBy.Concat(reminders.UnknownSentBy), i => Assert.Equal(victim, i));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n{cluster.Logs()}", e);
        }
        catch (Xunit.Sdk.XunitException)
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    private static Dictionary<string, string?> Settings(AzuriteProcess azurite, string prefix, string clock, bool reminders) => new()
    {
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Storage__TablePrefix"] = prefix,
        ["Clock__StartAt"] = clock,
        ["SampleData__SeedWhenEmpty"] = "true",
        // One signing key for all instances, as Production requires (links signed by one instance open on the other).
        ["Notices__LinkSigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        // The tenant's limit (50 a second here) is shared: each of the two instances is paced at half of it.
        ["Outbox__TenantRatePerSecond"] = "25",
        ["Reminders__Enabled"] = reminders ? "true" : "false",
        ["Reminders__TickInterval"] = "00:00:01",
        ["Reminders__LeaseDuration"] = "00:00:05",
        ["Reminders__SendingGrace"] = "00:00:06",
        ["Reminders__MaxParallelSends"] = "1", // one digest at a time, so the run is still going at the kill
        ["Notices__MaxParallelSends"] = "2",
        ["Notices__VisibilityTimeout"] = "00:00:03",
        ["Notices__SendingGrace"] = "00:00:06",
        ["Notices__PollInterval"] = "00:00:00.200",
        ["Notices__ProgressInterval"] = "00:00:00.500",
    };

    private static bool IsNoticeCopy(FakeBotConnector.Sent s) => s.IsProactive && s.Json.Contains("Meeting notice:", StringComparison.Ordinal);

    private static bool IsDigest(FakeBotConnector.Sent s) => s.IsProactive && (s.Json.Contains("\"text\":\"Reminder\"", StringComparison.Ordinal) || s.Json.Contains("\"text\":\"Reminders (", StringComparison.Ordinal));

    private static Dictionary<string, int> Per(IEnumerable<FakeBotConnector.Sent> sends) => sends.GroupBy(s => s.Instance).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string Show<T>(IReadOnlyDictionary<string, T> counts) => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private sealed record Accounting(int Delivered, int Unknown, int Lost, int Duplicated, int Other, IReadOnlyList<string> UnknownSentBy)
    {
        public override string ToString() => $"delivered {Delivered}, unknown {Unknown}, lost {Lost}, duplicated {Duplicated}, other {Other}";
    }

    /// <summary>
    /// Ledger outcomes (one per recipient) against what Teams showed: lost = delivered in the ledger but its message
    /// (by activity id) not shown; duplicated = copies shown beyond one per conversation; other = any outcome that is
    /// neither delivered nor unknown.
    /// </summary>
    private static Accounting Account(IReadOnlyList<LedgerOutcome> rows, IReadOnlyList<FakeBotConnector.Sent> shownOrNot, string delivered)
    {
        var shown = shownOrNot.Where(s => s.Shown).ToList();
        var byId = shown.ToDictionary(s => $"m{s.Sequence}", StringComparer.Ordinal);
        var duplicated = shown.GroupBy(s => s.ConversationId).Sum(g => g.Count() - 1);
        var ok = rows.Where(r => r.State == delivered).ToList();
        var lost = ok.Count(r => r.ActivityId is null || !byId.ContainsKey(r.ActivityId));
        var unknown = rows.Where(r => r.State == "Unknown").ToList();
        var unknownConversations = unknown.Select(r => r.ConversationId).Where(c => c is not null).ToHashSet(StringComparer.Ordinal);
        var sentBy = shownOrNot.Where(s => unknownConversations.Contains(s.ConversationId)).Select(s => s.Instance).ToList();
        return new(ok.Count, unknown.Count, lost, duplicated, rows.Count - ok.Count - unknown.Count, sentBy);
    }
}
