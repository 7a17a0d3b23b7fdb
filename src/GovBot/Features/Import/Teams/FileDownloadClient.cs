using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GovBot.Connector;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Import;

/// <summary>
/// A file a user sent to the bot in Teams 1:1 chat: an attachment of type
/// <c>application/vnd.microsoft.teams.file.download.info</c> with the file name and
/// <c>content</c> { downloadUrl, uniqueId, fileType } (and, sometimes, a size).
/// </summary>
internal sealed record TeamsFile(string Name, string? DownloadUrl, string? FileType, long? Size)
{
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The extension of the file name, lower case with the dot (".csv"), or "".</summary>
    public string Extension => Path.GetExtension(Name).ToLowerInvariant();

    public static bool IsFile(Attachment attachment) => attachment.ContentType == ContentType;

    public static TeamsFile? From(Activity activity)
    {
        var attachment = activity.Attachments?.FirstOrDefault(IsFile);
        if (attachment is null) return null;
        var content = attachment.Content as JsonObject;
        string? Text(string name) => content?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        long? size = content?["size"] is JsonValue sv && sv.TryGetValue<long>(out var n) ? n : null;
        return new TeamsFile(Path.GetFileName(attachment.Name ?? "") is { Length: > 0 } name ? name : "file", Text("downloadUrl"), Text("fileType"), size);
    }
}

internal enum FileDownloadProblem
{
    NotHttps,
    TooBig,
    Failed,
    /// <summary>The host is not on the allow-list, or it resolves to a private, loopback or link-local address.</summary>
    NotAllowed,
}

/// <summary>The bytes of a downloaded file, or what went wrong.</summary>
internal sealed record FileDownload(byte[]? Bytes, FileDownloadProblem? Problem, string? Detail = null);

/// <summary>
/// Downloads the file behind a Teams <c>downloadUrl</c>: a short-lived, pre-authenticated HTTPS address. It uses its
/// own HttpClient ("GovBot.FileDownload"), never the connector's, so the bot's token is never sent with it. Only
/// HTTPS to a host on <see cref="FileDownloadOptions.AllowedHosts"/>; redirects are followed here, not by the handler,
/// so every hop's host is checked again (at most <see cref="FileDownloadOptions.MaxRedirects"/>); and the handler's
/// connect step (<see cref="CreateHandler"/>) resolves the name and refuses private, loopback and link-local
/// addresses, so an allowed name pointed at the inside of the network gets nowhere. At most <c>maxBytes</c> are read
/// (checked against Content-Length first, then while streaming).
/// </summary>
internal class FileDownloadClient
{
    public const string HttpClientName = "GovBot.FileDownload";

    private readonly IHttpClientFactory _httpClients;
    private readonly FileDownloadOptions _options;
    private readonly bool _loopbackForTests;

    public FileDownloadClient(IHttpClientFactory httpClients, IOptions<FileDownloadOptions> options, IServiceProvider services)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _loopbackForTests = AllowsLoopbackForTests(services);
    }

    public virtual async Task<FileDownload> DownloadAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new FileDownload(null, FileDownloadProblem.NotHttps);
        }
        var client = _httpClients.CreateClient(HttpClientName);
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (Refuse(uri) is { } refused) return refused;
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= _options.MaxRedirects) return new FileDownload(null, FileDownloadProblem.Failed, "too many redirects");
                    if (response.Headers.Location is not { } location) return new FileDownload(null, FileDownloadProblem.Failed, "redirect without a Location");
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode) return new FileDownload(null, FileDownloadProblem.Failed, $"status {(int)response.StatusCode}");
                if (response.Content.Headers.ContentLength > maxBytes) return new FileDownload(null, FileDownloadProblem.TooBig);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int n;
                while ((n = await stream.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + n > maxBytes) return new FileDownload(null, FileDownloadProblem.TooBig);
                    buffer.Write(chunk, 0, n);
                }
                return new FileDownload(buffer.ToArray(), null);
            }
        }
        catch (HttpRequestException e) when (FindForbidden(e) is { } forbidden)
        {
            return new FileDownload(null, FileDownloadProblem.NotAllowed, forbidden.Message);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new FileDownload(null, FileDownloadProblem.Failed, e.GetType().Name);
        }
    }

    /// <summary>
    /// The primary handler of the "GovBot.FileDownload" client: no automatic redirects (<see cref="DownloadAsync"/>
    /// checks each hop), and a connect step that resolves the host and refuses the connection when any of its
    /// addresses is private, loopback, link-local or otherwise not on the public internet; it then connects to exactly
    /// the addresses it checked (no second lookup an attacker's DNS could answer differently).
    /// </summary>
    public static HttpMessageHandler CreateHandler(IServiceProvider services)
    {
        var loopbackForTests = AllowsLoopbackForTests(services);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = (context, ct) => ConnectCheckedAsync(context.DnsEndPoint, loopbackForTests, ct),
        };
    }

    private static async ValueTask<Stream> ConnectCheckedAsync(DnsEndPoint endPoint, bool loopbackForTests, CancellationToken ct)
    {
        var literal = IPAddress.TryParse(endPoint.Host, out var parsed) ? parsed : null;
        var addresses = literal is not null ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        var testLoopback = loopbackForTests && IPAddress.Loopback.Equals(literal);
        if (addresses.Length == 0) throw new ForbiddenAddressException($"{endPoint.Host} has no address");
        foreach (var address in addresses)
        {
            if (!testLoopback && IsForbidden(address)) throw new ForbiddenAddressException($"{endPoint.Host} resolves to a non-public address");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Loopback, private (RFC 1918, unique local), link-local (cloud metadata), shared, unspecified, multicast and reserved addresses.</summary>
    internal static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 168 && b[1] == 63 && b[2] == 129 && b[3] == 16); // Azure's platform endpoint (wireserver)
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // documentation
                || address.IsIPv4MappedToIPv6;
        }
        return true;
    }

    private FileDownload? Refuse(Uri uri)
    {
        var testLoopback = _loopbackForTests && uri.Host == "127.0.0.1" && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (testLoopback) return null;
        if (uri.Scheme != Uri.UriSchemeHttps) return new FileDownload(null, FileDownloadProblem.NotHttps);
        if (!string.IsNullOrEmpty(uri.UserInfo) || !_options.IsAllowedHost(uri.IdnHost)) return new FileDownload(null, FileDownloadProblem.NotAllowed, uri.IdnHost);
        return null;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static ForbiddenAddressException? FindForbidden(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is ForbiddenAddressException forbidden) return forbidden;
        }
        return null;
    }

    /// <summary>Whether a test registered <see cref="FileDownloadLoopbackForTestsOnly"/>; refused outside Development.</summary>
    private static bool AllowsLoopbackForTests(IServiceProvider services)
    {
        if (services.GetService<FileDownloadLoopbackForTestsOnly>() is null) return false;
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            throw new InvalidOperationException("FileDownloadLoopbackForTestsOnly is registered outside Development; it exists for tests only and would let downloads reach this machine.");
        }
        return true;
    }

    private sealed class ForbiddenAddressException(string message) : IOException(message);
}
