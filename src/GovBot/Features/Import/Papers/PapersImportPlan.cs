using System.Text.RegularExpressions;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Meetings;
using TimeZoneConverter;

namespace GovBot.Features.Import;

internal enum ActionChangeKind
{
    /// <summary>Not in storage yet: store <see cref="ActionChange.Result"/>.</summary>
    Created,
    /// <summary>Newer papers changed it: store <see cref="ActionChange.Result"/> (history appended).</summary>
    Updated,
    /// <summary>Nothing new (the same papers imported again).</summary>
    Unchanged,
    /// <summary>The papers are older than the action's last change: newer state is kept.</summary>
    Stale,
    /// <summary>The row could not be imported (see the reason); nothing to store.</summary>
    Skipped,
}

/// <param name="Result">The item to store for Created and Updated; the existing item otherwise (null when skipped and new).</param>
internal sealed record ActionChange(string Ref, ActionChangeKind Kind, ActionItem? Result, string? Reason = null);

/// <summary>
/// Maps a <see cref="PapersImport"/> onto the domain records (Meeting, Decision, ChecklistItem, ActionItem).
/// Pure: the storage write path loads each existing <see cref="ActionItem"/> by ref, calls
/// <see cref="ApplyAction"/>, and saves the result when it is Created or Updated.
/// </summary>
internal sealed record PapersImportPlan(
    string Source,
    string? GroupCode,
    DateTimeOffset? AsOf,
    Meeting? Meeting,
    IReadOnlyList<PapersActionRow> ActionRows,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<string> Skipped)
{
    public const string ImportAuthor = "Papers import";

    /// <summary>Meetings the papers announce (other groups', workshops), each citing these papers; see <see cref="PapersAnnouncements"/>.</summary>
    public IReadOnlyList<Meeting> AnnouncedMeetings { get; init; } = [];

    /// <summary>Events the papers announce.</summary>
    public IReadOnlyList<ProgrammeEvent> Events { get; init; } = [];

    /// <summary>Other groups' updates the papers report.</summary>
    public IReadOnlyList<GroupUpdate> GroupUpdates { get; init; } = [];

    private static readonly TimeZoneInfo UkTime = TZConvert.GetTimeZoneInfo("Europe/London");

    public static PapersImportPlan Create(PapersImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var m = import.Meeting;
        var source = $"{import.MeetingTitle} papers";
        var skipped = new List<string>();

        DateTimeOffset? asOf = m.Date is { } d ? StartOfUkDay(d) : null;
        Meeting? meeting = null;
        var decisions = new List<Decision>();
        if (m is { Group: { } g, Number: { } n, Date: { } date })
        {
            meeting = new Meeting(
                g, n, IsExtraordinary: n.Contains('.', StringComparison.Ordinal), date, m.Start, m.End, Location: null, JoinUrl: null,
                import.Agenda.Select(a => new AgendaItem(a.Number, a.Title, Objective: null, a.Type, a.Lead, a.Start, a.End)).ToList(),
                [new MeetingDocument($"{g} {n} Papers", "Papers", m.DocumentId, Version: null, Url: null)]);
            decisions.AddRange(import.Decisions.Select(x => new Decision(x.Number, g, n, x.Text, Outcome: null)));
        }
        else
        {
            skipped.Add("meeting and decisions: the papers' group, number or date is unknown");
        }

        var checklist = new List<ChecklistItem>();
        if ((m.ChecklistUpdatedTo ?? m.Date) is { } published)
        {
            checklist.AddRange(import.Checklist.Select(c => new ChecklistItem(published, c.Number, c.Text, c.Deadline, c.Reminder, Link: null, Source: import.MeetingTitle, c.Constituencies, c.Dated)));
        }
        else if (import.Checklist.Count > 0)
        {
            skipped.Add("participant checklist: the papers' date is unknown");
        }
        if (asOf is null && import.Actions.Count > 0)
        {
            skipped.Add("actions: the papers' date is unknown, so they cannot be ordered against newer updates");
        }
        return new PapersImportPlan(source, m.Group, asOf, meeting, import.Actions, decisions, checklist, skipped)
        {
            AnnouncedMeetings = PapersAnnouncements.Meetings(import, source),
            Events = PapersAnnouncements.Events(import, source),
            GroupUpdates = PapersAnnouncements.GroupUpdates(import, source),
        };
    }

    /// <summary>The change one action row makes to the stored action (null when there is none yet).</summary>
    public ActionChange ApplyAction(ActionItem? existing, PapersActionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (AsOf is not { } asOf) return new ActionChange(row.Ref, ActionChangeKind.Skipped, existing, "the papers' date is unknown");

        if (existing is null)
        {
            if (row.Status is not { } status) return new ActionChange(row.Ref, ActionChangeKind.Skipped, null, "status could not be read");
            if (row.Text.Length == 0) return new ActionChange(row.Ref, ActionChangeKind.Skipped, null, "action text could not be read");
            var (group, number) = PapersParser.RefParts(row.Ref);
            var created = new ActionItem(
                row.Ref, group, number, row.Raised, row.Text, row.Owner ?? "", OwnerResolver.Resolve(row.Owner, GroupCode ?? group),
                row.Due, status, row.Update,
                [new ActionUpdate(asOf, AuthorPersonId: null, ImportAuthor, $"Imported from {Source}", status, row.Due)]);
            return new ActionChange(row.Ref, ActionChangeKind.Created, created);
        }

        if (existing.History.Count > 0 && asOf < existing.History[^1].At)
        {
            return new ActionChange(row.Ref, ActionChangeKind.Stale, existing, $"{Source} are older than the last change ({existing.History[^1].At:yyyy-MM-dd})");
        }

        // Unread values (null) never overwrite what is stored.
        var next = existing with
        {
            Status = row.Status ?? existing.Status,
            LatestUpdate = row.Update ?? existing.LatestUpdate,
            Due = row.Due ?? existing.Due,
            Raised = existing.Raised ?? row.Raised,
            Text = row.Text.Length > 0 ? row.Text : existing.Text,
            OwnerText = row.Owner ?? existing.OwnerText,
            Owners = row.Owner is null || row.Owner == existing.OwnerText ? existing.Owners : OwnerResolver.Resolve(row.Owner, existing.GroupCode),
        };
        if (next.Status == existing.Status && next.LatestUpdate == existing.LatestUpdate && next.Due == existing.Due
            && next.Text == existing.Text && next.OwnerText == existing.OwnerText && next.Raised == existing.Raised)
        {
            return new ActionChange(row.Ref, ActionChangeKind.Unchanged, existing);
        }
        var what = next.Status != existing.Status ? $"status {existing.Status} → {next.Status}" : "latest update changed";
        if (next.Due != existing.Due) what += $", due {next.Due:yyyy-MM-dd}";
        return new ActionChange(row.Ref, ActionChangeKind.Updated,
            next.Recording(new ActionUpdate(asOf, AuthorPersonId: null, ImportAuthor, $"Updated from {Source}: {what}", next.Status, next.Due)));
    }

    internal static DateTimeOffset StartOfUkDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, UkTime.GetUtcOffset(local));
    }
}

/// <summary>Owner text as written → the parties it names. Names become person-id slugs ("ian-smith"); the directory resolves aliases.</summary>
internal static partial class OwnerResolver
{
    [GeneratedRegex(@"^(?<code>[A-Z]{2,6})\s+[Mm]embers$")]
    private static partial Regex MembersRegex();

    [GeneratedRegex(@"(?:^|\()\s*(?:(?<code>[A-Z]{2,6})\s+)?Chair\b")]
    private static partial Regex ChairRegex();

    [GeneratedRegex(@"\((?<inner>[^()]+)\)\s*$")]
    private static partial Regex ParenRegex();

    [GeneratedRegex(@"^[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}$")]
    private static partial Regex PersonNameRegex();

    public static IReadOnlyList<OwnerParty> Resolve(string? ownerText, string groupCode)
    {
        if (string.IsNullOrWhiteSpace(ownerText)) return [];
        var parties = new List<OwnerParty>();
        foreach (var part in PartySplitRegex().Split(ownerText).Where(p => p.Length > 0))
        {
            parties.AddRange(ResolveParty(part.Trim(), groupCode));
        }
        return parties.Distinct().ToList();
    }

    // Parties are separated by , & and / ; + outside brackets ("Elexon (Jane Doe) / LDSOs (John Roe)").
    [GeneratedRegex(@"\s*(?:,|&|/|;|\+|\band\b)\s*(?![^(]*\))")]
    private static partial Regex PartySplitRegex();

    // Several people inside one party's brackets ("LDSOs (John Roe, Ann Lee)").
    [GeneratedRegex(@"\s*(?:,|&|/|;|\band\b)\s*")]
    private static partial Regex PeopleSplitRegex();

    /// <summary>One party: a role, a collective, or an organisation; with several people in its brackets, each of them.</summary>
    private static IEnumerable<OwnerParty> ResolveParty(string text, string groupCode)
    {
        if (ParenRegex().Match(text) is { Success: true } p && PeopleSplitRegex().IsMatch(p.Groups["inner"].Value))
        {
            var people = PeopleSplitRegex().Split(p.Groups["inner"].Value.Trim()).Where(x => x.Length > 0).ToList();
            if (people.All(x => PersonNameRegex().IsMatch(x)))
            {
                return people.Select(x => new OwnerParty(OwnerPartyKind.Person, x.ToLowerInvariant().Replace(' ', '-')));
            }
        }
        return [ResolveOne(text, groupCode)];
    }

    private static OwnerParty ResolveOne(string text, string groupCode)
    {
        if (MembersRegex().Match(text) is { Success: true } members) return new OwnerParty(OwnerPartyKind.GroupMembers, members.Groups["code"].Value);
        if (text is "PMO" or "Programme (PMO)" or "Secretariat") return new OwnerParty(OwnerPartyKind.Pmo, "PMO");
        if (ChairRegex().Match(text) is { Success: true } chair)
        {
            return new OwnerParty(OwnerPartyKind.GroupChair, chair.Groups["code"].Success ? chair.Groups["code"].Value : groupCode);
        }
        var inner = ParenRegex().Match(text) is { Success: true } p ? p.Groups["inner"].Value.Trim() : text;
        if (PersonNameRegex().IsMatch(inner) && !Regex.IsMatch(inner, @"\b(?:Team|Group|Board|Office)$"))
        {
            return new OwnerParty(OwnerPartyKind.Person, inner.ToLowerInvariant().Replace(' ', '-'));
        }
        return new OwnerParty(OwnerPartyKind.Organisation, text);
    }
}
