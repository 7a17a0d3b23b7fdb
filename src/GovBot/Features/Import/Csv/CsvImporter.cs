using GovBot.Features.Search;
using GovBot.Features.Groups;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Meetings;
using GovBot.Storage;

namespace GovBot.Features.Import;

internal enum CsvRowChange
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>What an import did (or, for a dry run or a file with errors, would do).</summary>
/// <param name="Written">True when storage was changed (not a dry run, no errors).</param>
public sealed record CsvImportResult(CsvKind Kind, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<CsvError> Errors, bool Written)
{
    public bool IsValid => Errors.Count == 0;

    public string Summary =>
        IsValid
            ? $"{CsvColumns.Name(Kind)}: {Rows} rows: {Created} to create, {Updated} to update, {Unchanged} unchanged."
            : $"{CsvColumns.Name(Kind)}: {Errors.Count} problem(s) in the file; nothing was written.";
}

/// <summary>
/// Imports a CSV of one kind. Every row is read and checked first (values, duplicates, what storage allows); if any
/// row has a problem nothing is written and every problem is reported with its line and column. Otherwise only the
/// rows that differ from storage are written, each under its ETag (re-read and re-applied on a conflict).
/// Columns the CSV does not carry (an action's history, a meeting's agenda, a CR's tally) are kept.
/// </summary>
public sealed partial class CsvImporter(
    ActionStore actions,
    MeetingStore meetings,
    ChangeRequestStore changes,
    ChecklistStore checklist,
    PersonStore people,
    TimeProvider clock,
    SearchChanges? search = null)
{
    public const int MaxRows = 10_000;
    public const string ImportAuthor = "CSV import";
    /// <summary>Writes tried per row when other writers keep changing it.</summary>
    private const int Attempts = 4;

    private sealed record RowOutcome(CsvRowChange Change, string? Column = null, string? Problem = null);

    private sealed record Handler<T>(Func<CsvRowReader, T> Parse, Func<T, string> Key, Func<T, bool, RunState, CancellationToken, Task<RowOutcome>> Apply);

    /// <summary>What one import reads once: the directory (for owners), the checklist (to find items by id).</summary>
    private sealed class RunState
    {
        public IReadOnlyList<Person>? Directory { get; set; }
        public IReadOnlyList<ChecklistItem>? Checklist { get; set; }
    }

    public Task<CsvImportResult> ImportAsync(CsvKind kind, string text, bool dryRun, CancellationToken cancellationToken) => kind switch
    {
        CsvKind.Actions => RunAsync(kind, text, dryRun, new Handler<ActionItem>(ParseAction, a => a.Ref, ApplyActionAsync), cancellationToken),
        CsvKind.Meetings => RunAsync(kind, text, dryRun, new Handler<Meeting>(ParseMeeting, m => $"{m.GroupCode} {m.Number}", ApplyMeetingAsync), cancellationToken),
        CsvKind.Changes => RunAsync(kind, text, dryRun, new Handler<ChangeRequest>(ParseChange, c => c.Id, ApplyChangeAsync), cancellationToken),
        CsvKind.Checklist => RunAsync(kind, text, dryRun, new Handler<ChecklistItem>(ParseChecklist, c => c.Id, ApplyChecklistAsync), cancellationToken),
        CsvKind.People => RunAsync(kind, text, dryRun, new Handler<Person>(ParsePerson, p => p.Id, ApplyPersonAsync), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string SearchSourceOf(CsvKind kind) => kind switch
    {
        CsvKind.Actions => ActionSearchSource.SourceName,
        CsvKind.Meetings => MeetingSearchSource.SourceName,
        CsvKind.Changes => ChangeRequestSearchSource.SourceName,
        CsvKind.Checklist => ChecklistSearchSource.SourceName,
        _ => PeopleSearchSource.SourceName,
    };

    private async Task<CsvImportResult> RunAsync<T>(CsvKind kind, string text, bool dryRun, Handler<T> handler, CancellationToken ct)
    {
        var state = new RunState();
        var errors = new List<CsvError>();
        CsvImportResult Failed() => new(kind, 0, 0, 0, 0, errors, Written: false);

        var document = CsvReader.Read(text);
        if (document.Error is { } syntax)
        {
            errors.Add(syntax);
            return Failed();
        }
        var columns = CsvColumns.Of(kind);
        if (document.Records.Count == 0)
        {
            errors.Add(new CsvError(1, null, $"the file is empty; its first line must be the header: {string.Join(",", columns)}"));
            return Failed();
        }
        var header = ReadHeader(document.Records[0], columns, errors);
        if (errors.Count > 0) return Failed();
        var rows = document.Records.Skip(1).ToList();
        if (rows.Count > MaxRows)
        {
            errors.Add(new CsvError(rows[MaxRows].Line, null, $"more than {MaxRows:N0} rows; split the file"));
            return Failed();
        }

        // 1. Read every row.
        var items = new List<(int Line, T Item)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (row.Fields.Count != header.Count)
            {
                errors.Add(new CsvError(row.Line, null, $"has {row.Fields.Count} fields but the header has {header.Count}"));
                continue;
            }
            var reader = new CsvRowReader(row, header, errors);
            var item = handler.Parse(reader);
            if (!reader.Ok) continue;
            var key = handler.Key(item);
            if (seen.TryGetValue(key, out var firstLine))
            {
                errors.Add(new CsvError(row.Line, null, $"'{key}' is also on line {firstLine}; each one may appear once"));
                continue;
            }
            seen[key] = row.Line;
            items.Add((row.Line, item));
        }
        if (errors.Count > 0) return Failed();

        // 2. Compare with storage (and check what storage does not allow), still writing nothing.
        var counts = new Dictionary<CsvRowChange, int>();
        foreach (var (line, item) in items)
        {
            var outcome = await handler.Apply(item, false, state, ct);
            if (outcome.Problem is { } problem) errors.Add(new CsvError(line, outcome.Column, problem));
            counts[outcome.Change] = counts.GetValueOrDefault(outcome.Change) + 1;
        }
        if (errors.Count > 0) return Failed();
        var result = new CsvImportResult(kind, items.Count, counts.GetValueOrDefault(CsvRowChange.Created), counts.GetValueOrDefault(CsvRowChange.Updated),
            counts.GetValueOrDefault(CsvRowChange.Unchanged), [], Written: false);
        if (dryRun || result.Created + result.Updated == 0) return result;

        // 3. Write the rows that differ.
        counts.Clear();
        foreach (var (_, item) in items)
        {
            var outcome = await handler.Apply(item, true, state, ct);
            counts[outcome.Change] = counts.GetValueOrDefault(outcome.Change) + 1;
        }
        if (search is not null) await search.SourcesChangedAsync([SearchSourceOf(kind)], ct);
        return result with
        {
            Created = counts.GetValueOrDefault(CsvRowChange.Created),
            Updated = counts.GetValueOrDefault(CsvRowChange.Updated),
            Unchanged = counts.GetValueOrDefault(CsvRowChange.Unchanged),
            Written = true,
        };
    }

    private static Dictionary<string, int> ReadHeader(CsvRecord record, IReadOnlyList<string> columns, List<CsvError> errors)
    {
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var expected = string.Join(",", columns);
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var name = record.Fields[i].Trim();
            var known = columns.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (name.Length == 0) errors.Add(new CsvError(record.Line, null, $"header field {i + 1} is empty; the header must be: {expected}"));
            else if (known is null) errors.Add(new CsvError(record.Line, name, $"unknown column; the columns are: {expected}"));
            else if (!header.TryAdd(known, i)) errors.Add(new CsvError(record.Line, name, "this column appears twice in the header"));
        }
        foreach (var missing in columns.Where(c => !header.ContainsKey(c)))
        {
            errors.Add(new CsvError(record.Line, missing, $"column is missing from the header; the columns are: {expected}"));
        }
        return header;
    }

    // ---- Actions ----

    [GeneratedRegex(@"^[A-Z][A-Za-z]{1,9}$")]
    private static partial Regex GroupCodeRegex();

    private static string Group(CsvRowReader r, string column)
    {
        var group = r.Key(column);
        if (group.Length > 0 && !GroupCodeRegex().IsMatch(group)) r.Fail(column, $"'{group}' is not a group code (letters, e.g. DAG)");
        return group;
    }

    private static ActionItem ParseAction(CsvRowReader r)
    {
        var reference = r.Key("ref");
        var group = Group(r, "group");
        var meeting = r.Optional("meeting", 20)?.Trim();
        var raised = r.Date("raised");
        var text = r.Required("text");
        var owner = r.Optional("owner", 500) ?? "";
        var due = r.Date("due");
        var status = r.Enum<ActionStatus>("status", required: true) ?? ActionStatus.Open;
        var update = r.Optional("latestUpdate");
        return new ActionItem(reference, group, meeting, raised, text, owner, [], due, status, update, []);
    }

    private async Task<RowOutcome> ApplyActionAsync(ActionItem row, bool write, RunState state, CancellationToken ct)
    {
        var directory = state.Directory ??= await people.ListAsync(ct);
        var entry = new ActionUpdate(clock.GetUtcNow(), null, ImportAuthor, "Imported from CSV", row.Status, row.Due);
        return await ApplyAsync(actions.Row(row.Ref), stored =>
        {
            if (stored is null)
            {
                var created = row with
                {
                    Owners = StoragePapersImportWriter.ToDirectoryIds(OwnerResolver.Resolve(row.OwnerText, row.GroupCode), directory),
                    History = [],
                };
                return Write(created.Recording(entry), CsvRowChange.Created);
            }
            if (stored.GroupCode != row.GroupCode)
            {
                return new(null, new(CsvRowChange.Updated, "group", $"action {row.Ref} belongs to {stored.GroupCode}; an action cannot move to another group"));
            }
            var next = stored with
            {
                MeetingNumber = Keep(stored.MeetingNumber, row.MeetingNumber),
                Raised = row.Raised,
                Text = row.Text,
                OwnerText = Keep(stored.OwnerText, row.OwnerText)!,
                Owners = Keep(stored.OwnerText, row.OwnerText) == stored.OwnerText
                    ? stored.Owners
                    : StoragePapersImportWriter.ToDirectoryIds(OwnerResolver.Resolve(row.OwnerText, stored.GroupCode), directory),
                Due = row.Due,
                Status = row.Status,
                LatestUpdate = Keep(stored.LatestUpdate, row.LatestUpdate),
            };
            if (Same(next, stored)) return Unchanged<ActionItem>();
            if (next.Status != stored.Status || next.LatestUpdate != stored.LatestUpdate || next.Due != stored.Due)
            {
                next = next.Recording(entry with { Status = next.Status, Due = next.Due });
            }
            return Write(next, CsvRowChange.Updated);
        }, write, ct);
    }

    // ---- Meetings ----

    private static Meeting ParseMeeting(CsvRowReader r)
    {
        var group = Group(r, "group");
        var number = r.Key("number");
        var extraordinary = r.Bool("extraordinary");
        var date = r.Date("date", required: true) ?? default;
        var start = r.Time("start");
        var end = r.Time("end");
        if (start is { } s && end is { } e && e <= s) r.Fail("end", "is not after the start");
        var location = r.Optional("location", 500);
        var joinUrl = Url(r, "joinUrl");
        return new Meeting(group, number, extraordinary, date, start, end, location, joinUrl, [], []);
    }

    private Task<RowOutcome> ApplyMeetingAsync(Meeting row, bool write, RunState state, CancellationToken ct) =>
        ApplyAsync(meetings.Row(row.GroupCode, row.Number), stored =>
        {
            if (stored is null) return Write(row, CsvRowChange.Created);
            var next = stored with
            {
                IsExtraordinary = row.IsExtraordinary,
                Date = row.Date,
                Start = row.Start,
                End = row.End,
                Location = Keep(stored.Location, row.Location),
                JoinUrl = Keep(stored.JoinUrl, row.JoinUrl),
            };
            return Same(next, stored) ? Unchanged<Meeting>() : Write(next, CsvRowChange.Updated);
        }, write, ct);

    // ---- Change requests ----

    [GeneratedRegex(@"^CR\d{3}$")]
    private static partial Regex CrIdRegex();

    private static ChangeRequest ParseChange(CsvRowReader r)
    {
        var id = r.Key("id").ToUpperInvariant();
        if (id.Length > 0 && !CrIdRegex().IsMatch(id)) r.Fail("id", $"'{id}' is not a CR id (CR and three digits, e.g. CR043)");
        var title = r.Required("title", 500);
        var raiser = r.Optional("raiser", 500);
        var stage = r.Enum<ChangeRequestStage>("stage", required: true) ?? ChangeRequestStage.Raised;
        var outcome = r.Enum<ChangeRequestOutcome>("outcome", required: false);
        var release = r.Optional("targetRelease", 500);
        var opens = r.Date("iaOpens");
        var closes = r.Date("iaCloses");
        if (opens is { } o && closes is { } c && c < o) r.Fail("iaCloses", "is before iaOpens");
        var summary = r.Optional("summary");
        return new ChangeRequest(id, title, raiser, stage, outcome, [], opens, closes, [], release, [], summary);
    }

    private Task<RowOutcome> ApplyChangeAsync(ChangeRequest row, bool write, RunState state, CancellationToken ct) =>
        ApplyAsync(changes.Row(row.Id), stored =>
        {
            if (stored is null) return Write(row, CsvRowChange.Created);
            var next = stored with
            {
                Title = row.Title,
                Raiser = Keep(stored.Raiser, row.Raiser),
                Stage = row.Stage,
                Outcome = row.Outcome,
                TargetRelease = Keep(stored.TargetRelease, row.TargetRelease),
                ImpactAssessmentOpens = row.ImpactAssessmentOpens,
                ImpactAssessmentCloses = row.ImpactAssessmentCloses,
                Summary = Keep(stored.Summary, row.Summary),
            };
            return Same(next, stored) ? Unchanged<ChangeRequest>() : Write(next, CsvRowChange.Updated);
        }, write, ct);

    // ---- Checklist ----

    private static ChecklistItem ParseChecklist(CsvRowReader r)
    {
        var published = r.Date("published", required: true) ?? default;
        var number = r.Int("number", required: true, min: 1, max: 999) ?? 0;
        var text = r.Required("text");
        var deadline = r.Date("deadline");
        var reminder = r.Bool("reminder");
        var link = Url(r, "link");
        var source = r.Optional("source", 200);
        // The CSV has no constituency column: they are read from the text, as from papers.
        var (constituencies, dated) = ChecklistAudience.Read(text, deadline);
        return new ChecklistItem(published, number, text, deadline, reminder, link, source, constituencies, dated);
    }

    private Task<RowOutcome> ApplyChecklistAsync(ChecklistItem row, bool write, RunState state, CancellationToken ct)
    {
        // The deadline names the partition, so an item whose deadline changes is found through the list (read once
        // per import, and again only after a lost race). A new item is upserted: the store has no add.
        var reads = 0;
        var item = new VersionedRow<ChecklistItem>($"Checklist item {row.Id}", async token =>
        {
            if (reads++ > 0) state.Checklist = null;
            state.Checklist ??= await checklist.ListAsync(token);
            var listed = state.Checklist.FirstOrDefault(i => i.Id == row.Id);
            return listed is null ? null : await checklist.GetAsync(listed.Id, listed.Deadline, token);
        }, checklist.UpsertAsync, checklist.UpdateAsync);
        return ApplyAsync(item, stored =>
        {
            if (stored is null) return Write(row, CsvRowChange.Created);
            var next = row with
            {
                Link = Keep(stored.Link, row.Link),
                Source = Keep(stored.Source, row.Source),
                // Not in the CSV: what is stored (from papers or by hand) stands while the text is the same.
                Constituencies = row.Text == stored.Text ? stored.Constituencies : row.Constituencies,
                Dated = row.Text == stored.Text ? stored.Dated : row.Dated,
            };
            return Same(next, stored) ? Unchanged<ChecklistItem>() : Write(next, CsvRowChange.Updated);
        }, write, ct);
    }

    // ---- People ----

    private static Person ParsePerson(CsvRowReader r)
    {
        var id = r.Key("id");
        if (id.Length > 0 && !Regex.IsMatch(id, "^[a-z0-9][a-z0-9.-]*$")) r.Fail("id", $"'{id}' is not a person id (lower-case letters, digits, '-' and '.', e.g. lee-cox)");
        var name = r.Required("name", 200);
        var email = r.Required("email", 320).Trim();
        if (email.Length > 0 && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace))) r.Fail("email", $"'{email}' is not an e-mail address");
        var organisation = r.Optional("organisation", 300);
        var oid = r.Optional("entraObjectId", 100)?.Trim();
        if (oid is not null && !Guid.TryParse(oid, out _)) r.Fail("entraObjectId", $"'{oid}' is not an Entra object id (a GUID)");
        var aliases = (r.Optional("aliases", 2000) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var isPmo = r.Bool("isPmo");
        return new Person(id, oid, name, email, organisation, aliases, isPmo);
    }

    private Task<RowOutcome> ApplyPersonAsync(Person row, bool write, RunState state, CancellationToken ct) =>
        ApplyAsync(people.Row(row.Id), stored =>
        {
            if (stored is null) return Write(row, CsvRowChange.Created);
            var next = row with
            {
                Organisation = Keep(stored.Organisation, row.Organisation),
                EntraObjectId = Keep(stored.EntraObjectId, row.EntraObjectId),
            };
            return Same(next, stored) ? Unchanged<Person>() : Write(next, CsvRowChange.Updated);
        }, write, ct);

    // ---- Helpers ----

    /// <summary>
    /// Plans the row against what is stored; when writing, writes it under the ETag, re-planning on the latest version
    /// after a lost race (<see cref="Attempts"/> in all).
    /// </summary>
    private static async Task<RowOutcome> ApplyAsync<T>(VersionedRow<T> row, Func<T?, Planned<T, RowOutcome>> plan, bool write, CancellationToken ct)
        where T : class
    {
        if (!write) return plan((await row.Read(ct))?.Value).Outcome;
        return (await ETagUpdate.UpdateAsync(row, plan, Attempts, ct)).Outcome;
    }

    private static Planned<T, RowOutcome> Write<T>(T next, CsvRowChange change) where T : class => new(next, new(change));

    private static Planned<T, RowOutcome> Unchanged<T>() where T : class => new(null, new(CsvRowChange.Unchanged));

    private static string? Url(CsvRowReader r, string column)
    {
        var value = r.Optional(column, 2000)?.Trim();
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            r.Fail(column, $"'{value}' is not a web address (https://…)");
        }
        return value;
    }

    /// <summary>A blank cell and an empty stored value are the same thing: keep what is stored.</summary>
    private static string? Keep(string? stored, string? imported) =>
        string.IsNullOrEmpty(stored) && string.IsNullOrEmpty(imported) ? stored : imported;

    private static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
