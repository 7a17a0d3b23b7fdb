using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovBot.Testing;

/// <summary>What a <see cref="FakeBotConnector"/> does to proactive sends, like Teams. All off by default.</summary>
public sealed record TeamsBehaviour
{
    /// <summary>Proactive sends accepted per second for the app in the tenant (a sliding second); 0: no limit. Over it: 429, Retry-After 1.</summary>
    public int TenantPerSecond { get; init; }

    /// <summary>Proactive sends accepted per second per conversation (Teams: 7); 0: no limit.</summary>
    public int ConversationPerSecond { get; init; }

    /// <summary>Share of accepted sends answered 500 instead (nothing shown).</summary>
    public double Error500Rate { get; init; }

    /// <summary>Share of sends shown, whose connection is then dropped before the answer (the sender never learns).</summary>
    public double DropRate { get; init; }

    /// <summary>How long Teams takes to answer a proactive send (after counting it).</summary>
    public TimeSpan Latency { get; init; }
}

/// <summary>
/// The Bot Connector side of Teams on a loopback Kestrel server, for GovBot processes: records every activity GovBot
/// POSTs (replies to a turn, and proactive sends) or PUTs (in-place updates), with the instance that sent it (named in
/// GovBot's User-Agent, "GovBot/1.0 (instance NAME)"), and answers like Teams (201 with a new id). Proactive sends
/// (a POST that replies to nothing) meet <see cref="TeamsBehaviour"/>: the tenant's and each conversation's rate
/// limits (429 over them), random 500s, and dropped connections after the send was shown. Turn replies and updates
/// are always accepted (their limits are not what is measured).
/// </summary>
public sealed class FakeBotConnector(TeamsBehaviour behaviour) : IAsyncDisposable
{
    private static readonly long Second = Stopwatch.Frequency;
    private readonly Lock _lock = new();
    private readonly List<Sent> _sent = [];
    private readonly Queue<long> _tenant = new();
    private readonly Dictionary<string, Queue<long>> _conversations = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _answers = new(StringComparer.Ordinal);
    private long _throttled, _errors, _dropped;

    /// <summary>One request GovBot made. Times are <see cref="Stopwatch"/> timestamps.</summary>
    /// <param name="Shown">Teams accepted it (a user sees it), whether or not GovBot got the answer.</param>
    public sealed record Sent(int Sequence, string Method, string ConversationId, string? ReplyToId, string Instance, JsonObject Activity, long ArrivedAt, bool Shown)
    {
        public string Json => Activity.ToJsonString();

        /// <summary>A message replying to a turn (typing indicators are not answers).</summary>
        public bool IsAnswer => Method == "POST" && ReplyToId is not null && Activity["type"]?.GetValue<string>() == "message";

        /// <summary>A proactive send: a new message that replies to no activity.</summary>
        public bool IsProactive => Method == "POST" && ReplyToId is null;
    }

    public string ServiceUrl { get; private set; } = "";

    /// <summary>429s answered because a tenant or conversation limit was full.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>500s injected.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Sends shown whose connection was then dropped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => PostAsync(context, conversationId, null));
        _app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext context, string conversationId, string replyToId) => PostAsync(context, conversationId, replyToId));
        _app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext context, string conversationId, string activityId) =>
        {
            Record("PUT", conversationId, null, context, await ReadAsync(context.Request), shown: true);
            return Results.Json(new { id = activityId });
        });
        await _app.StartAsync();
        ServiceUrl = _app.Urls.First().TrimEnd('/') + "/";
    }

    public IReadOnlyList<Sent> All()
    {
        lock (_lock)
        {
            return [.. _sent];
        }
    }

    /// <summary>How many recorded requests match (cheap to poll).</summary>
    public int Count(Func<Sent, bool> match)
    {
        lock (_lock)
        {
            return _sent.Count(match);
        }
    }

    /// <summary>Polls until an activity matches; fails after TIMEOUT saying what was awaited.</summary>
    public async Task<Sent> WaitForAsync(Func<Sent, bool> match, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Second);
        while (true)
        {
            lock (_lock)
            {
                foreach (var s in _sent)
                {
                    if (match(s)) return s;
                }
            }

            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"Fake Teams: {what} did not arrive within {timeout.TotalSeconds:0} s ({All().Count} requests received).");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until a message (not a typing indicator) answering activity ID arrived.</summary>
    public Task WaitForAnswerAsync(string id, TimeSpan timeout, string what) =>
        _answers.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(timeout)
            .ContinueWith(t => t.IsFaulted && t.Exception!.InnerException is TimeoutException ? throw new TimeoutException($"Fake Teams: {what} did not arrive within {timeout.TotalSeconds:0} s.") : t, TaskScheduler.Default).Unwrap();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>The instance named in GovBot's User-Agent ("GovBot/1.0 (instance NAME)"); "?" when none.</summary>
    public static string InstanceOf(string? userAgent)
    {
        const string marker = "(instance ";
        var start = userAgent?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (start < 0) return "?";
        start += marker.Length;
        var end = userAgent!.IndexOf(')', start);
        return end > start ? userAgent[start..end] : "?";
    }

    private async Task PostAsync(HttpContext context, string conversationId, string? replyToId)
    {
        var activity = await ReadAsync(context.Request);
        if (replyToId is not null)
        {
            var reply = Record("POST", conversationId, replyToId, context, activity, shown: true);
            if (reply.IsAnswer) _answers.GetOrAdd(replyToId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            await Results.Json(new { id = $"m{reply.Sequence}" }, statusCode: StatusCodes.Status201Created).ExecuteAsync(context);
            return;
        }

        // Teams counts a send when it arrives, then decides.
        string? refusal;
        var drop = false;
        Sent sent;
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            refusal = Admit(conversationId, now);
            if (refusal is null)
            {
                var roll = Random.Shared.NextDouble();
                if (roll < behaviour.Error500Rate) refusal = "500";
                else drop = roll < behaviour.Error500Rate + behaviour.DropRate;
            }

            sent = new Sent(_sent.Count + 1, "POST", conversationId, null, FakeBotConnectorInstance(context), activity, now, refusal is null);
            _sent.Add(sent);
        }

        if (behaviour.Latency > TimeSpan.Zero) await Task.Delay(behaviour.Latency);
        switch (refusal)
        {
            case "429":
                Interlocked.Increment(ref _throttled);
                context.Response.Headers.RetryAfter = "1";
                await Results.Json(new { error = new { code = "Throttled", message = "Too many requests" } }, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
                return;
            case "500":
                Interlocked.Increment(ref _errors);
                await Results.Json(new { error = new { code = "ServiceError", message = "boom" } }, statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
                return;
        }

        if (drop)
        {
            // Shown in Teams, but the connection drops before the answer.
            Interlocked.Increment(ref _dropped);
            context.Abort();
            return;
        }

        await Results.Json(new { id = $"m{sent.Sequence}" }, statusCode: StatusCodes.Status201Created).ExecuteAsync(context);
    }

    /// <summary>Null when the tenant's and the conversation's windows have room (and takes the slots), else "429".</summary>
    private string? Admit(string conversationId, long now)
    {
        if (behaviour.TenantPerSecond > 0)
        {
            while (_tenant.Count > 0 && now - _tenant.Peek() >= Second) _tenant.Dequeue();
            if (_tenant.Count >= behaviour.TenantPerSecond) return "429";
        }

        Queue<long>? window = null;
        if (behaviour.ConversationPerSecond > 0)
        {
            if (!_conversations.TryGetValue(conversationId, out window)) _conversations[conversationId] = window = new Queue<long>();
            while (window.Count > 0 && now - window.Peek() >= Second) window.Dequeue();
            if (window.Count >= behaviour.ConversationPerSecond) return "429";
        }

        if (behaviour.TenantPerSecond > 0) _tenant.Enqueue(now);
        window?.Enqueue(now);
        return null;
    }

    private static string FakeBotConnectorInstance(HttpContext context) => InstanceOf(context.Request.Headers.UserAgent.ToString());

    private Sent Record(string method, string conversationId, string? replyToId, HttpContext context, JsonObject activity, bool shown)
    {
        lock (_lock)
        {
            var sent = new Sent(_sent.Count + 1, method, conversationId, replyToId, FakeBotConnectorInstance(context), activity, Stopwatch.GetTimestamp(), shown);
            _sent.Add(sent);
            return sent;
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        await JsonNode.ParseAsync(request.Body) as JsonObject ?? throw new InvalidOperationException("GovBot sent an activity that is not a JSON object.");
}
