using System.Diagnostics;
using System.Text;

namespace GovBot.Features.Import;

/// <summary>The text of a papers file, or why it cannot be read.</summary>
/// <param name="Notes">Things worth telling the user that did not stop the read (replaced invalid bytes).</param>
public sealed record PapersFileText(string? Text, string? Error, IReadOnlyList<string> Notes)
{
    public static PapersFileText Fail(string error) => new(null, error, []);
}

/// <summary>
/// Reads a papers file for the importer: bounded (never more than <see cref="MaxBytes"/> in memory),
/// refusing empty and binary files, and turning a PDF into text through <c>pdftotext -layout</c>.
/// </summary>
public static class PapersFileReader
{
    /// <summary>20 MB: papers are a few hundred KB of text; anything this big is not papers.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private const int ChunkSize = 81920;
    private static readonly TimeSpan PdfTimeout = TimeSpan.FromMinutes(2);

    public static Task<PapersFileText> ReadAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, MaxBytes, FindOnPath, cancellationToken);

    /// <param name="findTool">Finds an executable by name (PATH lookup; replaceable in tests).</param>
    internal static async Task<PapersFileText> ReadAsync(string path, long maxBytes, Func<string, string?> findTool, CancellationToken cancellationToken)
    {
        if (System.IO.Directory.Exists(path)) return PapersFileText.Fail($"'{path}' is a directory, not a papers file.");
        if (!File.Exists(path)) return PapersFileText.Fail($"file not found: '{path}'.");
        var length = new FileInfo(path).Length;
        if (length > maxBytes) return PapersFileText.Fail(TooBig(path, maxBytes));

        byte[] bytes;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, useAsync: true);
            var read = await ReadBoundedAsync(stream, maxBytes, cancellationToken);
            if (read is null) return PapersFileText.Fail(TooBig(path, maxBytes));
            bytes = read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PapersFileText.Fail($"cannot read '{path}': {e.Message}");
        }

        if (IsPdf(path, bytes)) return await ReadPdfAsync(path, maxBytes, findTool, cancellationToken);
        return Decode(path, bytes);
    }

    private static string TooBig(string path, long maxBytes) =>
        $"'{path}' is larger than {maxBytes / (1024 * 1024)} MB; papers are much smaller than that, so it was not read.";

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when there is more (the file grew, or is a device).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken);
            if (n == 0) return buffer.ToArray();
            if (buffer.Length + n > maxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
    }

    private static bool IsPdf(string path, byte[] bytes) =>
        path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
        || (bytes.Length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-');

    internal static PapersFileText Decode(string path, byte[] bytes)
    {
        if (bytes.Length == 0) return PapersFileText.Fail($"'{path}' is empty.");
        if (Array.IndexOf(bytes, (byte)0) >= 0) return PapersFileText.Fail($"'{path}' is a binary file (it contains NUL bytes), not the text of papers.");

        var notes = new List<string>();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(bytes);
            var invalid = text.Count(c => c == '\uFFFD');
            if (invalid > Math.Max(8, text.Length / 100))
            {
                return PapersFileText.Fail($"'{path}' is not UTF-8 text ({invalid} invalid byte sequences); extract the papers as UTF-8 text first.");
            }
            notes.Add($"{invalid} invalid UTF-8 byte sequence(s) were replaced with \uFFFD.");
        }
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text)) return PapersFileText.Fail($"'{path}' contains no text.");
        return new PapersFileText(text, null, notes);
    }

    private static async Task<PapersFileText> ReadPdfAsync(string path, long maxChars, Func<string, string?> findTool, CancellationToken cancellationToken)
    {
        var tool = findTool("pdftotext");
        if (tool is null)
        {
            return PapersFileText.Fail(
                $"'{path}' is a PDF and reading PDFs needs pdftotext, which is not on PATH. " +
                "Install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils), or extract the text yourself and import the .txt.");
        }

        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "-layout", "-enc", "UTF-8", path, "-" }) start.ArgumentList.Add(arg);

        using var process = Process.Start(start);
        if (process is null) return PapersFileText.Fail($"could not start pdftotext for '{path}'.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PdfTimeout);
        try
        {
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            var text = new StringBuilder();
            var buffer = new char[ChunkSize];
            int n;
            while ((n = await process.StandardOutput.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (text.Length + n > maxChars)
                {
                    process.Kill(entireProcessTree: true);
                    return PapersFileText.Fail($"the text of '{path}' is larger than {maxChars / (1024 * 1024)} MB; it was not read.");
                }
                text.Append(buffer, 0, n);
            }
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                var message = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
                return PapersFileText.Fail($"pdftotext could not read '{path}' (exit code {process.ExitCode}): {message}");
            }
            var result = text.ToString();
            if (string.IsNullOrWhiteSpace(result)) return PapersFileText.Fail($"'{path}' has no text layer (a scanned PDF?); nothing to import.");
            return new PapersFileText(result, null, []);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return PapersFileText.Fail($"pdftotext took longer than {PdfTimeout.TotalMinutes} minutes on '{path}'; stopped.");
        }
    }

    internal static string? FindOnPath(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
