using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Connector;

namespace GovBot.Features.Import;

/// <summary>
/// A PMO member sends papers (.txt, .pdf) or a CSV to GovBot in 1:1 chat: the file is downloaded (bounded, without
/// the bot's token), read and previewed as a dry run; the text waits in <see cref="PendingImportStore"/> for the
/// Import / Cancel buttons (<see cref="FileImportCardActions"/>). Anyone else is refused before anything is downloaded.
/// </summary>
internal sealed partial class FileImportHandler(
    FileDownloadClient downloads,
    PendingImportStore pending,
    FileImportReader reader,
    TimeProvider clock,
    ILogger<FileImportHandler> logger) : IFileMessageHandler
{
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(30);

    public static readonly IReadOnlyList<string> Extensions = [".txt", ".pdf", ".csv"];

    public bool CanHandle(Activity activity) => activity.Attachments?.Any(TeamsFile.IsFile) == true;

    public async Task<JsonObject> HandleAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken)
    {
        var file = TeamsFile.From(turn.Activity)!;
        if (!caller.IsPmo || OwnerKey(caller) is not { } owner) return FileImportCards.NotPmo();
        if (turn.Activity.Conversation?.ConversationType is { } type && type != "personal")
        {
            return FileImportCards.Problem(file.Name, "Please send files to me in our 1:1 chat, not in a channel or group chat.");
        }
        if (!Extensions.Contains(file.Extension))
        {
            return FileImportCards.Problem(file.Name, "I can import meeting papers (a .txt or .pdf file) and CSV files (.csv). Other kinds of file are not opened.");
        }
        if (file.Size > PapersFileReader.MaxBytes)
        {
            return FileImportCards.Problem(file.Name, TooBig);
        }
        if (file.DownloadUrl is null)
        {
            return FileImportCards.Problem(file.Name, "Teams didn't give me a way to download this file. Please try sending it again.");
        }

        var download = await downloads.DownloadAsync(file.DownloadUrl, PapersFileReader.MaxBytes, cancellationToken);
        if (download.Bytes is null)
        {
            var problem = download.Problem?.ToString() ?? "";
            LogDownloadFailed(logger, problem, download.Detail ?? "");
            return FileImportCards.Problem(file.Name, download.Problem switch
            {
                FileDownloadProblem.TooBig => TooBig,
                FileDownloadProblem.NotHttps => "The file's download address is not a secure (https) address, so I didn't download it.",
                FileDownloadProblem.NotAllowed => "The file's download address is not a Microsoft 365 (SharePoint) address, so I didn't download it.",
                _ => "I couldn't download the file from Teams. Please try sending it again in a minute.",
            });
        }

        var read = await reader.ReadAsync(file.Name, file.Extension, download.Bytes, cancellationToken);
        if (read.Problem is not null) return read.Problem;
        var id = PendingImportStore.NewId();
        await pending.DeleteExpiredAsync(clock.GetUtcNow(), cancellationToken);
        await pending.SaveAsync(new PendingImport(id, owner, read.Kind, read.CsvKind, file.Name, clock.GetUtcNow() + PendingFor, read.Text!), cancellationToken,
            original: read.Kind == PendingImportKind.Papers ? download.Bytes : null);
        return read.Preview!(id);
    }

    private static string TooBig => $"The file is larger than {PapersFileReader.MaxBytes / (1024 * 1024)} MB. Papers and CSV files are much smaller than that, so I didn't open it.";

    /// <summary>Who may confirm: the person id, or the Entra object id when the directory does not know the caller.</summary>
    public static string? OwnerKey(Caller caller) =>
        caller.Person?.Id ?? (caller.AadObjectId is { Length: > 0 } oid ? "oid:" + oid : null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file sent to the bot could not be downloaded ({Problem} {Detail})")]
    private static partial void LogDownloadFailed(ILogger logger, string problem, string detail);
}

/// <summary>A file read and previewed: the text and a preview card for a pending id, or a problem card.</summary>
internal sealed record FileImportRead(PendingImportKind Kind, CsvKind? CsvKind, string? Text, Func<string, JsonObject>? Preview, JsonObject? Problem);

/// <summary>Turns downloaded bytes into text (PdfPig for PDFs, in-process) and a dry-run preview.</summary>
internal sealed class FileImportReader(StoragePapersImportWriter papers, CsvImporter importer)
{
    public async Task<FileImportRead> ReadAsync(string fileName, string extension, byte[] bytes, CancellationToken cancellationToken)
    {
        FileImportRead Fail(string message) => new(PendingImportKind.Papers, null, null, null, FileImportCards.Problem(fileName, message));

        if (extension == ".csv")
        {
            var csvText = CsvText.Decode(fileName, bytes);
            if (csvText.Text is null) return Fail(csvText.Error!);
            var document = CsvReader.Read(csvText.Text);
            if (document.Records.Count == 0) return Fail("The file is empty.");
            if (CsvColumns.Detect(document.Records[0].Fields) is not { } kind)
            {
                var kinds = string.Join("; ", Enum.GetValues<CsvKind>().Select(k => $"{CsvColumns.Name(k)}: {string.Join(",", CsvColumns.Of(k))}"));
                return Fail($"The first line of a CSV must be the header of one of these kinds, with exactly these columns. {kinds}.");
            }
            var result = await importer.ImportAsync(kind, csvText.Text, dryRun: true, cancellationToken);
            if (!result.IsValid) return new(PendingImportKind.Csv, kind, null, null, FileImportCards.CsvErrors(fileName, result.Errors));
            return new(PendingImportKind.Csv, kind, csvText.Text, id => FileImportCards.CsvPreview(fileName, result, id), null);
        }

        var text = PapersFileReader.Read(fileName, bytes, cancellationToken);
        if (text.Text is null) return Fail(text.Error!);
        var import = PapersParser.Parse(text.Text, fileName);
        if (import.Agenda.Count == 0 && import.Actions.Count == 0 && import.Decisions.Count == 0 && import.Checklist.Count == 0)
        {
            return Fail("I found no agenda, actions, decisions or participant checklist in it, so it doesn't look like a meeting's papers.");
        }
        var preview = await papers.PreviewAsync(import, cancellationToken);
        return new(PendingImportKind.Papers, null, text.Text, id => FileImportCards.PapersPreview(fileName, preview, id), null);
    }
}
