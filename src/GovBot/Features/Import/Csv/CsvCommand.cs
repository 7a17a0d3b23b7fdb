using System.Text;

namespace GovBot.Features.Import;

/// <summary>The text of an uploaded or local CSV file, or why it cannot be read.</summary>
internal static class CsvText
{
    public static PapersFileText Decode(string name, byte[] bytes)
    {
        if (bytes.Length == 0) return PapersFileText.Fail($"'{name}' is empty.");
        if (Array.IndexOf(bytes, (byte)0) >= 0) return PapersFileText.Fail($"'{name}' is a binary file, not CSV text.");
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return new PapersFileText(text, null, []);
        }
        catch (DecoderFallbackException)
        {
            return PapersFileText.Fail($"'{name}' is not UTF-8 text; save it as \"CSV UTF-8\" and try again.");
        }
    }
}

/// <summary><c>govbot import csv KIND FILE [--dry-run]</c> and <c>govbot export csv KIND [FILE]</c>.</summary>
public static class CsvCommand
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;
    public const int StorageUnavailable = 3;

    public static string ImportUsage => $"usage: govbot import csv KIND FILE [--dry-run]   (KIND = {CsvColumns.AllNames})";
    public static string ExportUsage => $"usage: govbot export csv KIND [FILE]   (KIND = {CsvColumns.AllNames}; standard output when no FILE)";

    /// <param name="args">The arguments after <c>import csv</c>.</param>
    /// <param name="importer">Starts storage (null after a message on stderr when it is not configured).</param>
    public static async Task<int> ImportAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<CancellationToken, Task<CsvImporter?>> importer, CancellationToken cancellationToken)
    {
        string? kindName = null, file = null;
        var dryRun = false;
        foreach (var arg in args)
        {
            if (arg == "--dry-run") dryRun = true;
            else if (arg.StartsWith("--", StringComparison.Ordinal)) return await UsageAsync(stderr, $"import csv: unknown option '{arg}'.", ImportUsage);
            else if (kindName is null) kindName = arg;
            else if (file is null) file = arg;
            else return await UsageAsync(stderr, $"import csv: one file at a time ('{file}' and '{arg}' given).", ImportUsage);
        }
        if (kindName is null) return await UsageAsync(stderr, "import csv: what to import? give KIND.", ImportUsage);
        if (!CsvColumns.TryParseName(kindName, out var kind)) return await UsageAsync(stderr, $"import csv: '{kindName}' is not a kind of CSV.", ImportUsage);
        if (file is null) return await UsageAsync(stderr, "import csv: no FILE given.", ImportUsage);

        var read = await ReadFileAsync(file, cancellationToken);
        if (read.Text is null)
        {
            await stderr.WriteLineAsync($"import csv: {read.Error}");
            return InvalidInput;
        }
        var csv = await importer(cancellationToken);
        if (csv is null) return StorageUnavailable;
        CsvImportResult result;
        try
        {
            result = await csv.ImportAsync(kind, read.Text, dryRun, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or Azure.RequestFailedException or HttpRequestException)
        {
            await stderr.WriteLineAsync($"import csv: could not use storage ({e.Message}). Rows already written stay (an import can be repeated safely).");
            return StorageUnavailable;
        }
        if (!result.IsValid)
        {
            foreach (var error in result.Errors) await stderr.WriteLineAsync($"import csv: {file}: {error}");
            await stderr.WriteLineAsync($"import csv: {result.Errors.Count} problem(s); nothing was written.");
            return InvalidInput;
        }
        await stdout.WriteLineAsync(dryRun
            ? $"{result.Summary} Dry run: nothing was written."
            : $"{CsvColumns.Name(kind)}: {result.Rows} rows: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged.");
        return Ok;
    }

    /// <param name="args">The arguments after <c>export csv</c>.</param>
    public static async Task<int> ExportAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<CancellationToken, Task<CsvExporter?>> exporter, CancellationToken cancellationToken)
    {
        if (args.Count == 0) return await UsageAsync(stderr, "export csv: what to export? give KIND.", ExportUsage);
        if (args.Count > 2 || args.Any(a => a.StartsWith("--", StringComparison.Ordinal))) return await UsageAsync(stderr, "export csv: too many arguments.", ExportUsage);
        if (!CsvColumns.TryParseName(args[0], out var kind)) return await UsageAsync(stderr, $"export csv: '{args[0]}' is not a kind of CSV.", ExportUsage);
        var csv = await exporter(cancellationToken);
        if (csv is null) return StorageUnavailable;
        try
        {
            if (args.Count == 1)
            {
                await csv.ExportAsync(kind, stdout, cancellationToken);
                return Ok;
            }
            var path = args[1];
            var temp = path + ".tmp";
            int count;
            await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                count = await csv.ExportAsync(kind, writer, cancellationToken);
            }
            File.Move(temp, path, overwrite: true);
            await stderr.WriteLineAsync($"export csv: {count} {CsvColumns.Name(kind)} rows written to {path}.");
            return Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"export csv: cannot write '{args[1]}': {e.Message}");
            return InvalidInput;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
        {
            await stderr.WriteLineAsync($"export csv: could not read storage ({e.Message}).");
            return StorageUnavailable;
        }
    }

    private static async Task<PapersFileText> ReadFileAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) return PapersFileText.Fail($"file not found: '{path}'.");
        if (new FileInfo(path).Length > PapersFileReader.MaxBytes) return PapersFileText.Fail($"'{path}' is larger than {PapersFileReader.MaxBytes / (1024 * 1024)} MB; it was not read.");
        try
        {
            return CsvText.Decode(path, await File.ReadAllBytesAsync(path, ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PapersFileText.Fail($"cannot read '{path}': {e.Message}");
        }
    }

    private static async Task<int> UsageAsync(TextWriter stderr, string problem, string usage)
    {
        await stderr.WriteLineAsync(problem);
        await stderr.WriteLineAsync(usage);
        return UsageError;
    }
}
