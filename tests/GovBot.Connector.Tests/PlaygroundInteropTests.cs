using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GovBot.Connector.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GovBot.Connector.Tests;

/// <summary>
/// Interop with Microsoft's own client: the Agents Playground (pinned in package.json) drives our endpoint, hosted
/// on Kestrel, over real HTTP; the bot answers through the Playground's mock connector; we watch the Playground's
/// WebSocket for what a user would see.
/// </summary>
public sealed class PlaygroundInteropTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Playground_InstallMessageAndCardActions_RoundTripThroughOurEndpoint()
    {
        var root = RepoRoot();
        var cli = Path.Combine(root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        Assert.True(File.Exists(Path.Combine(root, "node_modules", ".bin", "agentsplayground")) && File.Exists(cli),
            $"The Agents Playground is not installed under {Path.Combine(root, "node_modules")}. Run './govbot test' (it runs 'npm ci') or 'npm ci' in {root} first.");

        var recorder = new TurnRecorder();
        await using var bot = await BotHost.StartAsync([], routes => routes
                .OnActivity<RecordingActivityHandler>(ActivityTypes.InstallationUpdate)
                .OnActivity<PlaygroundMessageHandler>(ActivityTypes.Message)
                .OnCardAction<ApproveCardHandler>("approve"),
            services: s => TurnRecorder.Register(s, recorder));

        var workDir = Directory.CreateTempSubdirectory("govbot-playground-");
        var port = FreePort();
        using var playground = StartPlayground(cli, workDir.FullName, port, bot.Endpoint);
        var log = new StringBuilder();
        playground.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        playground.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        playground.BeginOutputReadLine();
        playground.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = StepTimeout };
            await WaitForPingAsync(http, playground, log);

            using var ws = new ClientWebSocket();
            using (var connectTimeout = new CancellationTokenSource(StepTimeout))
            {
                await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), connectTimeout.Token);
            }

            using var stop = new CancellationTokenSource();
            var events = Channel.CreateUnbounded<JsonElement>();
            var pump = PumpAsync(ws, events.Writer, stop.Token);

            var config = JsonNode.Parse(await http.GetStringAsync("/_internal/v1/config"))!["config"]!;
            var chat = config["personalChat"]!["id"]!.GetValue<string>();
            var user = config["currentUser"]!["id"]!.GetValue<string>();

            // 1. Install: installationUpdate reaches our handler.
            using (var install = await http.PostAsJsonAsync($"/_debug/conversation/{Uri.EscapeDataString(chat)}/installation", new { }))
            {
                Assert.True(install.IsSuccessStatusCode, $"installation trigger answered {install.StatusCode}");
            }

            var (installed, _) = await recorder.NextAsync(StepTimeout);
            Assert.Equal(ActivityTypes.InstallationUpdate, installed.Type);
            Assert.True(installed.IsBotAdded());
            Assert.Equal(chat, installed.Conversation?.Id);

            // 2. A message: our reply and our card reach the Playground.
            using (var sent = await http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(chat)}/messages", new { from = new { id = user }, text = "hello bot", textFormat = "plain" }))
            {
                Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            }

            var echo = await NextAsync(events.Reader, e => Action(e) == "createMessage" && Text(e) == "echo: hello bot", log);
            Assert.Equal(chat, echo.GetProperty("actionConversationId").GetString());
            var cardMessage = await NextAsync(events.Reader, e => Action(e) == "createMessage" && CardText(e) == "Approve the change?", log);
            var cardId = cardMessage.GetProperty("message").GetProperty("messageId").GetString()!;

            // 3. Action.Execute: the adaptiveCard/action invoke is answered inline with the updated card.
            using (var invoke = await http.PostAsJsonAsync("/_conversation/v1/invoke", new
            {
                name = "adaptiveCard/action",
                value = new { action = new { type = "Action.Execute", verb = "approve", data = new { x = 1 } }, trigger = "manual" },
                from = new { id = user },
                conversation = new { id = chat },
                replyToId = cardId,
            }))
            {
                var invokeBody = await invoke.Content.ReadAsStringAsync();
                Assert.True(invoke.StatusCode == HttpStatusCode.OK, $"invoke answered {invoke.StatusCode}: {invokeBody}");
                var answer = JsonNode.Parse(invokeBody)!;
                Assert.Equal(AdaptiveCardContentType.Value, answer["type"]!.GetValue<string>());
                Assert.Equal("approved {\"x\":1}", answer["value"]!["body"]![0]!["text"]!.GetValue<string>());
            }

            var (invoked, _) = await recorder.NextAsync(StepTimeout);
            Assert.Equal(ActivityTypes.Invoke, invoked.Type);
            Assert.Equal(cardId, invoked.ReplyToId);

            // 4. Action.Submit fallback (message with value.verb): the card handler's card replaces the message via PUT.
            using (var submit = await http.PostAsJsonAsync("/_conversation/v1/submit", new
            {
                conversation = new { id = chat },
                from = new { id = user },
                replyToId = cardId,
                value = new { verb = "approve", x = 2 },
            }))
            {
                Assert.True(submit.IsSuccessStatusCode, $"submit answered {submit.StatusCode}");
            }

            var updated = await NextAsync(events.Reader, e => Action(e) == "updateMessage" && e.GetProperty("message").GetProperty("messageId").GetString() == cardId, log);
            Assert.StartsWith("approved {", CardText(updated), StringComparison.Ordinal);
            Assert.Contains("\"verb\":\"approve\"", CardText(updated), StringComparison.Ordinal);

            await stop.CancelAsync();
            ws.Abort();
            await Task.WhenAny(pump, Task.Delay(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            Stop(playground);
            lock (log)
            {
                output.WriteLine(log.ToString());
            }

            try
            {
                workDir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort; it is a temp directory.
            }
        }
    }

    /// <summary>Walks up from the test binaries to the directory holding GovBot.sln.</summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find GovBot.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    private static Process StartPlayground(string cli, string workDir, int port, Uri botEndpoint)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", botEndpoint.ToString(), "-c", "msteams", "--disable-telemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDir, "playground.log");
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(workDir, ".m365agentsplayground.yml");
        start.Environment.Remove("BOT_ENDPOINT");
        start.Environment.Remove("TEAMSAPPTESTER_PORT");
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("Could not start node for the Agents Playground.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js 20+ must be on PATH to run the Agents Playground interop test.", ex);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task WaitForPingAsync(HttpClient http, Process playground, StringBuilder log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(playground.HasExited, "The Agents Playground exited during start-up:\n" + Snapshot(log));
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                if ((await http.GetStringAsync("/_debug/ping", cts.Token)).Contains("pong", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Not up yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("The Agents Playground did not answer /_debug/ping within 60 s:\n" + Snapshot(log));
    }

    private static async Task PumpAsync(ClientWebSocket ws, ChannelWriter<JsonElement> writer, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (ws.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                var result = await ws.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    try
                    {
                        writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                    }
                    catch (JsonException)
                    {
                        // Not an event we understand.
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static async Task<JsonElement> NextAsync(ChannelReader<JsonElement> reader, Func<JsonElement, bool> match, StringBuilder log)
    {
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(StepTimeout);
        try
        {
            while (true)
            {
                var e = await reader.ReadAsync(cts.Token);
                if (match(e))
                {
                    return e;
                }

                seen.Add(e.GetRawText());
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The expected Playground event did not arrive within {StepTimeout.TotalSeconds} s. Seen:\n{string.Join('\n', seen)}\nPlayground output:\n{Snapshot(log)}");
            throw;
        }
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static string? Action(JsonElement e) => e.TryGetProperty("action", out var a) ? a.GetString() : null;

    private static string? Text(JsonElement e) =>
        e.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) ? t.GetString() : null;

    /// <summary>The first TextBlock text of the message's first Adaptive Card.</summary>
    private static string? CardText(JsonElement e) =>
        e.TryGetProperty("message", out var m) && m.TryGetProperty("attachments", out var atts) && atts.GetArrayLength() > 0
        && atts[0].TryGetProperty("content", out var card) && card.TryGetProperty("body", out var body) && body.GetArrayLength() > 0
        && body[0].TryGetProperty("text", out var text)
            ? text.GetString()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The Playground bot's message handler: echo, then a card with an Action.Execute "approve".</summary>
public sealed class PlaygroundMessageHandler : IActivityHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendAsync("echo: " + turn.Activity.TextWithoutMention(), cancellationToken);
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Approve the change?" }),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Approve",
                ["verb"] = "approve",
                ["data"] = new JsonObject { ["x"] = 1 },
            }),
        };
        await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(card)), cancellationToken);
    }
}
