using GovBot.People;
using GovBot.Features.Groups;

namespace GovBot.Recognition;

/// <summary>A group as the recogniser knows it: its code, full name and the other names members use.</summary>
public sealed record KnownGroup(string Code, string Name, IReadOnlyList<string> Aliases);

/// <summary>A person as the recogniser knows them: id, name and the other names used in owner text.</summary>
public sealed record KnownPerson(string Id, string Name, IReadOnlyList<string> Aliases);

/// <summary>Everything the recogniser needs besides the text: today's date (UK) and the names it can recognise.</summary>
public sealed record RecognitionContext(DateOnly Today, IReadOnlyList<KnownGroup> Groups, IReadOnlyList<KnownPerson> People)
{
    public static RecognitionContext From(DateOnly today, IEnumerable<Group> groups, IEnumerable<Person>? people = null) =>
        new(today,
            groups.Select(g => new KnownGroup(g.Code, g.Name, g.Aliases)).ToList(),
            (people ?? []).Select(p => new KnownPerson(p.Id, p.Name, p.Aliases)).ToList());
}
