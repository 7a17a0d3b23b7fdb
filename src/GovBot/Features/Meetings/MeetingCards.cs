using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Recognition;

namespace GovBot.Features.Meetings;

/// <summary>A meeting for the upcoming list; <see cref="IsExpected"/> when its date is computed from the cadence.</summary>
public sealed record UpcomingMeeting(Meeting Meeting, bool IsExpected = false, string? GroupName = null);

/// <summary>Cards for meetings: one meeting with agenda and papers, and the upcoming meetings across groups.</summary>
public static class MeetingCards
{
    private static readonly string[] AgendaHeader = ["No.", "Item", "Type", "Lead", "Slot"];

    public const string ShowVerb = "meeting.show";
    private const int MaxAgendaRows = 25;
    private const int MaxDocuments = 20;

    /// <summary>One meeting: date, UK time, location or link, agenda table, papers.</summary>
    /// <param name="expectedFromCadence">The date is not set yet and was computed from the group's cadence.</param>
    public static JsonObject Meeting(Meeting meeting, DateOnly asOf, bool expectedFromCadence = false, string? groupName = null)
    {
        var name = Name(meeting);
        var body = new List<CardElement>
        {
            CardKit.Title(groupName is null ? name : $"{name} – {groupName}"),
        };
        if (meeting.IsExtraordinary) body.Add(CardKit.Subtitle("Extraordinary meeting"));
        body.Add(CardKit.AsOf(asOf));
        if (expectedFromCadence)
            body.Add(new TextBlock("**Expected (computed from cadence)**: the date is not confirmed yet.") { Color = TextColor.Warning });

        var facts = new List<Fact> { new("Date", UkFormat.Date(meeting.Date) + (expectedFromCadence ? " (expected)" : "")) };
        if (UkFormat.TimeRange(meeting.Start, meeting.End) is { } time) facts.Add(new("Time", $"{time} UK time"));
        if (!string.IsNullOrWhiteSpace(meeting.Location)) facts.Add(new("Where", CardKit.Safe(meeting.Location, 200)));
        if (IsHttps(meeting.JoinUrl)) facts.Add(new("Online", $"[Join the meeting]({meeting.JoinUrl})"));
        if (!string.IsNullOrWhiteSpace(meeting.Source)) facts.Add(new("Announced in", CardKit.Safe(meeting.Source, 80)));
        var days = meeting.Date.DayNumber - asOf.DayNumber;
        facts.Add(new("When", days switch { 0 => "Today", 1 => "Tomorrow", > 1 => $"In {days} days", _ => "Held" }));
        body.Add(new FactSet(facts));

        if (meeting.Agenda.Count > 0)
        {
            body.Add(CardKit.SectionHeading("Agenda"));
            var rows = new List<IReadOnlyList<string>> { AgendaHeader };
            rows.AddRange(meeting.Agenda.Take(MaxAgendaRows).Select(a => (IReadOnlyList<string>)
            [
                CardKit.Safe(a.Number, 10),
                CardKit.Safe(a.Title, 150) + (string.IsNullOrWhiteSpace(a.Objective) ? "" : $" _({CardKit.Safe(a.Objective, 120)})_"),
                a.Type?.ToString() ?? "",
                CardKit.Safe(a.Lead, 60),
                UkFormat.TimeRange(a.Start, a.End) ?? "",
            ]));
            body.Add(new Table([1, 5, 2, 2, 2], rows));
            if (meeting.Agenda.Count > MaxAgendaRows)
                body.Add(new TextBlock($"…and {meeting.Agenda.Count - MaxAgendaRows} more items; see the papers.") { IsSubtle = true });
        }
        else
        {
            body.Add(new TextBlock("No agenda published yet.") { IsSubtle = true });
        }

        if (meeting.Documents.Count > 0)
        {
            body.Add(CardKit.SectionHeading("Papers"));
            body.Add(new TextBlock(CardKit.Bullets(meeting.Documents.Take(MaxDocuments).Select(DocumentLine))));
        }

        var actions = new List<CardButton>();
        if (IsHttps(meeting.JoinUrl)) actions.Add(new ActionOpenUrl("Join", meeting.JoinUrl!));
        actions.Add(ActionSubmit.ImBack($"Open {meeting.GroupCode} actions", $"open {meeting.GroupCode} actions"));
        return CardKit.Build(new AdaptiveCard(body, actions) { FullWidth = true });
    }

    /// <summary>"Upcoming DAG meetings, Mon 4 Mar to Sun 31 Mar".</summary>
    public static string UpcomingTitle(string? groupCode, DateRange window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var title = groupCode is { } code ? $"Upcoming {code} meetings" : "Upcoming meetings";
        return $"{title}, {UkFormat.ShortDate(window.From)} to {UkFormat.ShortDate(window.To)}";
    }

    public static JsonObject NoSuchGroup(string groupCode) => CommonCards.Error($"I don't know a group called **{groupCode}**.", "upcoming meetings");

    public static JsonObject NoSuchMeeting(string groupCode, string number) =>
        CommonCards.Error($"I have no record of **{groupCode} {number}**.", $"next {groupCode} meeting");

    /// <summary>Upcoming meetings across groups, soonest first, paged.</summary>
    public static JsonObject Upcoming(IReadOnlyList<UpcomingMeeting> meetings, DateOnly asOf, string query, int page = 0, string title = "Upcoming meetings")
    {
        var ordered = meetings.OrderBy(m => m.Meeting.Date).ThenBy(m => m.Meeting.Start).ThenBy(m => m.Meeting.GroupCode, StringComparer.Ordinal).ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page);
        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        foreach (var u in shown)
        {
            var m = u.Meeting;
            var when = UkFormat.Date(m.Date) + (UkFormat.TimeRange(m.Start, m.End) is { } t ? $", {t}" : "");
            var items = new List<CardElement>
            {
                new TextBlock($"**{Name(m)}**{(u.GroupName is null ? "" : $" – {CardKit.Safe(u.GroupName, 100)}")}"),
                new TextBlock(when + (u.IsExpected ? " _(expected, computed from cadence)_" : "")) { Spacing = Spacing.None },
            };
            if (!string.IsNullOrWhiteSpace(m.Location)) items.Add(new TextBlock(CardKit.Safe(m.Location, 120)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            if (!string.IsNullOrWhiteSpace(m.Source)) items.Add(new TextBlock($"Announced in the {CardKit.Safe(m.Source, 80)}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            body.Add(new Container(items)
            {
                Separator = true,
                SelectAction = string.IsNullOrEmpty(m.Number) ? null
                    : new ActionExecute($"Open {Name(m)}", ShowVerb, new JsonObject { ["group"] = m.GroupCode, ["number"] = m.Number }),
            });
        }
        if (ordered.Count == 0) body.Add(new TextBlock("No meetings found in that period."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    private static string Name(Meeting m) => string.IsNullOrWhiteSpace(m.Number) ? $"Next {m.GroupCode} meeting" : CardKit.Safe(m.Title, 120);

    private static string DocumentLine(MeetingDocument d)
    {
        var label = CardKit.Safe(d.Title, 120) + (d.Version is null ? "" : $" v{d.Version.TrimStart('v', 'V')}") + (d.DocumentId is null ? "" : $" ({d.DocumentId})");
        return IsHttps(d.Url) ? $"[{label}]({d.Url})" : label;
    }

    internal static bool IsHttps(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps;
}
