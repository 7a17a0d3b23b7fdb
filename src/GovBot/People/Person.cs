namespace GovBot.People;

/// <summary>Someone GovBot knows: from Entra ID in production, from the sample directory locally.</summary>
/// <param name="Id">Stable id within GovBot (lower-case slug such as "ian-smith"); the Entra object id when known is kept separately.</param>
/// <param name="Aliases">Names as they appear in owner text ("Paul Pettit" for Paul Pettitt, "CCAG Chair").</param>
/// <param name="IsPmo">Member of the programme office: may close actions, post notices.</param>
public sealed record Person(
    string Id,
    string? EntraObjectId,
    string Name,
    string Email,
    string? Organisation,
    IReadOnlyList<string> Aliases,
    bool IsPmo = false);
