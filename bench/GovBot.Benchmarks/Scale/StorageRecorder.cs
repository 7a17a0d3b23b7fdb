using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovBot.Benchmarks;

/// <summary>One storage request GovBot made, as the recording proxy saw it.</summary>
/// <param name="Turn">The question it was made during (0, 1, …), or -1 when no question was open (background work).</param>
/// <param name="Table">The logical table name (prefix removed), the queue or the blob container; "" for account-level calls.</param>
/// <param name="Kind">"point read", "partition query", "table scan", "batch write", … (see <see cref="StorageRecorder.Classify"/>).</param>
/// <param name="Entities">Entities in the response: a query's "value" array length, 1 for a point read found, else 0.</param>
public sealed record StorageRequest(int Turn, string Service, string Method, string Table, string Kind, int Status, int Entities, string Url);

/// <summary>
/// A small reverse proxy on loopback between GovBot and Azurite that records every storage request: one listener per
/// service (table, queue, blob), each forwarding to Azurite's port verbatim (the shared-key signature covers the
/// path, query and headers, not the host's port, so it stays valid). GovBot's connection string points at
/// <see cref="ConnectionString"/>. Requests are attributed to the question open when they arrive
/// (<see cref="BeginTurn"/>/<see cref="EndTurn"/>; the bench asks one question at a time).
/// </summary>
public sealed partial class StorageRecorder : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Content-Length" };
    private readonly Dictionary<int, (string Service, Uri Upstream)> _routes = [];
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None, MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(100) };
    private readonly ConcurrentQueue<StorageRequest> _requests = new();
    private readonly string _tablePrefix;
    private WebApplication? _app;
    private volatile int _turn = -1;

    private StorageRecorder(string tablePrefix) => _tablePrefix = tablePrefix;

    /// <summary>Azurite's connection string with its three endpoints replaced by the proxy's.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Starts the proxy in front of the Azurite of <paramref name="upstreamConnectionString"/>.</summary>
    public static async Task<StorageRecorder> StartAsync(string upstreamConnectionString, string tablePrefix)
    {
        var recorder = new StorageRecorder(tablePrefix);
        var parts = upstreamConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var rewritten = new List<string>();
        foreach (var (key, value) in parts)
        {
            if (key is "TableEndpoint" or "QueueEndpoint" or "BlobEndpoint")
            {
                var upstream = new Uri(value);
                var port = RepoPaths.FreePort();
                recorder._routes[port] = (key[..^"Endpoint".Length].ToLowerInvariant(), upstream);
                rewritten.Add($"{key}=http://127.0.0.1:{port}{upstream.AbsolutePath.TrimEnd('/')}");
            }
            else
            {
                rewritten.Add($"{key}={value}");
            }
        }

        if (recorder._routes.Count == 0)
        {
            throw new InvalidOperationException("The storage connection string names no TableEndpoint/QueueEndpoint/BlobEndpoint to put the recorder in front of.");
        }

        builder.WebHost.UseUrls([.. recorder._routes.Keys.Select(p => $"http://127.0.0.1:{p}")]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        recorder._app = builder.Build();
        recorder._app.Run(recorder.ForwardAsync);
        await recorder._app.StartAsync();
        recorder.ConnectionString = string.Join(';', rewritten);
        return recorder;
    }

    /// <summary>Every request recorded so far.</summary>
    public IReadOnlyList<StorageRequest> Requests => [.. _requests];

    /// <summary>Forgets what was recorded (before a measured run).</summary>
    public void Clear() => _requests.Clear();

    public void BeginTurn(int turn) => _turn = turn;

    public void EndTurn() => _turn = -1;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        // Attributed on arrival: a request that starts inside a question belongs to it.
        var turn = _turn;
        var (service, upstream) = _routes[context.Connection.LocalPort];
        var request = context.Request;
        // The request target exactly as sent (Kestrel's Path is decoded, and re-encoding it differently would break
        // the shared-key signature, which covers the encoded path).
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? request.Path.Value + request.QueryString.Value;
        var target = new Uri($"{upstream.Scheme}://{upstream.Authority}{raw}", UriKind.Absolute);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            message.Content = new ByteArrayContent(body.ToArray());
        }
        else if (request.ContentLength == 0)
        {
            message.Content = new ByteArrayContent([]);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        context.Response.ContentLength = bytes.Length;
        var (table, kind) = Classify(service, request.Method, Uri.UnescapeDataString(request.Path.Value ?? ""), request.Query["$filter"].ToString(), _tablePrefix);
        _requests.Enqueue(new StorageRequest(turn, service, request.Method, table, kind, (int)response.StatusCode, CountEntities(kind, (int)response.StatusCode, bytes), Uri.UnescapeDataString(request.Path.Value + request.QueryString.Value)));
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>
    /// What a request is, from its URL alone. Tables: <c>Table(PartitionKey='…',RowKey='…')</c> is a point read; a
    /// query whose $filter fixes one PartitionKey (and perhaps a RowKey range) is a partition query, or a point query
    /// when it fixes the RowKey too; several PartitionKeys is a multi-partition query; none is a table scan (on Azure
    /// Table Storage as on Azurite, it reads every partition).
    /// </summary>
    public static (string Table, string Kind) Classify(string service, string method, string path, string filter, string tablePrefix)
    {
        // Path: /{account}/{resource}
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? string.Join('/', segments.Skip(1)) : "";
        if (service != "table")
        {
            var container = resource.Split('/')[0];
            var what = service == "queue"
                ? (resource.EndsWith("/messages", StringComparison.Ordinal) ? method switch { "GET" => "queue receive", "POST" => "queue send", _ => "queue " + method.ToLowerInvariant() } : "queue " + method.ToLowerInvariant())
                : "blob " + method.ToLowerInvariant();
            return (Unprefixed(container, tablePrefix.ToLowerInvariant()), what);
        }

        if (resource.Length == 0 || resource.StartsWith("Tables", StringComparison.Ordinal))
        {
            return ("", "table admin");
        }

        if (resource == "$batch")
        {
            return ("", "batch write");
        }

        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var table = Unprefixed(paren < 0 ? resource : resource[..paren], tablePrefix);
        var keys = paren < 0 ? "" : resource[paren..];
        var isPoint = keys.Contains("PartitionKey=", StringComparison.Ordinal) && keys.Contains("RowKey=", StringComparison.Ordinal);
        if (method != "GET")
        {
            return (table, method switch
            {
                "POST" => "insert",
                "DELETE" => "delete",
                _ => "update",
            });
        }

        if (isPoint)
        {
            return (table, "point read");
        }

        var partitions = PartitionEquals().Count(filter);
        return (table, partitions switch
        {
            0 => "table scan",
            1 when RowKeyEquals().IsMatch(filter) => "point query",
            1 => "partition query",
            _ => "multi-partition query",
        });
    }

    private static string Unprefixed(string name, string prefix) =>
        prefix.Length > 0 && name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;

    private static int CountEntities(string kind, int status, byte[] body)
    {
        if (status != 200)
        {
            return 0;
        }

        if (kind == "point read")
        {
            return 1;
        }

        if (kind is not ("partition query" or "point query" or "multi-partition query" or "table scan") || body.Length == 0 || body[0] != (byte)'{')
        {
            return 0;
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;
    }

    [GeneratedRegex(@"PartitionKey\s+eq\s", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionEquals();

    [GeneratedRegex(@"RowKey\s+eq\s", RegexOptions.CultureInvariant)]
    private static partial Regex RowKeyEquals();

    /// <summary>"1.00 partition query (ActionIndex) · 2.00 point read (People)": kinds per question, most frequent first.</summary>
    public static string KindsPerTurn(IEnumerable<StorageRequest> requests, int turns) => turns == 0
        ? "n/a"
        : string.Join(" · ", requests.GroupBy(r => (r.Kind, r.Table))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Table, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{(double)g.Count() / turns:0.##} {g.Key.Kind}{(g.Key.Table.Length > 0 ? $" ({g.Key.Table})" : "")}")));

    /// <summary>"3 × partition query (SearchVersions)": absolute counts, for background work.</summary>
    public static string Counts(IEnumerable<StorageRequest> requests)
    {
        var list = requests.ToList();
        return list.Count == 0
            ? "none"
            : string.Join(" · ", list.GroupBy(r => (r.Kind, r.Table)).OrderByDescending(g => g.Count())
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} × {g.Key.Kind}{(g.Key.Table.Length > 0 ? $" ({g.Key.Table})" : "")}")));
    }
}
