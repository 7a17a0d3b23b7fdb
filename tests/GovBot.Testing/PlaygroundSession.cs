using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace GovBot.Testing;

/// <summary>
/// Microsoft's Agents Playground (npm @microsoft/m365agentsplayground, pinned in package.json) as a child process,
/// driven through its HTTP/WebSocket API: what the bot sends arrives as WebSocket events ("createMessage",
/// "updateMessage"), which <see cref="NextAsync"/> waits for with a bound.
/// </summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    private readonly ChildProcess _child;
    private readonly DirectoryInfo _workDir;
    private readonly ClientWebSocket _ws = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private Task _pump = Task.CompletedTask;

    private PlaygroundSession(ChildProcess child, DirectoryInfo workDir, int port)
    {
        _child = child;
        _workDir = workDir;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = StepTimeout };
    }

    public Uri BaseUrl { get; }
    public HttpClient Http { get; }

    /// <summary>The Playground's resolved configuration (/_internal/v1/config "config").</summary>
    public JsonNode Config { get; private set; } = new JsonObject();

    public string PersonalChatId => Config["personalChat"]!["id"]!.GetValue<string>();
    public string CurrentUserId => Config["currentUser"]!["id"]!.GetValue<string>();

    public string Log() => _child.Log();

    /// <param name="botEndpoint">The bot's /api/messages.</param>
    /// <param name="configYaml">The Playground's .m365agentsplayground.yml (null: its built-in default users).</param>
    public static async Task<PlaygroundSession> StartAsync(Uri botEndpoint, string? configYaml = null)
    {
        var cli = RepoPaths.NodeModule("@microsoft", "m365agentsplayground", "cli.js");
        var workDir = Directory.CreateTempSubdirectory("govbot-playground-");
        var configPath = Path.Combine(workDir.FullName, ".m365agentsplayground.yml");
        if (configYaml is not null)
        {
            await File.WriteAllTextAsync(configPath, configYaml);
        }

        var port = RepoPaths.FreePort();
        var child = ChildProcess.Start("Agents Playground", "node",
            [cli, "-p", $"{port}", "-e", botEndpoint.ToString(), "-c", "msteams", "--disable-telemetry"],
            workDir.FullName,
            new Dictionary<string, string?>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDir.FullName, "playground.log"),
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath,
                ["BOT_ENDPOINT"] = null,
                ["TEAMSAPPTESTER_PORT"] = null,
            });
        var session = new PlaygroundSession(child, workDir, port);
        try
        {
            await child.WaitUntilAsync(async ct => (await session.Http.GetStringAsync("/_debug/ping", ct)).Contains("pong", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60), "/_debug/ping answered pong");
            using (var connect = new CancellationTokenSource(StepTimeout))
            {
                await session._ws.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), connect.Token);
            }

            session._pump = session.PumpAsync();
            using var configTimeout = new CancellationTokenSource(StepTimeout);
            session.Config = JsonNode.Parse(await session.Http.GetStringAsync("/_internal/v1/config", configTimeout.Token))!["config"]!;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>What the Playground's UI does on open: installationUpdate, then conversationUpdate (members added).</summary>
    public async Task InstallAsync()
    {
        using var response = await Http.PostAsJsonAsync($"/_debug/conversation/{Uri.EscapeDataString(PersonalChatId)}/installation", new { });
        await EnsureOkAsync(response, "installation trigger");
    }

    /// <summary>The current user types TEXT in the personal chat. (The Playground speaks in its chats only as its configured user.)</summary>
    public async Task SayAsync(string text)
    {
        DiscardPendingEvents();
        using var response = await Http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(PersonalChatId)}/messages",
            new { from = new { id = CurrentUserId }, text, textFormat = "plain" });
        await EnsureOkAsync(response, $"message '{text}'");
    }

    /// <summary>The current user @mentions the bot with TEXT in a channel or group chat (bots there only see mentions).</summary>
    public async Task SayWithMentionAsync(string conversationId, string text)
    {
        DiscardPendingEvents();
        var bot = Config["bot"]!;
        var mention = $"<at>{bot["name"]!.GetValue<string>()}</at>";
        using var response = await Http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", new
        {
            from = new { id = CurrentUserId },
            text = $"{mention} {text}",
            textFormat = "plain",
            mentions = new[] { new { mentioned = new { id = bot["id"]!.GetValue<string>() }, text = mention } },
        });
        await EnsureOkAsync(response, $"message '{text}' in {conversationId}");
    }

    /// <summary>The id of the team channel named NAME in the Playground's configuration.</summary>
    public string ChannelId(string name) =>
        Config["teams"]!.AsArray().SelectMany(t => t!["channels"]!.AsArray())
            .First(c => c!["name"]?.GetValue<string>() == name)!["id"]!.GetValue<string>();

    /// <summary>An Action.Execute on the card message REPLYTOID (adaptiveCard/action invoke); returns the bot's invoke response body.</summary>
    public async Task<JsonNode> ExecuteAsync(string replyToId, string verb, JsonObject data)
    {
        using var response = await Http.PostAsJsonAsync("/_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            value = new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" },
            from = new { id = CurrentUserId },
            conversation = new { id = PersonalChatId },
            replyToId,
        });
        var body = await EnsureOkAsync(response, $"invoke {verb}");
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"invoke {verb} answered an empty body.");
    }

    /// <summary>
    /// Any invoke the Playground accepts (e.g. composeExtension/query) in the personal chat; returns the bot's invoke
    /// response body. The Playground refuses names outside its list (composeExtension/selectItem among them) with 400.
    /// </summary>
    public async Task<JsonNode> InvokeAsync(string name, JsonObject value)
    {
        using var response = await Http.PostAsJsonAsync("/_conversation/v1/invoke", new JsonObject
        {
            ["name"] = name,
            ["value"] = value.DeepClone(),
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["conversation"] = new JsonObject { ["id"] = PersonalChatId },
        });
        var body = await EnsureOkAsync(response, $"invoke {name}");
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"invoke {name} answered an empty body.");
    }

    /// <summary>Forgets events already received, so that the next wait sees only what follows.</summary>
    public void DiscardPendingEvents()
    {
        while (_events.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>The next WebSocket event matching MATCH (events before it are skipped), within <see cref="StepTimeout"/>.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, string what)
    {
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(StepTimeout);
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(cts.Token);
                if (match(e))
                {
                    return e;
                }

                seen.Add(e.GetRawText().Length > 500 ? e.GetRawText()[..500] + "…" : e.GetRawText());
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"Waited {StepTimeout.TotalSeconds:0} s for {what}; it did not arrive. Other events:\n{string.Join('\n', seen)}\nPlayground output:\n{_child.Tail()}");
        }
    }

    /// <summary>The next message the bot creates whose first Adaptive Card contains TEXT anywhere.</summary>
    public Task<JsonElement> NextCardAsync(string text) =>
        NextAsync(e => Action(e) == "createMessage" && Card(e) is { } card && card.GetRawText().Contains(text, StringComparison.Ordinal), $"a card containing '{text}'");

    public static string? Action(JsonElement e) => e.TryGetProperty("action", out var a) ? a.GetString() : null;

    public static string MessageId(JsonElement e) => e.GetProperty("message").GetProperty("messageId").GetString()!;

    /// <summary>The message's first Adaptive Card (content), if any.</summary>
    public static JsonElement? Card(JsonElement e) =>
        e.TryGetProperty("message", out var m) && m.TryGetProperty("attachments", out var atts) && atts.ValueKind == JsonValueKind.Array
        && atts.GetArrayLength() > 0 && atts[0].TryGetProperty("content", out var card)
            ? card
            : null;

    /// <summary>Every TextBlock text and FactSet fact in a card, depth first, joined by newlines (what a reader sees, without styling).</summary>
    public static string CardText(JsonElement card)
    {
        var texts = new List<string>();
        Walk(card, el =>
        {
            if (el.TryGetProperty("type", out var t) && t.GetString() is "TextBlock" or "TextRun" && el.TryGetProperty("text", out var x) && x.ValueKind == JsonValueKind.String)
            {
                texts.Add(x.GetString()!);
            }
            else if (el.TryGetProperty("title", out var title) && el.TryGetProperty("value", out var value)
                && title.ValueKind == JsonValueKind.String && value.ValueKind == JsonValueKind.String && !el.TryGetProperty("type", out _))
            {
                texts.Add($"{title.GetString()}: {value.GetString()}"); // a FactSet fact
            }
        });
        return string.Join('\n', texts);
    }

    /// <summary>Calls VISIT on every object in the JSON tree.</summary>
    public static void Walk(JsonElement element, Action<JsonElement> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                visit(element);
                foreach (var p in element.EnumerateObject())
                {
                    Walk(p.Value, visit);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, visit);
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _ws.Abort();
        await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(5)));
        _ws.Dispose();
        _child.Dispose();
        Http.Dispose();
        _stop.Dispose();
        try
        {
            _workDir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort; it is a temp directory.
        }
    }

    private async Task<string> EnsureOkAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The Playground answered {(int)response.StatusCode} to {what}: {body}\nPlayground output:\n{_child.Tail()}");
        }

        return body;
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_ws.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var result = await _ws.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    try
                    {
                        _events.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
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
            _events.Writer.TryComplete();
        }
    }
}
