using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.People;
using GovBot.Features.Meetings;

namespace GovBot.Features.Groups;

/// <summary>Cards for governance groups.</summary>
public static class GroupCards
{
    /// <summary>A group: purpose, level, cadence, chair, next meeting (actual or expected from cadence).</summary>
    public static JsonObject Group(Group group, DateOnly asOf, string? chairName = null, Meeting? nextMeeting = null, bool nextIsExpected = false, string? parentName = null)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"{group.Code} – {CardKit.Safe(group.Name, 150)}"),
            CardKit.Subtitle(LevelWords(group.Level)),
            CardKit.AsOf(asOf),
        };
        if (!string.IsNullOrWhiteSpace(group.Purpose)) body.Add(new TextBlock(CardKit.Safe(group.Purpose, 1000)) { Spacing = Spacing.Medium });

        var facts = new List<Fact>
        {
            new("Status", group.IsActive ? "Active" : "Stood down (historic)"),
            new("Meets", group.Cadence is { } c ? Capitalise(c.Describe()) : "Ad hoc"),
        };
        if (chairName is not null) facts.Add(new("Chair", CardKit.Safe(chairName, 100)));
        if (group.ParentCode is not null) facts.Add(new("Reports to", parentName is null ? group.ParentCode : $"{group.ParentCode} – {CardKit.Safe(parentName, 100)}"));
        facts.Add(new("Attendance", group.IsRestricted ? "Restricted" : group.Level == 3 ? "Nominated constituency representatives" : "Open to all"));
        if (group.Aliases.Count > 0) facts.Add(new("Also called", string.Join(", ", group.Aliases.Take(5).Select(a => CardKit.Safe(a, 60)))));
        if (nextMeeting is not null)
        {
            var when = UkFormat.Date(nextMeeting.Date) + (UkFormat.TimeRange(nextMeeting.Start, nextMeeting.End) is { } t ? $", {t}" : "");
            facts.Add(new("Next meeting", nextIsExpected ? $"{when} (expected, computed from cadence)" : $"{nextMeeting.Title}: {when}"));
        }
        else if (group.IsActive)
        {
            facts.Add(new("Next meeting", "None scheduled"));
        }
        body.Add(new FactSet(facts));

        var actions = new List<CardButton>
        {
            ActionSubmit.ImBack("Next meeting", $"next {group.Code} meeting"),
            ActionSubmit.ImBack("Open actions", $"open {group.Code} actions"),
        };
        if (group.IsActive) actions.Add(ActionSubmit.ImBack("Subscribe", $"subscribe {group.Code}"));
        return CardKit.Build(new AdaptiveCard(body, actions));
    }

    /// <summary>Who chairs a group and who its secretariat is; says so plainly when the record names no chair.</summary>
    public static JsonObject Chair(Group group, DateOnly asOf, Person? chair, Person? secretariat)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"Who chairs {group.Code}"),
            CardKit.Subtitle(CardKit.Safe(group.Name, 150)),
            CardKit.AsOf(asOf),
            new TextBlock(chair is null
                ? $"I don't have a chair recorded for {group.Code}. Its secretariat can tell you who chairs it."
                : $"**{CardKit.Safe(chair.Name, 100)}**{(chair.Organisation is { Length: > 0 } org ? $" ({CardKit.Safe(org, 100)})" : "")} chairs {group.Code}.")
            { Spacing = Spacing.Medium },
        };
        var facts = new List<Fact>();
        if (secretariat is not null) facts.Add(new("Secretariat", CardKit.Safe(secretariat.Name, 100)));
        if (!group.IsActive) facts.Add(new("Status", "Stood down (historic)"));
        if (facts.Count > 0) body.Add(new FactSet(facts));
        return CardKit.Build(new AdaptiveCard(body, [ActionSubmit.ImBack($"About {group.Code}", $"what is {group.Code}")]));
    }

    public static string LevelWords(int level) => level switch
    {
        1 => "Level 1 – sponsor",
        2 => "Level 2 – steering group",
        3 => "Level 3 – advisory group",
        4 => "Level 4 – working group",
        _ => $"Level {level}",
    };

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
