using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Clock;
using GovBot.Features.Search;
using GovBot.People;

namespace GovBot.Features.Groups;

/// <summary>
/// Groups in the search index. Their code, name and aliases are the index's synonyms, so "design advisory group"
/// finds what mentions DAG.
/// </summary>
internal sealed class GroupSearchSource(GroupStore groups, PersonStore people, TimeProvider clock) : ISearchSource
{
    public const string SourceName = "groups";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var all = await groups.ListAsync(cancellationToken);
        var names = (await people.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        return [.. all.Select(g => Document(g, all, names))];
    }

    public async Task<JsonObject?> CardAsync(string key, Caller caller, CancellationToken cancellationToken)
    {
        if (await groups.GetAsync(key, cancellationToken) is not { } stored) return null;
        var chair = stored.Value.ChairPersonId is { } id ? (await people.GetAsync(id, cancellationToken))?.Value.Name : null;
        return GroupCards.Group(stored.Value, UkTime.Today(clock), chair);
    }

    internal static SearchDocument Document(Group g, IReadOnlyList<Group> all, IReadOnlyDictionary<string, string> names)
    {
        string? Name(string? id) => id is not null && names.TryGetValue(id, out var n) ? n : null;
        var parent = g.ParentCode is { } p ? all.FirstOrDefault(x => x.Code == p) : null;
        var text = new[]
        {
            $"{g.Name} ({g.Code})", g.Purpose, GroupCards.LevelWords(g.Level),
            parent is null ? null : $"Reports to {parent.Name} ({parent.Code})",
            g.Cadence is { } c ? $"Meets on the {c.Describe()}" : null,
            Name(g.ChairPersonId) is { } chair ? $"Chair: {chair}" : null,
            Name(g.SecretariatPersonId) is { } sec ? $"Secretariat: {sec}" : null,
            g.IsActive ? null : "Stood down (historic)",
        };
        return new(SourceName, g.Code, SearchKind.Group, $"{g.Code} – {g.Name}", string.Join(". ", text.Where(t => !string.IsNullOrWhiteSpace(t))))
        {
            Names = [g.Code, g.Name, .. g.Aliases],
            GroupCode = g.Code,
            Citation = "Governance directory · groups",
        };
    }
}

/// <summary>People's roles in the search index (never their e-mail): the seats they hold and the programme office.</summary>
internal sealed class PeopleSearchSource(PersonStore people, GroupStore groups, MembershipStore memberships) : ISearchSource
{
    public const string SourceName = "people";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var allGroups = await groups.ListAsync(cancellationToken);
        var seats = new List<GroupMembership>();
        foreach (var g in allGroups) seats.AddRange(await memberships.ListByGroupAsync(g.Code, cancellationToken));
        var byPerson = seats.ToLookup(s => s.PersonId, StringComparer.Ordinal);
        var groupNames = allGroups.ToDictionary(g => g.Code, g => g.Name, StringComparer.Ordinal);
        return [.. (await people.ListAsync(cancellationToken)).Select(p => Document(p, byPerson[p.Id], groupNames))];
    }

    internal static SearchDocument Document(Person p, IEnumerable<GroupMembership> seats, IReadOnlyDictionary<string, string> groupNames)
    {
        var roles = seats.Select(s => $"{RoleWords(s.Role)} of {groupNames.GetValueOrDefault(s.GroupCode, s.GroupCode)} ({s.GroupCode})" + (s.Constituency is { } c ? $", {c}" : "")).ToList();
        if (p.IsPmo) roles.Insert(0, "Programme Management Office (PMO), the programme office");
        var text = string.Join(". ", new[] { p.Name, p.Organisation }.Concat(roles).Where(t => !string.IsNullOrWhiteSpace(t)));
        return new(SourceName, p.Id, SearchKind.Person, p.Name, text)
        {
            Status = roles.Count > 0 ? roles[0] : null,
            Owner = p.Organisation,
            Citation = "Governance directory · people",
        };
    }

    private static string RoleWords(MembershipRole role) => role switch
    {
        MembershipRole.Chair => "Chair",
        MembershipRole.Secretariat => "Secretariat",
        MembershipRole.Alternate => "Alternate member",
        _ => "Member",
    };
}
