using GovBot.Cards;
using GovBot.Bot;
using GovBot.Connector;
using GovBot.Features.Actions;

namespace GovBot.Features.Import;

/// <summary>
/// Import / Cancel on a file preview. The card carries only the pending id; who may press is decided here: a PMO
/// member (checked again now), and the same person who sent the file. Confirm claims the pending import once
/// (a double click imports once), writes, and replaces the card with the result.
/// </summary>
internal sealed class FileImportCardActions(
    CallerResolver callers,
    PendingImportStore pending,
    StoragePapersImportWriter papers,
    CsvImporter csv,
    TimeProvider clock) : ICardActionHandler
{
    public static readonly IReadOnlyList<string> Verbs = [FileImportCards.ConfirmVerb, FileImportCards.CancelVerb];

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var id = CardData.String(action.Data, "pendingId", maxLength: 64);
        if (!PendingImportStore.IsValidId(id))
        {
            return InvokeResponse.Error(400, "BadRequest", "This button does not say which import it is for. Send the file to me again.");
        }
        var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
        if (!caller.IsPmo) return InvokeResponse.Error(403, "Forbidden", "Only the PMO can import files.");

        var stored = await pending.GetAsync(id!, cancellationToken);
        if (stored is null) return InvokeResponse.Card(FileImportCards.Expired());
        if (stored.Value.ExpiresAt <= clock.GetUtcNow())
        {
            await pending.DeleteAsync(id!, cancellationToken);
            return InvokeResponse.Card(FileImportCards.Expired());
        }
        if (FileImportHandler.OwnerKey(caller) is not { } owner || owner != stored.Value.OwnerKey)
        {
            return InvokeResponse.Error(403, "Forbidden", "This import was started by someone else; only they can import or cancel it.");
        }

        var file = stored.Value.FileName;
        if (action.Verb == FileImportCards.CancelVerb)
        {
            await pending.DeleteAsync(id!, cancellationToken);
            return InvokeResponse.Card(FileImportCards.Cancelled(file));
        }

        if (!await pending.ClaimAsync(stored, cancellationToken)) return InvokeResponse.Card(FileImportCards.Expired());
        try
        {
            var text = stored.Value.Text;
            if (stored.Value is { Kind: PendingImportKind.Csv, CsvKind: { } kind })
            {
                var result = await csv.ImportAsync(kind, text, dryRun: false, cancellationToken);
                return InvokeResponse.Card(result.IsValid
                    ? FileImportCards.Imported(file, $"{CsvColumns.Name(kind)}: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged.")
                    : FileImportCards.CsvErrors(file, result.Errors));
            }
            // The original is read again for its pages; the text is the same one that was previewed.
            var original = await pending.OriginalAsync(id!, cancellationToken);
            var reread = original is null ? null : PapersFileReader.Read(file, original, cancellationToken);
            var paper = reread is { Text: { } t, Original: { } o } ? new Features.Papers.PaperFile(file, o, t, reread.PageStarts) : null;
            var summary = await papers.WriteAsync(PapersParser.Parse(text, file), paper, cancellationToken);
            return InvokeResponse.Card(FileImportCards.Imported(file, summary));
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException)
        {
            return InvokeResponse.Card(FileImportCards.Problem(file,
                "Storage could not be written just now, so the import did not finish. What was written stays, and importing the same file again is safe: send it to me again in a minute.", nothingChanged: false));
        }
        finally
        {
            await pending.DeleteAsync(id!, CancellationToken.None);
        }
    }
}
