using System.Globalization;
using GovBot.Features.Papers;

namespace GovBot.Features.Import;

/// <summary>
/// Writes a parsed import to storage. The storage engine implements this (mapping through
/// <see cref="PapersImportPlan"/>); until it is wired, <c>govbot import papers</c> without
/// <c>--dry-run</c> stops with exit code 3.
/// </summary>
public interface IPapersImportWriter
{
    /// <summary>Applies the import; returns a one-line summary of what changed.</summary>
    Task<string> WriteAsync(PapersImport import, CancellationToken cancellationToken);

    /// <summary>Applies the import and keeps the paper itself (<paramref name="paper"/>: the original and its text).</summary>
    Task<string> WriteAsync(PapersImport import, PaperFile? paper, CancellationToken cancellationToken) => WriteAsync(import, cancellationToken);
}

/// <summary><c>govbot import papers FILE [--dry-run] [--json]</c>.</summary>
public static class PapersImportCommand
{
    public const int Ok = 0;
    public const int UnreadableInput = 1;
    public const int UsageError = 2;
    public const int StorageUnavailable = 3;

    public const string Usage = "usage: govbot import papers FILE [--dry-run] [--json]";

    /// <param name="args">The arguments after <c>import</c>: <c>papers FILE [--dry-run] [--json]</c>.</param>
    /// <param name="writer">The storage write path; null while no storage engine is wired.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IPapersImportWriter? writer, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] != "papers")
        {
            await stderr.WriteLineAsync(args.Count == 0 ? "import: what to import? 'papers' or 'csv'?." : $"import: '{args[0]}' cannot be imported; use 'papers' or 'csv'.");
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }
        string? file = null;
        bool dryRun = false, json = false;
        foreach (var arg in args.Skip(1))
        {
            switch (arg)
            {
                case "--dry-run": dryRun = true; break;
                case "--json": json = true; break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    await stderr.WriteLineAsync($"import papers: unknown option '{a}'.");
                    await stderr.WriteLineAsync(Usage);
                    return UsageError;
                case var a when file is null: file = a; break;
                default:
                    await stderr.WriteLineAsync($"import papers: one file at a time ('{file}' and '{arg}' given).");
                    await stderr.WriteLineAsync(Usage);
                    return UsageError;
            }
        }
        if (file is null)
        {
            await stderr.WriteLineAsync("import papers: no FILE given.");
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }

        var read = await PapersFileReader.ReadAsync(file, cancellationToken);
        if (read.Text is null)
        {
            await stderr.WriteLineAsync($"import papers: {read.Error}");
            return UnreadableInput;
        }
        foreach (var note in read.Notes) await stderr.WriteLineAsync($"import papers: {note}");

        var import = PapersParser.Parse(read.Text, Path.GetFileName(file));
        var nothingFound = import.Agenda.Count == 0 && import.Actions.Count == 0 && import.Decisions.Count == 0 && import.Checklist.Count == 0;

        if (json) await stdout.WriteLineAsync(PapersImportJson.Serialize(import));
        else await WriteSummaryAsync(import, stdout);
        if (nothingFound)
        {
            // Not meeting papers (or not readable as such): say so, and write nothing.
            await stderr.WriteLineAsync($"import papers: no agenda, actions, decisions or checklist found in '{file}'; is it a meeting's papers? Nothing was written.");
            return UnreadableInput;
        }

        if (dryRun)
        {
            if (!json) await stdout.WriteLineAsync("Dry run: nothing was written.");
            return Ok;
        }
        var paper = read.Original is { } original ? new PaperFile(Path.GetFileName(file), original, read.Text, read.PageStarts) : null;
        return await WriteAsync(import, paper, writer, stdout, stderr, cancellationToken);
    }

    /// <summary>The write path: one call with the parsed import.</summary>
    internal static async Task<int> WriteAsync(PapersImport import, PaperFile? paper, IPapersImportWriter? writer, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (writer is null)
        {
            await stderr.WriteLineAsync(
                "import papers: writing to storage requires the storage engine, which is not available in this build. " +
                "Nothing was written; use --dry-run to preview the import.");
            return StorageUnavailable;
        }
        try
        {
            var summary = await writer.WriteAsync(import, paper, cancellationToken);
            await stdout.WriteLineAsync(summary);
            return Ok;
        }
        catch (Exception e) when (e is InvalidOperationException or Azure.RequestFailedException or HttpRequestException)
        {
            await stderr.WriteLineAsync($"import papers: could not write to storage ({e.Message}). Rows already written stay (an import can be repeated safely).");
            return StorageUnavailable;
        }
    }

    private static async Task WriteSummaryAsync(PapersImport import, TextWriter o)
    {
        static string D(DateOnly? d) => d?.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) ?? "no date";
        static string T(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "--:--";

        var m = import.Meeting;
        var slot = m.Start is null ? "no time" : $"{T(m.Start)}-{T(m.End)}";
        await o.WriteLineAsync($"{import.MeetingTitle}: {D(m.Date)}, {slot}{(m.DocumentId is null ? "" : $" ({m.DocumentId})")}");
        await o.WriteLineAsync();
        await o.WriteLineAsync($"Agenda ({import.Agenda.Count} items)");
        foreach (var a in import.Agenda)
        {
            await o.WriteLineAsync($"  {a.Number,3}. {a.Title} [{a.Type?.ToString() ?? "type?"}] {a.Lead ?? "lead?"}, {T(a.Start)}-{T(a.End)}");
        }
        await o.WriteLineAsync();
        await o.WriteLineAsync($"Actions ({import.Actions.Count})");
        foreach (var a in import.Actions)
        {
            await o.WriteLineAsync($"  {a.Ref,-11} {a.Status?.ToString() ?? "status?",-15} due {D(a.Due),-16} {a.Owner ?? "owner?"}");
            await o.WriteLineAsync($"              {Shorten(a.Text, 100)}");
        }
        if (import.Decisions.Count > 0)
        {
            await o.WriteLineAsync();
            await o.WriteLineAsync($"Decisions ({import.Decisions.Count})");
            foreach (var d in import.Decisions) await o.WriteLineAsync($"  [{d.Number}] {Shorten(d.Text, 110)}");
        }
        if (import.Checklist.Count > 0)
        {
            await o.WriteLineAsync();
            await o.WriteLineAsync($"Participant checklist ({import.Checklist.Count})");
            foreach (var c in import.Checklist)
            {
                var when = c.Deadline is { } dl ? $"deadline {D(dl)}" : c.Dated is { } on ? $"information, {D(on)}" : "information";
                if (c.Constituencies.Count > 0) when += $", for {Checklist.Constituencies.Brief(c.Constituencies)}";
                await o.WriteLineAsync($"  {c.Number,2}. {(c.Reminder ? "REMINDER " : "")}{when}: {Shorten(c.Text, 90)}");
            }
        }
        if (import.ChangeRequests.Count > 0)
        {
            await o.WriteLineAsync();
            await o.WriteLineAsync($"Change requests mentioned: {string.Join(", ", import.ChangeRequests.Select(c => $"{c.Id} ({c.Mentions.Count})"))}");
        }
        await o.WriteLineAsync();
        await o.WriteLineAsync(import.NextMeeting is { } n ? $"Next meeting: {n.Group} {D(n.Date)}{(n.Start is null ? "" : $" at {T(n.Start)}")}" : "Next meeting: not found");
        if (import.Warnings.Count > 0)
        {
            await o.WriteLineAsync();
            await o.WriteLineAsync($"Warnings ({import.Warnings.Count}): these values were left empty rather than guessed");
            foreach (var w in import.Warnings) await o.WriteLineAsync($"  {w}");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
