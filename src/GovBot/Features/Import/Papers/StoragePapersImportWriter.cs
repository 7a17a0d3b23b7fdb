using GovBot.Features.Search;
using System.Text.Json;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Meetings;
using GovBot.Features.Papers;
using GovBot.Storage;

namespace GovBot.Features.Import;

/// <summary>
/// Writes imported papers into storage, idempotently: rows that would not change are not written, nothing is deleted,
/// what the PMO set by hand (a meeting's join link, a decision's outcome) is kept, and every action change goes
/// through <see cref="PapersImportPlan.ApplyAction"/> under its ETag (re-read and re-applied on a conflict).
/// </summary>
public sealed class StoragePapersImportWriter(
    ActionStore actions,
    MeetingStore meetings,
    DecisionStore decisions,
    ChecklistStore checklist,
    PersonStore people,
    EventStore events,
    GroupUpdateStore groupUpdates,
    PaperCommands papers,
    SearchChanges? search = null) : IPapersImportWriter
{
    /// <summary>Writes tried per action when other writers keep changing it.</summary>
    private const int Attempts = 4;

    public Task<string> WriteAsync(PapersImport import, CancellationToken cancellationToken) => WriteAsync(import, null, cancellationToken);

    /// <summary>The import's records, then the paper itself (original, record, passages) when its file is given.</summary>
    public async Task<string> WriteAsync(PapersImport import, PaperFile? paper, CancellationToken cancellationToken)
    {
        var plan = PapersImportPlan.Create(import);
        var directory = await people.ListAsync(cancellationToken);
        var counts = new Dictionary<ActionChangeKind, int>();

        var meetingWritten = plan.Meeting is { } meeting && await WriteMeetingAsync(meeting, cancellationToken);
        var decisionsWritten = 0;
        foreach (var decision in plan.Decisions)
        {
            if (await WriteDecisionAsync(decision, cancellationToken)) decisionsWritten++;
        }
        var checklistWritten = 0;
        foreach (var item in plan.Checklist)
        {
            if (await WriteChecklistItemAsync(item, cancellationToken)) checklistWritten++;
        }
        var announced = await WriteAnnouncementsAsync(plan, cancellationToken);
        foreach (var row in plan.ActionRows)
        {
            var kind = await WriteActionAsync(plan, row, directory, cancellationToken);
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        if (search is not null)
        {
            await search.SourcesChangedAsync([ActionSearchSource.SourceName, MeetingSearchSource.SourceName, DecisionSearchSource.SourceName, ChecklistSearchSource.SourceName,
                EventSearchSource.SourceName, GroupUpdateSearchSource.SourceName], cancellationToken);
        }

        string Count(ActionChangeKind kind) => $"{counts.GetValueOrDefault(kind)} {kind.ToString().ToLowerInvariant()}";
        return $"Actions: {Count(ActionChangeKind.Created)}, {Count(ActionChangeKind.Updated)}, {Count(ActionChangeKind.Unchanged)}, " +
               $"{Count(ActionChangeKind.Stale)}, {Count(ActionChangeKind.Skipped)}. " +
               $"Meeting: {(plan.Meeting is null ? "not imported" : meetingWritten ? "written" : "unchanged")}. " +
               $"Decisions written: {decisionsWritten}. Checklist items written: {checklistWritten}. " +
               $"Announced meetings written: {announced.Meetings}. Events written: {announced.Events}. Group updates written: {announced.Updates}." +
               (paper is null ? "" : " " + (await KeepAndIndexAsync(import, paper, cancellationToken)).Summary);
    }

    private async Task<PaperKept> KeepAndIndexAsync(PapersImport import, PaperFile paper, CancellationToken cancellationToken)
    {
        var kept = await KeepAsync(import, paper, cancellationToken);
        if (search is not null && kept.Kind is PaperKeptKind.Added or PaperKeptKind.Replaced)
        {
            await search.SourcesChangedAsync([PaperSearchSource.SourceName], cancellationToken);
        }
        return kept;
    }

    /// <summary>
    /// Announced meetings, events and group updates, each written only when new or changed. A group's meeting the
    /// store already has on that day (recorded with its number, or announced before) is kept: recorded beats announced.
    /// </summary>
    private async Task<(int Meetings, int Events, int Updates)> WriteAnnouncementsAsync(PapersImportPlan plan, CancellationToken cancellationToken)
    {
        int meetingsWritten = 0, eventsWritten = 0, updatesWritten = 0;
        foreach (var group in plan.AnnouncedMeetings.GroupBy(m => m.GroupCode))
        {
            var known = await meetings.ListByGroupAsync(group.Key, cancellationToken);
            foreach (var announced in group)
            {
                var same = known.FirstOrDefault(k => k.Number == announced.Number);
                if (same is not null ? Same(same, announced) : known.Any(k => k.Date == announced.Date)) continue;
                await meetings.UpsertAsync(announced, cancellationToken);
                meetingsWritten++;
            }
        }
        foreach (var e in plan.Events)
        {
            if (await events.GetAsync(e, cancellationToken) is { } stored && Same(stored.Value, e)) continue;
            await events.UpsertAsync(e, cancellationToken);
            eventsWritten++;
        }
        foreach (var u in plan.GroupUpdates)
        {
            if (await groupUpdates.GetAsync(u.GroupCode, u.MeetingDate, u.Order, cancellationToken) is { } stored && Same(stored.Value, u)) continue;
            await groupUpdates.UpsertAsync(u, cancellationToken);
            updatesWritten++;
        }
        return (meetingsWritten, eventsWritten, updatesWritten);
    }

    /// <summary>Keeps the paper under the identity the parser read (group, meeting, document id).</summary>
    public Task<PaperKept> KeepAsync(PapersImport import, PaperFile paper, CancellationToken cancellationToken) =>
        papers.KeepAsync(new PaperIdentity(import.Meeting.Group, import.Meeting.Number, import.Meeting.Date, import.Meeting.DocumentId), paper, cancellationToken);

    private async Task<ActionChangeKind> WriteActionAsync(PapersImportPlan plan, PapersActionRow row, IReadOnlyList<Person> directory, CancellationToken cancellationToken)
    {
        // Someone may change the action meanwhile: the papers are then re-applied on top of their change.
        var result = await ETagUpdate.UpdateAsync(actions.Row(row.Ref), stored =>
        {
            var change = plan.ApplyAction(stored, row);
            return change is { Kind: ActionChangeKind.Created or ActionChangeKind.Updated, Result: { } next }
                ? new Planned<ActionItem, ActionChangeKind>(next with { Owners = ToDirectoryIds(next.Owners, directory) }, change.Kind)
                : new(null, change.Kind);
        }, Attempts, cancellationToken);
        return result.Outcome;
    }

    /// <summary>Owner names in papers are spelt as written ("Paul Pettit"); the directory knows the person by name or alias.</summary>
    internal static IReadOnlyList<OwnerParty> ToDirectoryIds(IReadOnlyList<OwnerParty> owners, IReadOnlyList<Person> directory) =>
        owners.Select(o =>
        {
            if (o.Kind != OwnerPartyKind.Person || directory.Any(p => p.Id == o.Value)) return o;
            var match = directory.FirstOrDefault(p =>
                Slug(p.Name) == o.Value || p.Aliases.Any(a => Slug(a) == o.Value));
            return match is null ? o : o with { Value = match.Id };
        }).Distinct().ToList();

    private static string Slug(string name) => name.Trim().ToLowerInvariant().Replace(' ', '-');

    private async Task<bool> WriteMeetingAsync(Meeting imported, CancellationToken cancellationToken)
    {
        var existing = await meetings.GetAsync(imported.GroupCode, imported.Number, cancellationToken);
        if (existing is null)
        {
            await meetings.UpsertAsync(imported, cancellationToken);
            return true;
        }
        var merged = MergeMeeting(existing.Value, imported);
        if (Same(merged, existing.Value)) return false;
        await meetings.UpdateAsync(existing, merged, cancellationToken);
        return true;
    }

    /// <summary>The stored meeting with the papers' date, times, agenda and new documents; the PMO's join link and location kept.</summary>
    private static Meeting MergeMeeting(Meeting stored, Meeting imported) => stored with
    {
        Date = imported.Date,
        Start = imported.Start ?? stored.Start,
        End = imported.End ?? stored.End,
        Agenda = imported.Agenda.Count > 0 ? imported.Agenda : stored.Agenda,
        Documents = [.. stored.Documents, .. imported.Documents.Where(d => !stored.Documents.Any(s => s.Kind == d.Kind && (s.DocumentId == d.DocumentId || d.DocumentId is null)))],
    };

    /// <summary>What <see cref="WriteAsync"/> would change, without writing anything (the preview a PMO member confirms).</summary>
    public async Task<PapersImportPreview> PreviewAsync(PapersImport import, CancellationToken cancellationToken)
    {
        var plan = PapersImportPlan.Create(import);
        var actionCounts = new Dictionary<ActionChangeKind, int>();
        foreach (var row in plan.ActionRows)
        {
            var existing = await actions.GetAsync(row.Ref, cancellationToken);
            var kind = plan.ApplyAction(existing?.Value, row).Kind;
            actionCounts[kind] = actionCounts.GetValueOrDefault(kind) + 1;
        }
        int newChecklist = 0, changedChecklist = 0;
        foreach (var item in plan.Checklist)
        {
            var existing = await checklist.GetAsync(item.Id, item.Deadline, cancellationToken);
            if (existing is null) newChecklist++;
            else if (!Same(existing.Value, item)) changedChecklist++;
        }
        int newDecisions = 0, changedDecisions = 0;
        foreach (var decision in plan.Decisions)
        {
            var existing = await decisions.GetAsync(decision.GroupCode, decision.Number, cancellationToken);
            if (existing is null) newDecisions++;
            else if (!Same(decision with { Outcome = existing.Value.Outcome ?? decision.Outcome }, existing.Value)) changedDecisions++;
        }
        var meeting = PreviewChange.NotImported;
        if (plan.Meeting is { } m)
        {
            var existing = await meetings.GetAsync(m.GroupCode, m.Number, cancellationToken);
            meeting = existing is null ? PreviewChange.New : Same(MergeMeeting(existing.Value, m), existing.Value) ? PreviewChange.Unchanged : PreviewChange.Changed;
        }
        return new PapersImportPreview(
            import.MeetingTitle,
            actionCounts.GetValueOrDefault(ActionChangeKind.Created),
            actionCounts.GetValueOrDefault(ActionChangeKind.Updated),
            actionCounts.GetValueOrDefault(ActionChangeKind.Unchanged),
            actionCounts.GetValueOrDefault(ActionChangeKind.Stale) + actionCounts.GetValueOrDefault(ActionChangeKind.Skipped),
            newChecklist, changedChecklist, plan.Checklist.Count - newChecklist - changedChecklist,
            meeting, newDecisions, changedDecisions,
            [.. import.Warnings.Select(w => w.ToString()), .. plan.Skipped]);
    }

    private async Task<bool> WriteDecisionAsync(Decision imported, CancellationToken cancellationToken)
    {
        var existing = await decisions.GetAsync(imported.GroupCode, imported.Number, cancellationToken);
        if (existing is null)
        {
            await decisions.UpsertAsync(imported, cancellationToken);
            return true;
        }
        var merged = imported with { Outcome = existing.Value.Outcome ?? imported.Outcome };
        if (Same(merged, existing.Value)) return false;
        await decisions.UpdateAsync(existing, merged, cancellationToken);
        return true;
    }

    private async Task<bool> WriteChecklistItemAsync(ChecklistItem imported, CancellationToken cancellationToken)
    {
        var existing = await checklist.GetAsync(imported.Id, imported.Deadline, cancellationToken);
        if (existing is not null && Same(existing.Value, imported)) return false;
        await checklist.UpsertAsync(imported, cancellationToken);
        return true;
    }

    private static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}

public enum PreviewChange
{
    New,
    Changed,
    Unchanged,
    NotImported,
}

/// <summary>What importing a set of papers would change.</summary>
/// <param name="KeptActions">Rows not applied: older than the stored action's last change, or unreadable.</param>
public sealed record PapersImportPreview(
    string MeetingTitle,
    int NewActions,
    int ChangedActions,
    int UnchangedActions,
    int KeptActions,
    int NewChecklistItems,
    int ChangedChecklistItems,
    int UnchangedChecklistItems,
    PreviewChange Meeting,
    int NewDecisions,
    int ChangedDecisions,
    IReadOnlyList<string> Warnings)
{
    public bool ChangesAnything => NewActions + ChangedActions + NewChecklistItems + ChangedChecklistItems + NewDecisions + ChangedDecisions > 0
        || Meeting is PreviewChange.New or PreviewChange.Changed;
}
