using GovBot.Cards;

namespace GovBot.Features.Actions;

/// <summary>A row of a group's action log, e.g. DAG33-07.</summary>
/// <param name="Ref">Group code + meeting number (+ .n) + "-" + two digits.</param>
/// <param name="MeetingNumber">The meeting that raised it ("33", "10.1").</param>
/// <param name="OwnerText">The owner exactly as written ("Programme (Lee Cox)", "DAG members").</param>
/// <param name="Owners">The parties the owner text resolves to; used to answer "my actions" and to index by owner.</param>
/// <param name="History">Every change, oldest first.</param>
public sealed record ActionItem(
    string Ref,
    string GroupCode,
    string? MeetingNumber,
    DateOnly? Raised,
    string Text,
    string OwnerText,
    IReadOnlyList<OwnerParty> Owners,
    DateOnly? Due,
    ActionStatus Status,
    string? LatestUpdate,
    IReadOnlyList<ActionUpdate> History)
{
    public bool IsClosed => Status == ActionStatus.Closed;

    // The changes an action goes through, each recorded in its history. They return the new state and check
    // nothing about who may make them: that is ActionPermissions' job.

    /// <summary>An owner's (or the PMO's) progress note: it becomes the latest update.</summary>
    public ActionItem WithUpdate(string text, ActionAuthor by, DateTimeOffset at) =>
        Recording(new(at, by.PersonId, by.Name, text, null, null)) with { LatestUpdate = text };

    public ActionItem RecommendedForClosure(ActionAuthor by, DateTimeOffset at) =>
        WithStatus(ActionStatus.RecommendClosed, "Recommended for closure", by, at);

    public ActionItem Closed(ActionAuthor by, DateTimeOffset at) => WithStatus(ActionStatus.Closed, "Closed", by, at);

    public ActionItem Reopened(ActionAuthor by, DateTimeOffset at) => WithStatus(ActionStatus.Open, "Reopened", by, at);

    public ActionItem WithDue(DateOnly due, ActionAuthor by, DateTimeOffset at) =>
        Recording(new(at, by.PersonId, by.Name, $"Due date changed to {UkFormat.Date(due)}", null, due)) with { Due = due };

    /// <summary>This action with <paramref name="entry"/> appended to its history (imports say what they changed themselves).</summary>
    public ActionItem Recording(ActionUpdate entry) => this with { History = [.. History, entry] };

    private ActionItem WithStatus(ActionStatus status, string text, ActionAuthor by, DateTimeOffset at) =>
        Recording(new(at, by.PersonId, by.Name, text, status, null)) with { Status = status };
}

/// <summary>Who made a change to an action: a person of the directory, or (PersonId null) an import.</summary>
public sealed record ActionAuthor(string? PersonId, string Name)
{
    public static ActionAuthor Import(string name) => new(null, name);
}

public enum ActionStatus
{
    Open,
    Ongoing,
    RecommendClosed,
    Closed,
}

public enum OwnerPartyKind
{
    /// <summary>A named person; Value is the person id.</summary>
    Person,
    /// <summary>Every member of a group ("DAG members"); Value is the group code.</summary>
    GroupMembers,
    /// <summary>The chair of a group ("Chair", "CCAG Chair"); Value is the group code.</summary>
    GroupChair,
    /// <summary>The programme office ("Programme (PMO)", "PMO"); Value is "PMO".</summary>
    Pmo,
    /// <summary>An organisation or team with no named person ("Programme (Testing Team)"); Value is the text.</summary>
    Organisation,
}

/// <summary>One party responsible for an action.</summary>
public sealed record OwnerParty(OwnerPartyKind Kind, string Value);

/// <summary>One entry of an action's history: who changed what, when.</summary>
/// <param name="AuthorPersonId">The person who made the change, or null for an import from papers.</param>
public sealed record ActionUpdate(
    DateTimeOffset At,
    string? AuthorPersonId,
    string AuthorName,
    string Text,
    ActionStatus? Status,
    DateOnly? Due);
