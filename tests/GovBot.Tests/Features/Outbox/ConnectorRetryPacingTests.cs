using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Text;
using GovBot.Connector;
using GovBot.Features.Outbox;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Features.Outbox;

/// <summary>The connector's own Retry-After retries go through the outbox's pacer (real time, a few seconds).</summary>
public class ConnectorRetryPacingTests
{
    private const string ServiceUrl = "https://smba.test/";

    [Fact]
    public async Task ARetryAfter429_WaitsForThePacer_NotOnlyForRetryAfter()
    {
        // One request a second for the tenant; Teams says "retry now" (Retry-After: 0). The retry must still wait its turn.
        var teams = new ScriptedTeams(call => call == 1 ? Throttled(TimeSpan.Zero) : null);
        var sender = new OutboxSender(Client(teams), new OutboxPacer(Options.Create(new OutboxOptions { TenantRatePerSecond = 1 }), TimeProvider.System));

        var result = await sender.SendAsync(ServiceUrl, "19:a", Activity.Message("hello"), CancellationToken.None);

        Assert.Equal(OutboxOutcome.Delivered, result.Outcome);
        Assert.Equal(2, teams.Times.Count);
        Assert.True(teams.Times[1] - teams.Times[0] >= TimeSpan.FromMilliseconds(950), $"the retry went after {(teams.Times[1] - teams.Times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A429sRetryAfter_HoldsEveryOtherConversation()
    {
        var teams = new ScriptedTeams(call => call == 1 ? Throttled(TimeSpan.FromSeconds(1)) : null);
        var sender = new OutboxSender(Client(teams), new OutboxPacer(Options.Create(new OutboxOptions()), TimeProvider.System));

        var first = sender.SendAsync(ServiceUrl, "19:a", Activity.Message("one"), CancellationToken.None);
        await teams.FirstCall.Task;
        await Task.Delay(100); // the connector has read the 429 by now and told the pacer
        var other = await sender.SendAsync(ServiceUrl, "19:b", Activity.Message("two"), CancellationToken.None);
        Assert.Equal(OutboxOutcome.Delivered, (await first).Outcome);
        Assert.Equal(OutboxOutcome.Delivered, other.Outcome);

        var b = teams.Calls.Single(c => c.Conversation == "19:b");
        Assert.True(b.At - teams.Times[0] >= TimeSpan.FromMilliseconds(950), $"19:b went {(b.At - teams.Times[0]).TotalMilliseconds} ms after the 429");
    }

    private static ConnectorClient Client(HttpMessageHandler teams) =>
        new(new HttpClient(teams), new NoToken(), new TrustAll(), new ConnectorRetryPolicy(TimeProvider.System));

    private static HttpResponseMessage Throttled(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"error":{"code":"Throttled"}}""", Encoding.UTF8, "application/json") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }

    private sealed class ScriptedTeams(Func<int, HttpResponseMessage?> script) : HttpMessageHandler
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentQueue<(string Conversation, TimeSpan At)> _calls = new();
        private int _count;

        public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<(string Conversation, TimeSpan At)> Calls => [.. _calls];
        public List<TimeSpan> Times => Calls.Select(c => c.At).ToList();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _calls.Enqueue((Uri.UnescapeDataString(request.RequestUri!.AbsolutePath).Split('/')[3], _clock.Elapsed));
            var response = script(Interlocked.Increment(ref _count));
            FirstCall.TrySetResult();
            return Task.FromResult(response ?? new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id":"1"}""", Encoding.UTF8, "application/json") });
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
