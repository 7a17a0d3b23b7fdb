using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace GovBot.Testing;

/// <summary>
/// GovBot scaled out, as App Service runs it: several GovBot processes on one storage account (one Azurite, one
/// table prefix, one notice queue), behind a <see cref="RoundRobinProxy"/>, sending to one <see cref="FakeBotConnector"/>.
/// Each process is named by WEBSITE_INSTANCE_ID (App Service sets it per instance), which GovBot puts in the
/// User-Agent of its connector requests, so every send at the fake Teams is traced to its instance.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    private readonly Dictionary<string, GovBotProcess> _instances;

    private ScaleOutCluster(Dictionary<string, GovBotProcess> instances, RoundRobinProxy proxy, IReadOnlyList<string> names)
    {
        _instances = instances;
        Proxy = proxy;
        Names = names;
    }

    public RoundRobinProxy Proxy { get; }

    /// <summary>The instances in the proxy's backend order.</summary>
    public IReadOnlyList<string> Names { get; }

    public GovBotProcess this[string name] => _instances[name];

    /// <summary>Requests the proxy's front end gave each instance, by name.</summary>
    public IReadOnlyDictionary<string, long> TurnsServed() => Names.Select((n, i) => (n, Proxy.Answered[i])).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);

    /// <summary>Starts the instances at once (as a scale-out does) with SETTINGS plus their names, and the proxy in front.</summary>
    public static async Task<ScaleOutCluster> StartAsync(IReadOnlyList<string> names, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(names);
        var starts = names.Select(name =>
        {
            var own = new Dictionary<string, string?>(settings) { ["WEBSITE_INSTANCE_ID"] = name };
            return GovBotProcess.StartAsync(own, TimeSpan.FromSeconds(90));
        }).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var s in starts.Where(s => s.IsCompletedSuccessfully)) s.Result.Dispose();
            throw;
        }

        var instances = names.Select((n, i) => (n, starts[i].Result)).ToDictionary(x => x.n, x => x.Result, StringComparer.Ordinal);
        var proxy = await RoundRobinProxy.StartAsync(names.Select(n => instances[n].BaseUrl).ToList());
        return new ScaleOutCluster(instances, proxy, names);
    }

    /// <summary>SIGKILL: the process ends at once, mid-whatever, as on a crashed or recycled machine.</summary>
    public void Kill(string name)
    {
        var process = _instances[name].Process;
        process.Kill(); // SIGKILL on Unix
        if (!process.WaitForExit(10_000)) throw new InvalidOperationException($"{name} did not exit after SIGKILL.");
    }

    public string Logs() => string.Join("\n", _instances.Select(i => $"--- {i.Key} ---\n{i.Value.Log()}"));

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        foreach (var i in _instances.Values) i.Dispose();
    }
}

/// <summary>
/// Teams traffic into a scaled-out GovBot through its front end: channels installing GovBot and subscribing, DAG
/// members installing it, chat turns from many conversations (each reply traced by the activity id it answers), and
/// the PMO composing and sending a meeting notice to DAG.
/// </summary>
public sealed class ScaleOutTraffic(Uri messagesEndpoint, FakeBotConnector teams) : IDisposable
{
    public const string TenantId = "6f2c1d9e-4b3a-4e5f-8a7b-9c0d1e2f3a4b";
    public const string BotId = "28:govbot-scale";

    /// <summary>The sample directory's DAG seats (src/GovBot/SampleData), with the PMO (Priya Patel) last.</summary>
    public static readonly IReadOnlyList<TeamsUser> DagMembers =
    [
        new("justin-andrews", "Justin Andrews", "00000000-0000-0000-0000-0000000000ab"),
        new("craig-handford", "Craig Handford", "00000000-0000-0000-0000-0000000000a5"),
        new("alex-morgan", "Alex Morgan", "00000000-0000-0000-0000-0000000000f2"),
        new("sam-rivers", "Sam Rivers", "00000000-0000-0000-0000-0000000000f3"),
        new("jamie-clarke", "Jamie Clarke", "00000000-0000-0000-0000-0000000000f4"),
        new("taylor-brooks", "Taylor Brooks", "00000000-0000-0000-0000-0000000000f5"),
        new("robin-shaw", "Robin Shaw", "00000000-0000-0000-0000-0000000000f6"),
        new("charlie-dunn", "Charlie Dunn", "00000000-0000-0000-0000-0000000000f7"),
        new("jo-lambert", "Jo Lambert", "00000000-0000-0000-0000-0000000000f8"),
        new("lee-cox", "Lee Cox", "00000000-0000-0000-0000-0000000000a1"),
        new("priya-patel", "Priya Patel", "00000000-0000-0000-0000-0000000000e1"),
    ];

    public static TeamsUser Pmo => DagMembers[^1];

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 128, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lock _lock = new();
    private readonly List<string> _chatTurns = [];
    private readonly TeamsActivities _activities = new(teams.ServiceUrl, TenantId, BotId);
    private int _sendPressedAgain;

    private sealed class InvokeTimedOutException(string message) : Exception(message);

    public static string Chat(TeamsUser person) => $"a:dm-{person.Id}";

    public static string Channel(int i) => $"19:dagteam{i:00000}@thread.tacv2";

    public static string ChannelName(int i) => $"DAG team {i:00000}";

    /// <summary>The ids of the chat-load turns posted and acknowledged so far.</summary>
    public IReadOnlyList<string> ChatTurns()
    {
        lock (_lock)
        {
            return [.. _chatTurns];
        }
    }

    /// <summary>
    /// The DAG members install GovBot in their personal chats (which subscribes them to checklist reminders); channels
    /// 1..COUNT add GovBot and say "subscribe DAG" (a notice's audience), and the first CHECKLIST of them also
    /// "subscribe checklist" (a reminder digest each). Each step waits for GovBot's answer in that conversation.
    /// </summary>
    public async Task SetUpAsync(int count, int checklist, int parallel, CancellationToken cancellationToken)
    {
        foreach (var m in DagMembers)
        {
            var install = _activities.Activity("conversationUpdate", m, Chat(m));
            install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
            await PostAndAwaitReplyAsync(install, cancellationToken);
        }

        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var who = DagMembers[i % (DagMembers.Count - 1)];
            var added = _activities.Activity("conversationUpdate", who, Channel(i), "channel", ChannelName(i));
            added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
            await PostAndAwaitReplyAsync(added, ct);
            await PostAndAwaitReplyAsync(_activities.Message("subscribe DAG", who, Channel(i), "channel", ChannelName(i)), ct);
            if (i <= checklist) await PostAndAwaitReplyAsync(_activities.Message("subscribe checklist", who, Channel(i), "channel", ChannelName(i)), ct);
        });
    }

    /// <summary>
    /// Chat load until cancelled: CONVERSATIONS channels (1..N) each ask "my open actions" and wait for the answer
    /// before asking again. Every turn's id is kept (<see cref="ChatTurns"/>) to check it was answered once.
    /// </summary>
    public Task ChatAsync(int conversations, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(1, conversations).Select(i => Task.Run(async () =>
        {
            var who = DagMembers[i % (DagMembers.Count - 1)];
            while (!stop.IsCancellationRequested)
            {
                var message = _activities.Message("my open actions", who, Channel(i), "channel", ChannelName(i));
                var id = message["id"]!.GetValue<string>();
                lock (_lock) _chatTurns.Add(id);
                // The turn's own deadline, not STOP: a turn posted is followed to its answer.
                await PostAndAwaitReplyAsync(message, CancellationToken.None);
            }
        }, CancellationToken.None)));

    /// <summary>The PMO previews a notice for DAG's next meeting and sends it; returns the notice number and the audience size shown.</summary>
    public async Task<int> SendNoticeAsync(string number, string date, CancellationToken cancellationToken)
    {
        var form = new JsonObject
        {
            ["group"] = "DAG",
            ["number"] = number,
            ["date"] = date,
            ["start"] = "10:00",
            ["end"] = "12:30",
            ["location"] = "Elexon, 350 Euston Road, London",
            ["message"] = "Papers are published.",
        };
        var preview = await InvokeAsync("notice.compose", form, cancellationToken);
        var send = CardJson.Objects(preview).FirstOrDefault(o => o["verb"]?.GetValue<string>() == "notice.send")
            ?? throw new InvalidOperationException($"The notice preview has no Send button:\n{preview.ToJsonString()}");
        var notice = send["data"]!["notice"]!.GetValue<int>();
        for (var press = 1; ; press++)
        {
            try
            {
                await InvokeAsync("notice.send", send["data"]!.AsObject(), cancellationToken);
                return notice;
            }
            catch (InvokeTimedOutException) when (press < 3)
            {
                // GovBot gave up answering within its invoke deadline (Teams shows the PMO an error); Send is safe to
                // press again (the ledger keeps its rows; a sent notice is not sent twice), so the PMO presses it again.
                Interlocked.Increment(ref _sendPressedAgain);
            }
        }
    }

    /// <summary>How often notice.send answered 504 (GovBot's invoke deadline) and was pressed again.</summary>
    public int SendPressedAgain => Volatile.Read(ref _sendPressedAgain);

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject data, CancellationToken cancellationToken)
    {
        var activity = _activities.Execute(verb, data, Pmo, Chat(Pmo), "preview-card");
        using var response = await _http.PostAsync(messagesEndpoint, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.GatewayTimeout) throw new InvokeTimedOutException($"{verb} answered 504: GovBot's invoke deadline passed.");
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{verb} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["value"]!.AsObject();
    }

    private async Task PostAndAwaitReplyAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        var id = activity["id"]!.GetValue<string>();
        for (var attempt = 1; ; attempt++)
        {
            using var response = await _http.PostAsync(messagesEndpoint, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
            if (response.IsSuccessStatusCode) break;
            // 502/503 from the front end: the instance died with it, or none took it. Teams would retry; so do we, a few times.
            if (attempt >= 3) throw new InvalidOperationException($"POST /api/messages answered {(int)response.StatusCode} {attempt} times.");
            await Task.Delay(200, cancellationToken);
        }

        await teams.WaitForAnswerAsync(id, Wait, $"the answer to {activity["type"]} {id}");
    }
}

/// <summary>One outcome row of a proactive copy, as GovBot's ledger records it.</summary>
public sealed record LedgerOutcome(string Recipient, string? ConversationId, string State, string? ActivityId, string? Error);

/// <summary>Reads what the scaled-out GovBot recorded in storage: the notice and reminder ledgers and the day's completion.</summary>
public sealed class ScaleOutLedgers(string connectionString, string prefix)
{
    private readonly TableServiceClient _tables = new(connectionString);

    public async Task<IReadOnlyList<LedgerOutcome>> NoticeAsync(int notice, CancellationToken cancellationToken)
    {
        var partition = "n" + notice.ToString("D6", CultureInfo.InvariantCulture);
        var rows = new List<LedgerOutcome>();
        await foreach (var r in _tables.GetTableClient(prefix + "NoticeDeliveries").QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            rows.Add(new(r.GetString("Recipient"), r.GetString("ConversationId"), r.GetString("State"), r.GetString("ActivityId"), r.GetString("Error")));
        }

        return rows;
    }

    public async Task<IReadOnlyList<LedgerOutcome>> RemindersAsync(CancellationToken cancellationToken)
    {
        var rows = new List<LedgerOutcome>();
        await foreach (var r in _tables.GetTableClient(prefix + "ReminderLedger").QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(new(r.GetString("Recipient"), null, r.GetString("State"), r.GetString("ActivityId"), r.GetString("Error")));
        }

        return rows;
    }

    /// <summary>True once a reminder run recorded the day (yyyy-MM-dd) as complete: every reminder has its outcome.</summary>
    public async Task<bool> ReminderDayCompleteAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var row = await _tables.GetTableClient(prefix + "ReminderState").GetEntityIfExistsAsync<TableEntity>("day", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return row.HasValue;
    }

    /// <summary>Polls CHECK every 250 ms (or EVERY) until true; throws after TIMEOUT.</summary>
    public static async Task UntilAsync(Func<Task<bool>> check, TimeSpan timeout, string what, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await check())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s.");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
