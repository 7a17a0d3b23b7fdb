using System.Net;
using System.Net.Sockets;
using System.Text;
using GovBot.Connector.Tests.Infrastructure;

namespace GovBot.Connector.Tests;

/// <summary>
/// The 4 MB body limit, enforced on the stream whatever the framing, and the token checked before any of the body is
/// read: raw HTTP/1.1 over loopback to the real endpoint on Kestrel, with a meter on what the app reads.
/// </summary>
public sealed class BodyLimitTests(TestIssuer issuer) : IClassFixture<TestIssuer>
{
    private const long Limit = 4 * 1024 * 1024;
    private const int Chunk = 64 * 1024;

    private async Task<(BotHost Host, RequestBodyMeter Meter, TurnRecorder Recorder)> StartAsync()
    {
        var meter = new RequestBodyMeter();
        var recorder = new TurnRecorder();
        var host = await BotHost.StartAsync(BotHost.AuthenticatedConfig(issuer), r => r.OnActivity<RecordingActivityHandler>(ActivityTypes.Message), services: s =>
        {
            RequestBodyMeter.Register(s, meter);
            TurnRecorder.Register(s, recorder);
        });
        return (host, meter, recorder);
    }

    [Fact]
    public async Task ChunkedBodyOf5MB_WithAValidToken_Gets413_AndTheAppStopsReadingAtTheLimit()
    {
        var (host, meter, recorder) = await StartAsync();
        await using var owned = host;

        var (status, sent) = await RawPostAsync(host.BaseAddress, "Bearer " + issuer.ChannelToken(), 5 * 1024 * 1024, chunked: true);

        Assert.Equal(413, status);
        Assert.True(meter.BytesRead <= Limit + Chunk, $"the app read {meter.BytesRead} bytes of a {sent}-byte body");
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("over 4194304 bytes", StringComparison.Ordinal));
        Assert.False(recorder.TryRead(out _));
    }

    [Fact]
    public async Task BodyOver4MBByContentLength_Gets413_WithoutReadingIt()
    {
        var (host, meter, _) = await StartAsync();
        await using var owned = host;

        var (status, _) = await RawPostAsync(host.BaseAddress, "Bearer " + issuer.ChannelToken(), Limit + 1, chunked: false);

        Assert.Equal(413, status);
        Assert.Equal(0, meter.BytesRead);
    }

    [Fact]
    public async Task ChunkedBody_WithoutAValidToken_Gets401_BeforeAnyOfItIsRead()
    {
        var (host, meter, _) = await StartAsync();
        await using var owned = host;

        var (status, _) = await RawPostAsync(host.BaseAddress, "Bearer " + issuer.ChannelToken(key: issuer.UnknownKey), 1024 * 1024, chunked: true);

        Assert.Equal(401, status);
        Assert.Equal(0, meter.BytesRead);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("rejected: unknown signing key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChunkedBodyUnderTheLimit_IsAccepted()
    {
        var (host, _, recorder) = await StartAsync();
        await using var owned = host;

        var (status, _) = await RawPostAsync(host.BaseAddress, "Bearer " + issuer.ChannelToken(), 3 * 1024 * 1024, chunked: true);

        Assert.Equal(200, status);
        var (activity, _) = await recorder.NextAsync();
        Assert.Equal("act-1", activity.Id);
    }

    /// <summary>
    /// POSTs a message activity padded to about <paramref name="bodyBytes"/> bytes, writing while reading the answer;
    /// stops writing as soon as the answer arrives or the server closes. Returns the status and the bytes written.
    /// </summary>
    private static async Task<(int Status, long Sent)> RawPostAsync(Uri baseAddress, string authorization, long bodyBytes, bool chunked)
    {
        var prefix = Encoding.UTF8.GetBytes(Activities.Message().TrimEnd().TrimEnd('}') + ",\"padding\":\"");
        var suffix = Encoding.UTF8.GetBytes("\"}");
        var padding = bodyBytes - prefix.Length - suffix.Length;

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"POST /api/messages HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/json\r\nAuthorization: {authorization}\r\n");
        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {bodyBytes}\r\n").Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        long sent = 0;
        var writer = Task.Run(async () =>
        {
            async Task Piece(byte[] data)
            {
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), stop.Token);
                await stream.WriteAsync(data, stop.Token);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray(), stop.Token);
                Interlocked.Add(ref sent, data.Length);
            }

            try
            {
                await Piece(prefix);
                var filler = Enumerable.Repeat((byte)'a', Chunk).ToArray();
                for (var left = padding; left > 0; left -= Chunk)
                {
                    await Piece(left >= Chunk ? filler : filler[..(int)left]);
                }

                await Piece(suffix);
                if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answered and closed, or the test is over.
            }
        });

        var status = await ReadStatusAsync(stream, stop.Token);
        var sentWhenAnswered = Interlocked.Read(ref sent);
        await stop.CancelAsync();
        tcp.Close();
        await writer;
        return (status, sentWhenAnswered);
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream, CancellationToken ct)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, ct) == 0) throw new IOException($"connection closed before a status line (got '{line}')");
            line.Append((char)one[0]);
        }

        // "HTTP/1.1 413 Payload Too Large"
        return int.Parse(line.ToString().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
