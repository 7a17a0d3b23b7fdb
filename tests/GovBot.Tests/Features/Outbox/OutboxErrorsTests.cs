using System.Net;
using System.Net.Sockets;
using GovBot.Connector;
using GovBot.Features.Outbox;

namespace GovBot.Tests.Features.Outbox;

public class OutboxErrorsTests
{
    [Theory]
    [InlineData(403, OutboxOutcome.Unreachable)]
    [InlineData(404, OutboxOutcome.Unreachable)]
    [InlineData(412, OutboxOutcome.Retry)]
    [InlineData(429, OutboxOutcome.Retry)]
    [InlineData(500, OutboxOutcome.Retry)]
    [InlineData(503, OutboxOutcome.Retry)]
    [InlineData(400, OutboxOutcome.Failed)]
    [InlineData(413, OutboxOutcome.Failed)]
    [InlineData(0, OutboxOutcome.Failed)] // an untrusted serviceUrl: nothing was sent, and sending again would not help
    public void ConnectorStatuses(int status, OutboxOutcome expected)
    {
        var result = OutboxErrors.Classify(new ConnectorException(status, "Code", "m"), CancellationToken.None);
        Assert.Equal(expected, result?.Outcome);
        Assert.Equal(status == 429, result?.Throttled);
    }

    [Fact]
    public void Cancellation_ByTheCallerPropagates_ATimeoutIsUnknown()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Null(OutboxErrors.Classify(new TaskCanceledException(), cancelled.Token));
        Assert.Equal(OutboxOutcome.Unknown, OutboxErrors.Classify(new TaskCanceledException(), CancellationToken.None)?.Outcome);
        Assert.Null(OutboxErrors.Classify(new InvalidOperationException(), CancellationToken.None));
    }

    /// <summary>Real sockets on loopback: what SocketsHttpHandler really throws in each case.</summary>
    [Fact]
    public async Task NobodyListening_IsRetry_AcceptedThenConnectionDropped_IsUnknown()
    {
        using var http = new HttpClient();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: the connection is refused, no request leaves
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsync($"http://127.0.0.1:{closedPort}/v3/conversations/a/activities", new StringContent("{}")));
        Assert.Equal(OutboxOutcome.Retry, OutboxErrors.Classify(refused, CancellationToken.None)?.Outcome);

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var server = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                var buffer = new byte[8192];
                await socket.ReceiveAsync(buffer); // the request arrived ("Teams got it")...
                socket.Close(); // ...and the connection drops before any answer
            });
            var dropped = await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsync($"http://127.0.0.1:{port}/v3/conversations/a/activities", new StringContent("{}")));
            await server;
            Assert.Equal(OutboxOutcome.Unknown, OutboxErrors.Classify(dropped, CancellationToken.None)?.Outcome);
        }
        finally
        {
            listener.Stop();
        }
    }
}
