using System.Text;

namespace GovBot.Features.Import;

/// <summary>The text of a papers file, or why it cannot be read.</summary>
/// <param name="Notes">Things worth telling the user that did not stop the read (replaced invalid bytes).</param>
/// <param name="PageStarts">For a PDF: where each page begins in <see cref="Text"/> (page 1 first); null when pages are unknown.</param>
/// <param name="Original">The file's bytes as read (kept as the paper's original); null when the text came from elsewhere.</param>
public sealed record PapersFileText(string? Text, string? Error, IReadOnlyList<string> Notes, IReadOnlyList<int>? PageStarts = null, byte[]? Original = null)
{
    public static PapersFileText Fail(string error) => new(null, error, []);
}

/// <summary>
/// Reads a papers file for the importer: bounded (never more than <see cref="MaxBytes"/> in memory; a bigger file is
/// refused while it streams in), refusing empty and binary files, and reading a PDF's text in-process
/// (<see cref="PdfPapersReader"/>).
/// </summary>
public static class PapersFileReader
{
    /// <summary>20 MB: papers are a few hundred KB of text; anything this big is not papers.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private const int ChunkSize = 81920;

    public static Task<PapersFileText> ReadAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, MaxBytes, cancellationToken);

    internal static async Task<PapersFileText> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
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
        return Read(path, bytes, cancellationToken);
    }

    /// <summary>The text of a file already in memory (a download): a PDF through PdfPig, anything else as UTF-8 text.</summary>
    public static PapersFileText Read(string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var read = IsPdf(name, bytes) ? PdfPapersReader.Read(name, bytes, MaxBytes, cancellationToken) : Decode(name, bytes);
        return read.Text is null ? read : read with { Original = bytes };
    }

    private static string TooBig(string path, long maxBytes) =>
        $"'{path}' is larger than {maxBytes / (1024 * 1024)} MB; papers are much smaller than that, so it was not read.";

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when there is more (the file grew, or is a device).</summary>
    internal static async Task<byte[]?> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
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

    /// <summary>A .pdf name or the PDF signature; an empty file is left to <see cref="Decode"/>, which says it is empty.</summary>
    private static bool IsPdf(string path, byte[] bytes) =>
        bytes.Length > 0 && path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
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
}
