using System.Text.Json.Nodes;
using GovBot.Connector;

namespace GovBot.Features.FileImport;

/// <summary>
/// A file a user sent to the bot in Teams 1:1 chat: an attachment of type
/// <c>application/vnd.microsoft.teams.file.download.info</c> with the file name and
/// <c>content</c> { downloadUrl, uniqueId, fileType } (and, sometimes, a size).
/// </summary>
public sealed record TeamsFile(string Name, string? DownloadUrl, string? FileType, long? Size)
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

public enum FileDownloadProblem
{
    NotHttps,
    TooBig,
    Failed,
}

/// <summary>The bytes of a downloaded file, or what went wrong.</summary>
public sealed record FileDownload(byte[]? Bytes, FileDownloadProblem? Problem, string? Detail = null);

/// <summary>
/// Downloads the file behind a Teams <c>downloadUrl</c>: a short-lived, pre-authenticated HTTPS address. It uses its
/// own HttpClient ("GovBot.FileDownload"), never the connector's, so the bot's token is never sent with it; only
/// HTTPS, and at most <c>maxBytes</c> are read (checked against Content-Length first, then while streaming).
/// </summary>
public class FileDownloadClient(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "GovBot.FileDownload";

    public virtual async Task<FileDownload> DownloadAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return new FileDownload(null, FileDownloadProblem.NotHttps);
        }
        var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new FileDownload(null, FileDownloadProblem.Failed, e.GetType().Name);
        }
    }
}
