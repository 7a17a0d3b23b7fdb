using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GovBot.Testing;
using Xunit.Abstractions;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// A meeting notice broadcast survives a real crash: GovBot runs as its own OS process (the built GovBot.dll) on
/// Azurite, talks to a fake Teams over HTTP, and is killed with SIGKILL in the middle of the fan-out; a new process
/// on the same storage finishes it. Every recipient gets the notice once, except that a copy whose send Teams never
/// confirmed is reported as "Outcome unknown" rather than sent again (docs/notices.md, "Durable fan-out").
/// Here rather than in GovBot.Tests because a SIGKILL needs the app in a process of its own, as these tests run it.
/// </summary>
public sealed class NoticeKilledMidBroadcastTests(ITestOutputHelper output)
{
    private const string NoticeTitle = "Meeting notice: DAG 34";
    private const string BotId = "28:govbot-e2e";
    private const string TenantId = "6f2c1d9e-4b3a-4e5f-8a7b-9c0d1e2f3a4b";
    private const int Channels = 200;

    /// <summary>The fake Teams stops answering from this copy on, and the process is killed as it arrives.</summary>
    private const int KillAtCopy = 70;

    /// <summary>Jobs one process works on at once (Notices:MaxParallelSends) and recipients per job (NoticeJob.MaxRecipients).</summary>
    private const int ParallelJobs = 2, RecipientsPerJob = 16;

    private static readonly DateTimeOffset ClockStart = DateTimeOffset.Parse("2024-03-06T09:00:00Z", CultureInfo.InvariantCulture);

    private sealed record Person(string Id, string EntraObjectId, string Name)
    {
        public string Chat => $"a:dm-{Id}";
    }

    private static readonly Person Pmo = new("priya-patel", "00000000-0000-0000-0000-0000000000e1", "Priya Patel");

    /// <summary>The sample directory's DAG seats (src/GovBot/SampleData, MhhsSampleData.People), who install GovBot.</summary>
    private static readonly Person[] DagMembers =
    [
        new("justin-andrews", "00000000-0000-0000-0000-0000000000ab", "Justin Andrews"),
        new("craig-handford", "00000000-0000-0000-0000-0000000000a5", "Craig Handford"),
        new("alex-morgan", "00000000-0000-0000-0000-0000000000f2", "Alex Morgan"),
        new("sam-rivers", "00000000-0000-0000-0000-0000000000f3", "Sam Rivers"),
        new("jamie-clarke", "00000000-0000-0000-0000-0000000000f4", "Jamie Clarke"),
        new("taylor-brooks", "00000000-0000-0000-0000-0000000000f5", "Taylor Brooks"),
        new("robin-shaw", "00000000-0000-0000-0000-0000000000f6", "Robin Shaw"),
        new("charlie-dunn", "00000000-0000-0000-0000-0000000000f7", "Charlie Dunn"),
        new("jo-lambert", "00000000-0000-0000-0000-0000000000f8", "Jo Lambert"),
        new("lee-cox", "00000000-0000-0000-0000-0000000000a1", "Lee Cox"),
        Pmo, // the secretariat
    ];

    [Fact]
    public async Task KilledWithSigkillMidBroadcast_ANewProcessSendsTheRest_NoneTwice_AndCopiesTeamsNeverConfirmedAreReportedUnknown()
    {
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var teams = new FakeTeams
        {
            IsSlow = a => a.ToJsonString().Contains(NoticeTitle, StringComparison.Ordinal),
            Latency = TimeSpan.FromMilliseconds(150), // Teams takes a moment per send
        };
        await teams.StartAsync();
        var prefix = "kill" + Guid.NewGuid().ToString("N")[..8];
        // Recipient (label in the report) → the conversation the copy must reach.
        var recipients = Enumerable.Range(1, Channels).ToDictionary(i => $"DAG team {i:000}", i => $"19:dagteam{i:000}@thread.tacv2");
        foreach (var m in DagMembers) recipients[m.Name] = m.Chat;

        var launched = Stopwatch.StartNew();
        var first = await GovBotProcess.StartAsync(Settings(azurite, prefix, ClockStart));
        int notice;
        long killedAt;
        try
        {
            using var bot = new HttpClient { BaseAddress = first.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            var setup = Stopwatch.StartNew();
            await InstallEverywhereAsync(bot, teams);
            output.WriteLine($"Setup through /api/messages: {DagMembers.Length} personal installs, {Channels} teams installed and subscribed to DAG in {setup.Elapsed.TotalSeconds:0.0} s");

            // The PMO previews the notice: every recipient has a chat with GovBot.
            var preview = await InvokeAsync(bot, teams, NoticeVerbs.Compose, Dag34Form());
            var audience = $"Goes to {Channels} channels or group chats and {DagMembers.Length} members of DAG.";
            Assert.True(Texts(preview).Contains(audience, StringComparison.Ordinal), $"The preview does not say \"{audience}\":\n{Texts(preview)}");
            var send = Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send);
            notice = send["data"]!["notice"]!.GetValue<int>();

            teams.HoldSlowFrom(KillAtCopy);
            var sentAt = Stopwatch.StartNew();
            var status = await InvokeAsync(bot, teams, NoticeVerbs.Send, send["data"]!.AsObject());
            Assert.Contains($"Sending to {recipients.Count} recipients", Texts(status), StringComparison.Ordinal);

            // Mid-broadcast: the copy Teams is slow to answer has arrived; the process dies without any shutdown.
            await teams.FirstHeld.WaitAsync(TimeSpan.FromSeconds(45));
            first.Process.Kill(); // SIGKILL
            killedAt = Stopwatch.GetTimestamp();
            Assert.True(first.Process.WaitForExit(10_000), "the killed process did not exit");
            output.WriteLine($"Killed {sentAt.Elapsed.TotalSeconds:0.0} s after Send (exit code {first.Process.ExitCode})");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\nGovBot output:\n{first.Log()}", e);
        }
        catch (Xunit.Sdk.XunitException)
        {
            output.WriteLine("GovBot output:\n" + first.Log());
            throw;
        }
        finally
        {
            first.Dispose();
        }

        // Whatever the dead process had written to Teams is read before the new one starts, so every copy recorded
        // from here on was sent by the new process.
        teams.Release(); // the held calls' callers are gone
        await teams.WaitUntilNoConnectionsAsync(TimeSpan.FromSeconds(30));
        var restartedAt = Stopwatch.GetTimestamp();
        // The app's clock carries on from where the first process's was (it starts at Clock:StartAt).
        using var second = await GovBotProcess.StartAsync(Settings(azurite, prefix, ClockStart + launched.Elapsed));
        try
        {
            // The author's status card reaches its final state (updated in place by the new process).
            var final = await teams.WaitForAsync(r => r is { Method: "PUT" } && r.ConversationId == Pmo.Chat && Texts(Card(r.Activity)).Contains("Final:", StringComparison.Ordinal),
                TimeSpan.FromSeconds(45), "the final status card");
            var finalFacts = Facts(final.Activity);
            output.WriteLine($"New process ready in {second.StartupTime.TotalSeconds:0.0} s; final status card {Stopwatch.GetElapsedTime(killedAt, final.ArrivedAt).TotalSeconds:0.0} s after the kill");

            // The PMO's report and its CSV: who received it, by the app's own account.
            using var bot = new HttpClient { BaseAddress = second.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            var before = teams.All().Count;
            await PostAsync(bot, Message(teams, $"notice report {notice}", Pmo, Pmo.Chat, "personal"));
            var reportReply = await teams.WaitForAsync(r => r.Sequence > before && r.ConversationId == Pmo.Chat && r.Json.Contains("Export CSV", StringComparison.Ordinal),
                TimeSpan.FromSeconds(20), "the notice report");
            var report = Facts(reportReply.Activity);
            var csvLink = new Uri(Actions(Card(reportReply.Activity)).Single(a => a["title"]?.GetValue<string>() == "Export CSV")["url"]!.GetValue<string>());
            var csv = await bot.GetStringAsync(csvLink.PathAndQuery);
            var outcomes = ReadCsv(csv).Skip(1).ToDictionary(row => row[1], row => (Outcome: row[3], Reason: row[4]), StringComparer.Ordinal);

            // What the fake Teams actually received.
            var copies = teams.All().Where(r => r.SlowNumber > 0).ToList();
            var perConversation = copies.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var beforeKill = copies.Where(c => c.ArrivedAt < restartedAt).ToList();
            var afterRestart = copies.Where(c => c.ArrivedAt >= restartedAt).ToList();
            var unconfirmedAtKill = beforeKill.Where(c => c.AnsweredAt is not { } answered || answered > killedAt).ToList();
            var unknown = outcomes.Where(o => o.Value.Outcome == "Unknown").Select(o => o.Key).ToList();
            var delivered = outcomes.Where(o => o.Value.Outcome == "Delivered").Select(o => o.Key).ToList();
            var duplicates = perConversation.Values.Sum(list => list.Count - 1);
            output.WriteLine($"Recipients {recipients.Count}; copies that reached Teams before the kill {beforeKill.Count} ({unconfirmedAtKill.Count} of them unconfirmed at the kill); " +
                $"sent by the new process {afterRestart.Count}; delivered {delivered.Count}; unknown {unknown.Count}; duplicates {duplicates}; total {total.Elapsed.TotalSeconds:0.0} s");

            // The kill landed mid-broadcast and the new process resumed it.
            Assert.InRange(beforeKill.Count, KillAtCopy, recipients.Count - 1);
            Assert.NotEmpty(afterRestart);
            Assert.NotEmpty(unconfirmedAtKill);

            // The report lists every recipient once, each delivered or unknown.
            Assert.Equal(recipients.Keys.Order(StringComparer.Ordinal), outcomes.Keys.Order(StringComparer.Ordinal));
            Assert.All(outcomes, o => Assert.Contains(o.Value.Outcome, new[] { "Delivered", "Unknown" }));

            // None twice: no conversation got the notice more than once, across both processes.
            Assert.Equal(0, duplicates);
            Assert.All(perConversation.Keys, c => Assert.Contains(c, recipients.Values));

            // None lost: every copy reported delivered reached its conversation (once, and Teams answered it).
            Assert.All(delivered, label => Assert.Single(perConversation.GetValueOrDefault(recipients[label]) ?? [], c => c.AnsweredAt is not null));

            // The exception, exactly: a copy reported unknown was claimed by the killed process and never sent again:
            // it reached Teams at most once, before the kill, and the new process did not send it.
            Assert.All(unknown, label =>
            {
                var got = perConversation.GetValueOrDefault(recipients[label]) ?? [];
                Assert.True(got.All(c => c.ArrivedAt < restartedAt), $"{label}: reported unknown but sent again after the restart");
                Assert.Contains(outcomes[label].Reason, new[] { "worker stopped during the send", "timed out" });
            });
            // Every copy Teams had not confirmed when the process died is among them (never reported delivered)…
            Assert.All(unconfirmedAtKill, c => Assert.Contains(recipients.Single(r => r.Value == c.ConversationId).Key, unknown));
            // …and no more than the killed process could have had in hand: its jobs in progress.
            Assert.InRange(unknown.Count, unconfirmedAtKill.Count, ParallelJobs * RecipientsPerJob);

            // The PMO's views agree with what Teams received.
            Assert.Equal($"{recipients.Count}", report["Recipients"]);
            Assert.Equal($"{delivered.Count}", report["Delivered"]);
            Assert.Equal($"{unknown.Count}", report["Outcome unknown"]);
            Assert.Equal(("0", "0", "0"), (report["Failed"], report["Unreachable"], report["Pending"]));
            Assert.Equal($"{delivered.Count}", finalFacts["Delivered"]);
            Assert.Equal($"{unknown.Count}", finalFacts["Outcome unknown"]);
            Assert.Contains($"Final: {delivered.Count} of {recipients.Count} delivered.", Texts(Card(final.Activity)), StringComparison.Ordinal);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\nRestarted GovBot output:\n{second.Log()}", e);
        }
        catch (Xunit.Sdk.XunitException)
        {
            output.WriteLine("Restarted GovBot output:\n" + second.Log());
            throw;
        }
    }

    private static Dictionary<string, string?> Settings(AzuriteProcess azurite, string prefix, DateTimeOffset clockStart) => new()
    {
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Storage__TablePrefix"] = prefix,
        ["Clock__StartAt"] = clockStart.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK", CultureInfo.InvariantCulture),
        ["SampleData__SeedWhenEmpty"] = "true",
        ["Reminders__Enabled"] = "false", // 09:00 digests to 200 subscribed channels would crowd the fake Teams
        // Two jobs at a time keep the broadcast a steady stream at the production pace (40 a second) rather than one
        // burst; short timeouts let the new process pick up the dead one's jobs and settle its copies within seconds.
        ["Notices__MaxParallelSends"] = $"{ParallelJobs}",
        ["Notices__VisibilityTimeout"] = "00:00:03",
        ["Notices__SendingGrace"] = "00:00:06",
        ["Notices__PollInterval"] = "00:00:00.200",
        ["Notices__ProgressInterval"] = "00:00:00.500",
        ["Logging__LogLevel__GovBot.Features.Notices"] = "Information",
    };

    /// <summary>
    /// The DAG members install GovBot in their personal chats; GovBot is added to 200 teams whose channel then says
    /// "subscribe DAG". Each step waits for GovBot's answer in that conversation (the welcome card follows the stored
    /// reference; the confirmation follows the stored subscription).
    /// </summary>
    private static async Task InstallEverywhereAsync(HttpClient bot, FakeTeams teams)
    {
        var timeout = TimeSpan.FromSeconds(60);
        foreach (var m in DagMembers)
        {
            var install = Activity(teams, "conversationUpdate", m, m.Chat, "personal");
            install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
            await PostAsync(bot, install);
        }

        foreach (var m in DagMembers)
        {
            await teams.WaitForAsync(r => r.ConversationId == m.Chat, timeout, $"the welcome card for {m.Id}");
        }

        await Parallel.ForEachAsync(Enumerable.Range(1, Channels), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var channel = $"19:dagteam{i:000}@thread.tacv2";
            var name = $"DAG team {i:000}";
            var added = Activity(teams, "conversationUpdate", DagMembers[i % DagMembers.Length], channel, "channel", name);
            added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
            await PostAsync(bot, added);
            await teams.WaitForAsync(r => r.ConversationId == channel, timeout, $"the welcome card in {name}");
            await PostAsync(bot, Message(teams, "subscribe DAG", DagMembers[i % DagMembers.Length], channel, "channel", name));
            await teams.WaitForAsync(r => r.ConversationId == channel && r.Json.Contains("Subscribed", StringComparison.Ordinal), timeout, $"the subscription in {name}");
        });
    }

    private static TeamsActivities Activities(FakeTeams teams) => new(teams.ServiceUrl, TenantId, BotId);

    private static TeamsUser User(Person person) => new(person.Id, person.Name, person.EntraObjectId);

    private static JsonObject Activity(FakeTeams teams, string type, Person from, string conversationId, string conversationType, string? channelName = null) =>
        Activities(teams).Activity(type, User(from), conversationId, conversationType, channelName);

    /// <summary>A message; in a channel GovBot is @mentioned, as Teams requires.</summary>
    private static JsonObject Message(FakeTeams teams, string text, Person from, string conversationId, string conversationType, string? channelName = null) =>
        Activities(teams).Message(text, User(from), conversationId, conversationType, channelName);

    /// <summary>The PMO presses a button (Action.Execute) on a card in her chat; returns the card GovBot answers with.</summary>
    private static async Task<JsonObject> InvokeAsync(HttpClient bot, FakeTeams teams, string verb, JsonObject data)
    {
        var activity = Activities(teams).Execute(verb, data, User(Pmo), Pmo.Chat, "preview-card");
        using var response = await bot.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{verb} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["value"]!.AsObject();
    }

    private static async Task PostAsync(HttpClient bot, JsonObject activity)
    {
        using var response = await bot.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
    }

    private static JsonObject Dag34Form() => new()
    {
        ["group"] = "DAG",
        ["meeting"] = "DAG|34",
        ["date"] = "2024-03-13",
        ["start"] = "10:00",
        ["end"] = "12:30",
        ["location"] = "Elexon, 350 Euston Road, London",
        ["message"] = "Papers are published.",
    };

    /// <summary>The card's visible text (every TextBlock), one per line.</summary>
    private static string Texts(JsonNode card) =>
        string.Join('\n', CardJson.Objects(card).Where(o => o["type"]?.GetValue<string>() == "TextBlock").Select(o => o["text"]?.GetValue<string>()));

    private static JsonObject Card(JsonObject activity) => activity["attachments"]![0]!["content"]!.AsObject();

    /// <summary>Every action object anywhere in a card (Action.Execute, Action.OpenUrl, …).</summary>
    private static IEnumerable<JsonObject> Actions(JsonNode card) => CardJson.Objects(card).Where(o => o["type"]?.GetValue<string>() is { } t && t.StartsWith("Action.", StringComparison.Ordinal));

    /// <summary>The facts (title → value) of every FactSet in the activity's card.</summary>
    private static Dictionary<string, string> Facts(JsonObject activity) =>
        CardJson.Objects(Card(activity)).Where(o => o["type"]?.GetValue<string>() == "FactSet")
            .SelectMany(o => o["facts"]!.AsArray().Select(f => f!.AsObject()))
            .ToDictionary(f => f["title"]!.GetValue<string>(), f => f["value"]!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>RFC 4180 rows (quoted cells may hold commas, quotes and line breaks).</summary>
    private static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; }
            else if (ch != '\r') cell.Append(ch);
        }

        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }

    private static class NoticeVerbs
    {
        public const string Compose = "notice.compose";
        public const string Send = "notice.send";
    }
}
