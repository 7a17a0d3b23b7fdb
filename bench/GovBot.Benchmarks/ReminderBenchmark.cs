using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using GovBot.Calendar;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Reminders;
using Activity = GovBot.Connector.Activity;

namespace GovBot.Benchmarks;

/// <summary>
/// How long planning a reminder run takes for 5,000 subscribers and 200 open items, and how fast digests go out
/// through the connector client (card built, serialised, POSTed) to a fake Bot Connector. The send rows leave out
/// storage (the ledger's claim and outcome writes) and the outbox's pacer (no tenant limit), and the table says so:
/// they time the planner, the cards and the connector alone.
/// </summary>
internal static class ReminderBenchmark
{
    private const int People = 4_000;
    private const int Channels = 1_000;
    private const int Groups = 20;
    private const int ChecklistItems = 50;
    private const int Actions = 150;

    /// <summary>Monday 22 April 2024, 09:00 UK: a working day with due, overdue and weekly-digest slots all in play.</summary>
    private static readonly DateOnly Day = new(2024, 4, 22);

    public static async Task RunAsync(TextWriter output)
    {
        var options = new ReminderOptions();
        var calendar = new WorkingDays();
        var planner = new ReminderPlanner(options, calendar);
        var inputs = Inputs(planner);
        var now = UkTime.ToInstant(Day, options.SendTime);

        var plan = planner.Plan(now, inputs);
        var planTimes = Measure(30, () => planner.Plan(now, inputs));
        var cardTimes = Measure(5, () =>
        {
            foreach (var d in plan.Digests) ReminderCards.Digest(d, options.SendTime, d.Recipient.Kind == RecipientKind.Person, options.MaxItemsPerCard).ToJsonString();
        });

        var rows = new List<string[]>
        {
            new[] { "Plan a run (5,000 subscribers, 200 open items)", $"{Median(planTimes):F1} ms", $"min {planTimes.Min():F1} ms, {plan.Digests.Count:N0} digests, {plan.ReminderCount:N0} reminders" },
            new[] { "Build all digest cards", $"{Median(cardTimes):F1} ms", $"{plan.Digests.Count / (Median(cardTimes) / 1000):N0} cards/s" },
        };
        foreach (var (parallel, latency, count) in new[] { (1, 0, 2_000), (4, 0, 5_000), (4, 20, 800), (16, 20, 1_600) })
        {
            var (elapsed, sent) = await SendAsync(plan.Digests.Take(count).ToList(), options, parallel, TimeSpan.FromMilliseconds(latency));
            rows.Add([$"Connector alone: send {sent:N0} digests, {parallel} at once, fake Teams latency {latency} ms", $"{sent / elapsed.TotalSeconds:N0} msg/s", $"{elapsed.TotalMilliseconds:N0} ms in all"]);
        }

        BenchTable.Print(output, ["Reminders benchmark", "Result", "Detail"], rows);
        var tenantRate = new GovBot.Features.Outbox.OutboxOptions().TenantRatePerSecond;
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"In process, no storage. Left out of the send rows: the delivery ledger (its claim and outcome writes to Table Storage for each digest; the tests on Azurite cover them, the notices suite times that path) and the tenant limit: these rows send without the outbox's pacer, as fast as the connector goes. At GovBot's default tenant limit (Outbox:TenantRatePerSecond = {tenantRate:0}/s, Teams' own figure per app and tenant) the {plan.Digests.Count:N0} digests take {plan.Digests.Count / tenantRate:N0} s, whatever these rows say."));
    }

    private static ReminderPlanInputs Inputs(ReminderPlanner planner)
    {
        var subs = new List<Subscription>();
        var seats = new Dictionary<string, IReadOnlyList<GroupMembership>>(StringComparer.Ordinal);
        var groups = Enumerable.Range(0, Groups).Select(g => new Group($"G{g:00}", $"Group {g}", 4, null, null, true, null, $"p{g:0000}", $"p{g + 100:0000}", [])).ToList();
        for (var p = 0; p < People; p++)
        {
            var r = Recipient.Person($"p{p:0000}");
            subs.Add(new(r, SubscriptionTargets.Actions, default));
            if (p % 2 == 0) subs.Add(new(r, SubscriptionTargets.Checklist, default));
        }
        for (var c = 0; c < Channels; c++)
        {
            var r = Recipient.Conversation($"19:channel{c}@thread.tacv2");
            subs.Add(new(r, c % 3 == 0 ? SubscriptionTargets.Checklist : SubscriptionTargets.Group($"G{c % Groups:00}"), default));
        }
        foreach (var g in groups)
        {
            var index = groups.IndexOf(g);
            seats[g.Code] = Enumerable.Range(0, 100).Select(i => new GroupMembership(g.Code, $"p{(index * 100 + i) % People:0000}", i == 0 ? MembershipRole.Chair : MembershipRole.Member, null)).ToList();
        }

        int[] before = [5, 1, 0];
        var checklist = Enumerable.Range(0, ChecklistItems).Select(i =>
        {
            var deadline = i < 15 ? NextDateWithSlotToday(planner, before[i % 3]) : Day.AddDays(10 + i);
            return new ChecklistItem(new(2024, 4, 10), i + 1, $"Checklist item {i + 1}: respond to the consultation", deadline, false, null, "DAG 35");
        }).ToList();
        var actions = Enumerable.Range(0, Actions).Select(i =>
        {
            var group = $"G{i % Groups:00}";
            DateOnly due = (i % 5) switch
            {
                0 => NextDateWithSlotToday(planner, 3),
                1 => Day,
                2 => Day.AddDays(-3 - i % 20),
                3 => Day.AddDays(-30 - i),
                _ => Day.AddDays(20 + i),
            };
            OwnerParty[] owners = i % 7 == 0 ? [new(OwnerPartyKind.GroupMembers, group)] : [new(OwnerPartyKind.Person, $"p{(i * 37) % People:0000}"), new(OwnerPartyKind.GroupChair, group)];
            return new ActionItem($"{group}{i / Groups + 1:00}-{i % 100:00}", group, "1", Day.AddDays(-60), $"Action {i}", "owner", owners, due, ActionStatus.Open, null, []);
        }).ToList();
        return new(checklist, actions, subs, seats, groups, [], []);
    }

    private static DateOnly NextDateWithSlotToday(ReminderPlanner planner, int before)
    {
        for (var d = Day; ; d = d.AddDays(1))
        {
            if (planner.SlotDay(d, before) == Day) return d;
        }
    }

    private static async Task<(TimeSpan Elapsed, int Sent)> SendAsync(IReadOnlyList<PlannedDigest> digests, ReminderOptions options, int parallel, TimeSpan latency)
    {
        var teams = new FakeTeams(latency);
        using var http = new HttpClient(teams);
        var client = new ConnectorClient(http, new NoToken(), new TrustAll(), new ConnectorRetryPolicy(TimeProvider.System));
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(digests, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (d, ct) =>
        {
            var card = ReminderCards.Digest(d, options.SendTime, d.Recipient.Kind == RecipientKind.Person, options.MaxItemsPerCard);
            var activity = Activity.Message(null, Attachment.AdaptiveCard(card)) with
            {
                From = new ChannelAccount("28:bot"),
                Conversation = new ConversationAccount(d.Recipient.Id),
            };
            await client.SendToConversationAsync("https://smba.trafficmanager.net/uk/", d.Recipient.Id, activity, ct);
        });
        return (watch.Elapsed, teams.Count);
    }

    private static List<double> Measure(int iterations, Action action)
    {
        action(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }


    private sealed class FakeTeams(TimeSpan latency) : HttpMessageHandler
    {
        private int _count;

        public int Count => _count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null) await request.Content.ReadAsByteArrayAsync(cancellationToken);
            if (latency > TimeSpan.Zero) await Task.Delay(latency, cancellationToken);
            var id = Interlocked.Increment(ref _count);
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent($$"""{"id":"{{id}}"}""", Encoding.UTF8, "application/json") };
        }
    }

    private sealed class NoToken : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>(null);
    }

    private sealed class TrustAll : ITrustedServiceUrls
    {
        public bool IsTrusted(string serviceUrl) => true;

        public void Remember(string serviceUrl)
        {
        }
    }
}
