using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace GovBot.Connector.Tests.Infrastructure;

/// <summary>The HTTP edge for connector tests: records every request, answers with a scripted response.</summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, HttpResponseMessage> _respond;

    public FakeHttpHandler(Func<RecordedRequest, int, HttpResponseMessage>? respond = null) =>
        _respond = respond ?? ((_, _) => Json(HttpStatusCode.Created, """{"id":"1001"}"""));

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Signals each request after it was recorded.</summary>
    public event Action<RecordedRequest>? Received;

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>The first request, once one arrived (background turns send after the HTTP answer).</summary>
    public async Task<RecordedRequest> WaitForRequestAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.TryPeek(out var request))
            {
                return request;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No connector request within 10 s.");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        Requests.Enqueue(recorded);
        var response = _respond(recorded, Requests.Count);
        Received?.Invoke(recorded);
        return response;
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body)
{
    /// <summary>The request target exactly as sent on the wire (escaping preserved).</summary>
    public string Wire => Uri.AbsoluteUri;
}

/// <summary>Retries without sleeping; records the waits it was asked for.</summary>
public sealed class RecordingRetryPolicy(TimeProvider time) : ConnectorRetryPolicy(time)
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        Delays.Enqueue(delay);
        return Task.CompletedTask;
    }
}

/// <summary>A token provider with a fixed token (or none).</summary>
public sealed class StaticTokenProvider(string? token) : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult(token);
}
