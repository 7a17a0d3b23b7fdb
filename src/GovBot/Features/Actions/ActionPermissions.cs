using GovBot.Bot;
using GovBot.Features.Groups;

namespace GovBot.Features.Actions;

/// <summary>The changes a caller may ask for on an action (one per card button).</summary>
internal enum ActionOperation
{
    Update,
    RecommendClose,
    Close,
    Reopen,
    ChangeDue,
}

/// <summary>
/// Who may do what to an action, in one place: owners may post updates and recommend closure; the PMO may post
/// updates, close, reopen and change the due date; nobody changes a closed action except to reopen it. The card's
/// buttons, the handler's refusals and the "Why: …" line of a list all come from here, decided from the caller's
/// identity and the stored action (never from a card payload).
/// </summary>
internal sealed record ActionPermissions(ActionItem Action, bool IsPmo, string? OwnershipReason)
{
    public static ActionPermissions For(Caller caller, ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(action);
        var reason = OwnerParties(caller).Where(p => action.Owners.Contains(p.Party)).Select(p => p.Reason).FirstOrDefault();
        return new(action, caller.IsPmo, reason);
    }

    /// <summary>The owner parties that make an action this caller's, most personal first, each with the reason a list shows.</summary>
    public static IReadOnlyList<(OwnerParty Party, string Reason)> OwnerParties(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var parties = new List<(OwnerParty, string)>();
        if (caller.Person is null) return parties;
        parties.Add((new OwnerParty(OwnerPartyKind.Person, caller.Person.Id), "you are named as the owner"));
        foreach (var seat in caller.Memberships)
        {
            if (seat.Role == MembershipRole.Chair)
            {
                parties.Add((new OwnerParty(OwnerPartyKind.GroupChair, seat.GroupCode), $"you chair {seat.GroupCode}"));
            }
            if (seat.Role is MembershipRole.Member or MembershipRole.Chair or MembershipRole.Alternate)
            {
                parties.Add((new OwnerParty(OwnerPartyKind.GroupMembers, seat.GroupCode), $"it is for {seat.GroupCode} members, and you are one"));
            }
        }
        if (caller.IsPmo)
        {
            parties.Add((new OwnerParty(OwnerPartyKind.Pmo, "PMO"), "it is for the PMO, and you are in the PMO"));
        }
        return parties.DistinctBy(p => p.Item1).ToList();
    }

    public bool IsOwner => OwnershipReason is not null;

    /// <summary>Null when the caller may do this to the action now; otherwise a polite reason.</summary>
    public string? Refusal(ActionOperation operation) => operation switch
    {
        ActionOperation.Update when !IsOwner && !IsPmo => "Only the action's owners (or the PMO) can post an update on it.",
        ActionOperation.RecommendClose when !IsOwner => "Only the action's owners can recommend it for closure.",
        ActionOperation.RecommendClose when Action.Status is ActionStatus.Closed or ActionStatus.RecommendClosed => "This action is already closed or recommended for closure.",
        ActionOperation.Close or ActionOperation.Reopen or ActionOperation.ChangeDue when !IsPmo => "Only the PMO can close, reopen or re-date actions.",
        ActionOperation.Close when Action.IsClosed => "This action is already closed.",
        ActionOperation.Reopen when !Action.IsClosed => "This action is not closed.",
        ActionOperation.Update or ActionOperation.ChangeDue when Action.IsClosed => "This action is closed. The PMO can reopen it.",
        _ => null,
    };

    public bool Allows(ActionOperation operation) => Refusal(operation) is null;

    /// <summary>The buttons the detail card shows: exactly the operations allowed now.</summary>
    public ActionButtons Buttons =>
        Enum.GetValues<ActionOperation>().Where(Allows).Aggregate(ActionButtons.None, (buttons, op) => buttons | ButtonOf(op));

    private static ActionButtons ButtonOf(ActionOperation operation) => operation switch
    {
        ActionOperation.Update => ActionButtons.Update,
        ActionOperation.RecommendClose => ActionButtons.RecommendClose,
        ActionOperation.Close => ActionButtons.Close,
        ActionOperation.Reopen => ActionButtons.Reopen,
        ActionOperation.ChangeDue => ActionButtons.ChangeDue,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
