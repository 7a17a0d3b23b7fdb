using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GovBot.Benchmarks;

/// <summary>
/// Our own load generator: CONCURRENCY loops on loopback, each posting a Teams-style message activity to a bot's
/// /api/messages and timing it until the bot's reply reaches the fake connector (the whole turn, whether the bot
/// acknowledges first, as GovBot does, or answers inside the request, as the Agents SDK does). Bounded by count and time.
/// </summary>
public sealed class LoadGenerator(LocalIdentityAndConnector connector, Uri endpoint, string? token, string userAadObjectId, string userName) : IDisposable
{
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TurnTimeout };

    public void Dispose() => _http.Dispose();

    /// <param name="conversation">
    /// Ask in this conversation (every worker), as a member's Teams personal chat is one stable conversation; null:
    /// each call's workers start new conversations.
    /// </param>
    public async Task<Stats> RunAsync(string name, string text, int concurrency, int maxRequests, TimeSpan maxTime, string? conversation = null)
    {
        var stable = conversation;
        var stats = new Stats(name);
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var conversation = stable ?? $"a:bench-{worker}-{Guid.NewGuid():N}";
            while (Interlocked.Increment(ref issued) <= maxRequests && clock.Elapsed < maxTime)
            {
                var ms = await OneTurnAsync(conversation, text);
                if (ms is { } value)
                {
                    stats.Add(value);
                }
                else
                {
                    lock (stats)
                    {
                        stats.Errors++;
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        stats.Elapsed = clock.Elapsed;
        return stats;
    }

    /// <summary>One turn's milliseconds, or null when the bot refused it or its reply did not come.</summary>
    private async Task<double?> OneTurnAsync(string conversation, string text)
    {
        var id = Guid.NewGuid().ToString("N");
        var reply = connector.WaitForReplyAsync(id);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(Activity(id, conversation, text), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                connector.Forget(id);
                return null;
            }

            await reply.WaitAsync(TurnTimeout);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            connector.Forget(id);
            return null;
        }
    }

    private string Activity(string id, string conversation, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:" + userAadObjectId, ["name"] = userName, ["aadObjectId"] = userAadObjectId },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = LocalIdentityAndConnector.TenantId },
        ["recipient"] = new JsonObject { ["id"] = "28:" + LocalIdentityAndConnector.AppId, ["name"] = "GovBot" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-GB",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = LocalIdentityAndConnector.TenantId } },
    }.ToJsonString();
}
