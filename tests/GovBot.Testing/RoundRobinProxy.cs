using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovBot.Testing;

/// <summary>
/// A small round-robin HTTP front end on 127.0.0.1, as App Service's front end is for a scaled-out app: each request
/// (/api/messages and everything else) goes to the next backend in turn. A backend that refuses the connection
/// (its process is gone) is skipped and the request goes to the next one, as a front end whose health check has
/// taken the instance out would send it. A backend that dies while answering yields 502: the request may have
/// been taken, so it is not sent again. Counts the requests each backend answered.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Proxy-Connection", "TE", "Trailer", "Content-Length",
    };

    private readonly IReadOnlyList<Uri> _backends;
    private readonly long[] _answered;
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        MaxConnectionsPerServer = 256,
        UseProxy = false,
        AllowAutoRedirect = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    private WebApplication? _app;
    private long _next = -1;
    private long _failovers;
    private long _broken;

    private RoundRobinProxy(IReadOnlyList<Uri> backends)
    {
        _backends = backends;
        _answered = new long[backends.Count];
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri MessagesEndpoint => new(BaseUrl, "/api/messages");

    /// <summary>Requests each backend answered, in the order the backends were given.</summary>
    public IReadOnlyList<long> Answered => _answered.Select(a => Interlocked.Read(ref a)).ToArray();

    /// <summary>Requests that found their backend gone (connection refused) and went to another one.</summary>
    public long Failovers => Interlocked.Read(ref _failovers);

    /// <summary>Requests whose backend died while answering (502), or that no backend took (503).</summary>
    public long Broken => Interlocked.Read(ref _broken);

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<Uri> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        if (backends.Count == 0) throw new ArgumentException("At least one backend.", nameof(backends));
        var proxy = new RoundRobinProxy(backends);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        proxy._app = builder.Build();
        proxy._app.Run(proxy.ForwardAsync);
        await proxy._app.StartAsync();
        proxy.BaseUrl = new Uri(proxy._app.Urls.First());
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var buffered = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffered, context.RequestAborted);
        var body = buffered.ToArray();
        var first = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)_backends.Count);
        for (var tried = 0; tried < _backends.Count; tried++)
        {
            var index = (first + tried) % _backends.Count;
            using var request = Copy(context.Request, _backends[index], body);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                Interlocked.Increment(ref _failovers); // nothing reached this backend: the next one may take it
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !context.RequestAborted.IsCancellationRequested))
            {
                Interlocked.Increment(ref _broken);
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }

            using (response)
            {
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                {
                    if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
                }

                try
                {
                    await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    Interlocked.Increment(ref _broken);
                    context.Abort();
                    return;
                }
            }

            Interlocked.Increment(ref _answered[index]);
            return;
        }

        Interlocked.Increment(ref _broken);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }

    private static HttpRequestMessage Copy(HttpRequest from, Uri backend, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(from.Method), new Uri(backend, from.Path + from.QueryString))
        {
            Version = HttpVersion.Version11,
        };
        if (body.Length > 0 || from.ContentType is not null) request.Content = new ByteArrayContent(body);
        foreach (var (name, values) in from.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _http.Dispose();
    }
}
