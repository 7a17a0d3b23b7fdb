using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;

namespace GovBot.Recognition;

/// <summary>What a member asked for. <see cref="Explanation"/> says in plain words what was understood and from which words.</summary>
public abstract record Intent(string Explanation);

/// <summary>An inclusive range of days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>Which actions to list. An empty <see cref="Statuses"/> means every status that is not closed.</summary>
/// <param name="Mine">"my actions": the caller's own, including collective and role ownership.</param>
/// <param name="Overdue">Only actions past their due date and not closed.</param>
public sealed record ActionFilter(
    bool Mine,
    string? GroupCode,
    string? PersonId,
    string? PersonName,
    IReadOnlySet<ActionStatus> Statuses,
    bool Overdue,
    DateRange? DueWindow)
{
    public static readonly IReadOnlySet<ActionStatus> NotClosed =
        new HashSet<ActionStatus> { ActionStatus.Open, ActionStatus.Ongoing, ActionStatus.RecommendClosed };

    /// <summary>The statuses to include: those asked for, or every not-closed status when none was named.</summary>
    public IReadOnlySet<ActionStatus> EffectiveStatuses => Statuses.Count == 0 ? NotClosed : Statuses;
}

public sealed record ListActions(ActionFilter Filter, string Explanation) : Intent(Explanation);

/// <summary>One action by its ref, canonical form "DAG33-04".</summary>
public sealed record ShowAction(string Ref, string Explanation) : Intent(Explanation);

public sealed record NextMeeting(string GroupCode, string Explanation) : Intent(Explanation);

/// <summary>Meetings of every group; <see cref="Window"/> null means "from today on".</summary>
public sealed record UpcomingMeetings(DateRange? Window, string? GroupCode, string Explanation) : Intent(Explanation);

/// <summary>One numbered meeting ("agenda for DAG 34").</summary>
public sealed record ShowMeeting(string GroupCode, string Number, string Explanation) : Intent(Explanation);

/// <summary>One change request by id, canonical form "CR043".</summary>
public sealed record ShowChangeRequest(string Id, string Explanation) : Intent(Explanation);

/// <summary>Change requests; <see cref="Stage"/> null and <see cref="OpenOnly"/> false means all of them.</summary>
public sealed record ListChangeRequests(ChangeRequestStage? Stage, bool OpenOnly, string Explanation) : Intent(Explanation);

/// <summary>Participant checklist deadlines; <see cref="Window"/> null means "from today on".</summary>
public sealed record ListDeadlines(DateRange? Window, string Explanation) : Intent(Explanation);

public sealed record ListMilestones(string Explanation) : Intent(Explanation);

public sealed record ShowGroup(string GroupCode, string Explanation) : Intent(Explanation);

public sealed record ShowHelp(string Explanation) : Intent(Explanation);

public sealed record ShowWelcome(string Explanation) : Intent(Explanation);

/// <summary>Which reminders a command is about.</summary>
public enum ReminderKind
{
    /// <summary>Every reminder GovBot sends the caller.</summary>
    All,
    /// <summary>Only participant checklist deadline reminders.</summary>
    Checklist,
}

/// <summary>"reminders off", "checklist reminders on".</summary>
public sealed record SetReminders(ReminderKind Kind, bool Enabled, string Explanation) : Intent(Explanation);

/// <summary>"my reminder settings".</summary>
public sealed record ShowReminderSettings(string Explanation) : Intent(Explanation);

/// <summary>What a subscription is to: a group's notices, or the participant checklist.</summary>
public sealed record SubscriptionTarget(string? GroupCode, bool Checklist)
{
    public override string ToString() => Checklist ? "checklist" : GroupCode ?? "";
}

/// <summary>"subscribe DAG", "subscribe checklist".</summary>
public sealed record Subscribe(SubscriptionTarget Target, string Explanation) : Intent(Explanation);

/// <summary>"unsubscribe DAG".</summary>
public sealed record Unsubscribe(SubscriptionTarget Target, string Explanation) : Intent(Explanation);

/// <summary>"subscriptions": list the caller's subscriptions.</summary>
public sealed record ListSubscriptions(string Explanation) : Intent(Explanation);

/// <summary>"post notice" (PMO only; the handler checks).</summary>
public sealed record PostNotice(string Explanation) : Intent(Explanation);

/// <summary>"notice report 12" (PMO only; the handler checks): deliveries, failures, apologies of notice 12.</summary>
public sealed record NoticeReport(int Number, string Explanation) : Intent(Explanation);

/// <summary>"reminder report" (PMO only; the handler checks).</summary>
public sealed record ReminderReport(string Explanation) : Intent(Explanation);

/// <summary>Not understood; <see cref="Suggestions"/> are the closest example questions.</summary>
public sealed record Unknown(string Text, IReadOnlyList<string> Suggestions, string Explanation) : Intent(Explanation);
