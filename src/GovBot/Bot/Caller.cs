using GovBot.People;
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
    bool IsPmo);
