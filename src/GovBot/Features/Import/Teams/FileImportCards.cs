using System.Text.Json.Nodes;
using GovBot.Cards;

namespace GovBot.Features.Import;

/// <summary>Cards of the file import in Teams: the preview with Import / Cancel, the result, and kind refusals.</summary>
internal static class FileImportCards
{
    public const string ConfirmVerb = "import.confirm";
    public const string CancelVerb = "import.cancel";

    /// <summary>Errors shown on a card; the rest are counted.</summary>
    public const int MaxErrorsShown = 10;

    public static JsonObject NotPmo() => CardKit.Build(new AdaptiveCard(
    [
        CardKit.Title("Only the PMO can import files"),
        new TextBlock("Thanks for sending this. Importing papers and CSV files into GovBot is done by the programme office (PMO), so I haven't opened your file."),
        new TextBlock("If something in GovBot looks wrong or out of date, please let the PMO know.") { IsSubtle = true },
    ]));

    /// <summary>The file could not be imported; nothing changed.</summary>
    public static JsonObject Problem(string fileName, string message, bool nothingChanged = true) => CardKit.Build(new AdaptiveCard(
    [
        CardKit.Title($"I couldn't import {fileName}"),
        new TextBlock(CardKit.Safe(message)),
        .. nothingChanged ? new CardElement[] { new TextBlock("Nothing was changed.") { IsSubtle = true } } : [],
    ]));

    public static JsonObject PapersPreview(string fileName, PapersImportPreview p, string pendingId)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"Import the {p.MeetingTitle} papers?"),
            CardKit.Subtitle($"From {fileName}. This is a preview: nothing has been changed yet."),
            new FactSet(
            [
                new("Actions", $"{p.NewActions} new, {p.ChangedActions} changed, {p.UnchangedActions} unchanged" + (p.KeptActions > 0 ? $", {p.KeptActions} kept as stored" : "")),
                new("Checklist items", $"{p.NewChecklistItems} new, {p.ChangedChecklistItems} changed, {p.UnchangedChecklistItems} unchanged"),
                new("Meeting", p.Meeting switch { PreviewChange.New => "new", PreviewChange.Changed => "changed", PreviewChange.Unchanged => "unchanged", _ => "not imported (date or number not found)" }),
                new("Decisions", $"{p.NewDecisions} new, {p.ChangedDecisions} changed"),
                new("Warnings", p.Warnings.Count == 0 ? "none" : $"{p.Warnings.Count}: these values were left empty rather than guessed"),
            ]),
        };
        if (p.Warnings.Count > 0)
        {
            body.Add(new TextBlock(CardKit.Bullets(p.Warnings.Take(5).Select(w => CardKit.Safe(w, 200)))) { Size = TextSize.Small, IsSubtle = true });
            if (p.Warnings.Count > 5) body.Add(new TextBlock($"…and {p.Warnings.Count - 5} more.") { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
        }
        return Confirmable(body, p.ChangesAnything, pendingId);
    }

    public static JsonObject CsvPreview(string fileName, CsvImportResult r, string pendingId)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"Import {CsvColumns.Name(r.Kind)} from {fileName}?"),
            CardKit.Subtitle("This is a preview: nothing has been changed yet."),
            new FactSet(
            [
                new("Rows", r.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("To create", r.Created.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("To update", r.Updated.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Unchanged", r.Unchanged.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Problems", "none"),
            ]),
        };
        return Confirmable(body, r.Created + r.Updated > 0, pendingId);
    }

    private static JsonObject Confirmable(List<CardElement> body, bool changesAnything, string pendingId)
    {
        if (!changesAnything)
        {
            body.Add(new TextBlock("**Everything in this file is already in GovBot.** There is nothing to import."));
            return CardKit.Build(new AdaptiveCard(body));
        }
        body.Add(new TextBlock("This preview is kept for 30 minutes.") { IsSubtle = true, Size = TextSize.Small });
        var data = new JsonObject { ["pendingId"] = pendingId };
        return CardKit.Build(new AdaptiveCard(body,
        [
            new ActionExecute("Import", ConfirmVerb, data),
            new ActionExecute("Cancel", CancelVerb, (JsonObject)data.DeepClone()),
        ]));
    }

    /// <summary>The CSV has problems: each with its line and column; nothing changed.</summary>
    public static JsonObject CsvErrors(string fileName, IReadOnlyList<CsvError> errors)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"{fileName} has {(errors.Count == 1 ? "a problem" : $"{errors.Count} problems")}"),
            new TextBlock("Nothing was changed: every row must be right before anything is imported. Fix these and send the file again."),
            new TextBlock(CardKit.Bullets(errors.Take(MaxErrorsShown).Select(e => CardKit.Safe(e.ToString(), 300)))),
        };
        if (errors.Count > MaxErrorsShown) body.Add(new TextBlock($"…and {errors.Count - MaxErrorsShown} more.") { IsSubtle = true, Spacing = Spacing.None });
        return CardKit.Build(new AdaptiveCard(body));
    }

    public static JsonObject Imported(string fileName, string summary) => CardKit.Build(new AdaptiveCard(
    [
        CardKit.Title($"Imported {fileName}"),
        new TextBlock(CardKit.Safe(summary)),
    ]));

    public static JsonObject Cancelled(string fileName) => CardKit.Build(new AdaptiveCard(
    [
        CardKit.Title("Import cancelled"),
        new TextBlock($"Nothing from {CardKit.Safe(fileName)} was imported."),
    ]));

    public static JsonObject Expired() => CardKit.Build(new AdaptiveCard(
    [
        CardKit.Title("This import is no longer available"),
        new TextBlock("Previews are kept for 30 minutes, and each can be imported or cancelled once. Nothing was changed now."),
        new TextBlock("To import the file, send it to me again.") { IsSubtle = true },
    ]));
}
