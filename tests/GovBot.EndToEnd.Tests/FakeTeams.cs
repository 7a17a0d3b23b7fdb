using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// The Bot Connector side of Teams on a loopback Kestrel server: records every activity GovBot POSTs (new messages
/// and replies) or PUTs (in-place updates), per conversation, and answers like Teams (201 with a new id). Activities
/// that <see cref="IsSlow"/> picks wait <see cref="Latency"/> before the answer, and from the N-th of them on
/// (<see cref="HoldSlowFrom"/>) they get no answer at all until <see cref="Release"/>: a send GovBot has made and
/// Teams has not confirmed.
/// </summary>
public sealed class FakeTeams : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<Received> _received = [];
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _slowCount;
    private int _openConnections;
    private int _holdFrom = int.MaxValue;

    /// <summary>One activity GovBot sent. Times are <see cref="Stopwatch"/> timestamps.</summary>
    public sealed class Received(int sequence, string method, string conversationId, JsonObject activity, long arrivedAt, int slowNumber)
    {
        public int Sequence { get; } = sequence;
        public string Method { get; } = method;
        public string ConversationId { get; } = conversationId;
        public JsonObject Activity { get; } = activity;
        public long ArrivedAt { get; } = arrivedAt;

        /// <summary>1, 2, … for the activities <see cref="IsSlow"/> picked, in arrival order; 0 for the others.</summary>
        public int SlowNumber { get; } = slowNumber;

        /// <summary>When the answer started to go back (null: never answered).</summary>
        public long? AnsweredAt { get; internal set; }

        public string Json => Activity.ToJsonString();
    }

    public string ServiceUrl { get; private set; } = "";

    public Func<JsonObject, bool> IsSlow { get; set; } = _ => false;

    public TimeSpan Latency { get; set; }

    /// <summary>Completes when the first held activity arrives.</summary>
    public Task FirstHeld => _firstHeld.Task;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Use(next => async connection =>
        {
            Interlocked.Increment(ref _openConnections);
            try
            {
                await next(connection);
            }
            finally
            {
                Interlocked.Decrement(ref _openConnections);
            }
        })));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{conversationId}/activities", (HttpRequest request, string conversationId) => PostAsync(request, conversationId));
        _app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpRequest request, string conversationId) => PostAsync(request, conversationId));
        _app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpRequest request, string conversationId, string activityId) =>
        {
            Record("PUT", conversationId, await ReadAsync(request), slow: false);
            return Results.Json(new { id = activityId });
        });
        await _app.StartAsync();
        ServiceUrl = _app.Urls.First().TrimEnd('/') + "/";
    }

    /// <summary>The N-th slow activity and every later one get no answer until <see cref="Release"/>.</summary>
    public void HoldSlowFrom(int n) => Volatile.Write(ref _holdFrom, n);

    /// <summary>Answers the held activities (their callers may be gone) and holds no more.</summary>
    public void Release()
    {
        Volatile.Write(ref _holdFrom, int.MaxValue);
        _release.TrySetResult();
    }

    /// <summary>
    /// Waits until no client holds a connection. After a client process dies, this is when everything it wrote
    /// before dying has been read and recorded (a connection is read to its end before it closes).
    /// </summary>
    public async Task WaitUntilNoConnectionsAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref _openConnections) > 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Fake Teams: {Volatile.Read(ref _openConnections)} connections still open after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(25);
        }
    }

    public IReadOnlyList<Received> All()
    {
        lock (_lock)
        {
            return [.. _received];
        }
    }

    /// <summary>Polls until an activity matches; fails after TIMEOUT with what was received.</summary>
    public async Task<Received> WaitForAsync(Func<Received, bool> match, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_lock)
            {
                foreach (var r in _received)
                {
                    if (match(r)) return r;
                }
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Fake Teams: {what} did not arrive within {timeout.TotalSeconds:0} s ({All().Count} activities received).");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<IResult> PostAsync(HttpRequest request, string conversationId)
    {
        var activity = await ReadAsync(request);
        var received = Record("POST", conversationId, activity, IsSlow(activity));
        if (received.SlowNumber > 0)
        {
            if (received.SlowNumber >= Volatile.Read(ref _holdFrom))
            {
                _firstHeld.TrySetResult();
                await _release.Task;
            }
            else if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }
        }

        received.AnsweredAt = Stopwatch.GetTimestamp();
        return Results.Json(new { id = $"m{received.Sequence}" }, statusCode: StatusCodes.Status201Created);
    }

    private Received Record(string method, string conversationId, JsonObject activity, bool slow)
    {
        lock (_lock)
        {
            var received = new Received(_received.Count + 1, method, conversationId, activity, Stopwatch.GetTimestamp(), slow ? ++_slowCount : 0);
            _received.Add(received);
            return received;
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        await JsonNode.ParseAsync(request.Body) as JsonObject ?? throw new InvalidOperationException("GovBot sent an activity that is not a JSON object.");
}
