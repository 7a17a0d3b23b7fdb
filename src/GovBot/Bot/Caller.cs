using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.Groups;

namespace GovBot.Bot;

/// <summary>Who is asking: the Teams user resolved to a person of the governance directory (or not), with their seats and powers.</summary>
/// <param name="Person">Null when GovBot cannot match the Teams user to anyone it knows.</param>
/// <param name="IsPmo">Programme-office powers: decided on the server, never taken from a card payload.</param>
public sealed record Caller(
    string? AadObjectId,
    string DisplayName,
    Person? Person,
    IReadOnlyList<GroupMembership> Memberships,
    bool IsPmo)
{
    /// <summary>The owner parties that make an action this caller's, each with the reason shown on the card.</summary>
    public IReadOnlyList<(OwnerParty Party, string Reason)> OwnerParties()
    {
        var parties = new List<(OwnerParty, string)>();
        if (Person is null) return parties;
        parties.Add((new OwnerParty(OwnerPartyKind.Person, Person.Id), "you are named as the owner"));
        foreach (var seat in Memberships)
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
        if (IsPmo)
        {
            parties.Add((new OwnerParty(OwnerPartyKind.Pmo, "PMO"), "it is for the PMO, and you are in the PMO"));
        }
        return parties.DistinctBy(p => p.Item1).ToList();
    }

    /// <summary>Why the action is this caller's, or null when it is not.</summary>
    public string? OwnershipReason(ActionItem action)
    {
        foreach (var (party, reason) in OwnerParties())
        {
            if (action.Owners.Contains(party)) return reason;
        }
        return null;
    }
}
