using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Recognition;

namespace GovBot.Features.Actions;

/// <summary>Buttons an action card may show. The caller decides from the caller's permissions; handlers re-check.</summary>
[Flags]
public enum ActionButtons
{
    None = 0,
    /// <summary>Owners: add an update (Input.Text, required).</summary>
    Update = 1,
    /// <summary>Owners: recommend closure.</summary>
    RecommendClose = 2,
    /// <summary>PMO: close.</summary>
    Close = 4,
    /// <summary>PMO: reopen a closed action.</summary>
    Reopen = 8,
    /// <summary>PMO: change the due date (Input.Date).</summary>
    ChangeDue = 16,
}

/// <summary>Cards for the action log: a grouped list and one action's detail.</summary>
internal static class ActionCards
{
    public const string ShowVerb = "action.show";
    public const string UpdateVerb = "action.update";
    public const string RecommendCloseVerb = "action.recommendClose";
    public const string CloseVerb = "action.close";
    public const string ReopenVerb = "action.reopen";
    public const string ChangeDueVerb = "action.changeDue";

    /// <summary>Input ids of the detail card's forms.</summary>
    public const string UpdateTextInputId = "updateText";
    public const string NewDueInputId = "newDue";

    /// <summary>
    /// Actions grouped "Overdue", "Due in the next 7 days", "Later or no due date" (and "Closed" when asked for),
    /// each ordered by due date, each saying why it is listed (<paramref name="items"/>' Reason).
    /// </summary>
    public static JsonObject List(
        IReadOnlyList<(ActionItem Action, string Reason)> items, DateOnly asOf, string title, string query, int page = 0, int pageSize = CardKit.DefaultPageSize)
    {
        var ordered = items
            .Select(i => (i.Action, i.Reason, Bucket: BucketOf(i.Action, asOf)))
            .OrderBy(i => i.Bucket)
            .ThenBy(i => i.Action.Due ?? DateOnly.MaxValue)
            .ThenBy(i => i.Action.Ref, StringComparer.Ordinal)
            .ToList();
        var (shown, more, summary) = CardKit.Page(ordered, query, page, pageSize);

        var body = new List<CardElement> { CardKit.Title(title), CardKit.AsOf(asOf), new TextBlock(summary) { IsSubtle = true, Spacing = Spacing.None } };
        foreach (var bucket in shown.GroupBy(i => i.Bucket))
        {
            var count = ordered.Count(i => i.Bucket == bucket.Key);
            body.Add(CardKit.SectionHeading($"{BucketTitle(bucket.Key)} ({count})"));
            foreach (var (action, reason, _) in bucket)
                body.Add(ListItem(action, reason, asOf));
        }
        if (ordered.Count == 0) body.Add(new TextBlock("No actions match. Try **help** to see what you can ask."));
        return CardKit.Build(new AdaptiveCard(body, more is null ? null : [more]));
    }

    /// <summary>One action in full, with the buttons the caller may use.</summary>
    /// <param name="meetingTitle">"DAG 33": the meeting that raised it, when known.</param>
    /// <param name="etag">The stored row's ETag, echoed in button data so a stale edit can be refused.</param>
    public static JsonObject Detail(ActionItem action, DateOnly asOf, ActionButtons buttons, string? meetingTitle = null, string? etag = null) =>
        CardKit.Build(DetailCard(action, asOf, buttons, meetingTitle, etag, notice: null));

    /// <summary>The latest version of the action, headed by a note that the caller's change was not saved (it lost an ETag race).</summary>
    public static JsonObject Conflict(ActionItem latest, DateOnly asOf, ActionButtons buttons, string etag) =>
        CardKit.Build(DetailCard(latest, asOf, buttons, meetingTitle: null, etag,
            notice: new TextBlock("**Someone else just changed this action.** Here is the latest version; your change was not saved.") { Color = TextColor.Attention }));

    /// <summary>"My actions" asked by someone GovBot cannot match to the directory.</summary>
    public static JsonObject CallerNotInDirectory(string displayName) => CommonCards.Error(
        $"I can't match you, {displayName}, to anyone in the programme's directory, so I can't tell which actions are yours. " +
        "Ask the PMO to add you (GovBot matches people by their Microsoft Entra account or e-mail address).",
        "open DAG actions");

    public static JsonObject NotFound(string reference) =>
        CommonCards.Error($"I can't find action **{reference}**. Action refs look like DAG33-04: the group, the meeting number, then the row.", "my open actions");

    private static AdaptiveCard DetailCard(ActionItem action, DateOnly asOf, ActionButtons buttons, string? meetingTitle, string? etag, TextBlock? notice)
    {
        var facts = new List<Fact>
        {
            new("Owner", CardKit.Safe(action.OwnerText, 200)),
            new("Status", StatusWords(action.Status)),
            new("Due", action.Due is { } due ? $"{UkFormat.Date(due)}{(action.IsClosed ? "" : $" ({UkFormat.DaysLeft(due, asOf)})")}" : "No due date"),
        };
        if (action.Raised is { } raised) facts.Add(new("Raised", UkFormat.Date(raised)));
        var raisedAt = meetingTitle ?? (action.MeetingNumber is { } n ? $"{action.GroupCode} {n}" : null);
        if (raisedAt is not null) facts.Add(new("Meeting", raisedAt));

        var body = new List<CardElement>();
        if (notice is not null) body.Add(notice);
        body.AddRange(
        [
            CardKit.Title($"Action {action.Ref}"),
            CardKit.Subtitle($"{action.GroupCode} action log"),
            CardKit.AsOf(asOf),
            new TextBlock(CardKit.Safe(action.Text, 2000)) { Spacing = Spacing.Medium },
            new FactSet(facts),
        ]);
        if (!string.IsNullOrWhiteSpace(action.LatestUpdate))
        {
            body.Add(CardKit.SectionHeading("Latest update"));
            body.Add(new TextBlock(CardKit.Safe(action.LatestUpdate, 1000)));
        }
        if (action.History.Count > 0)
        {
            const int maxHistory = 10;
            body.Add(CardKit.SectionHeading(action.History.Count > maxHistory ? $"History (latest {maxHistory} of {action.History.Count})" : "History"));
            foreach (var h in action.History.OrderByDescending(h => h.At).Take(maxHistory))
                body.Add(new TextBlock($"**{UkFormat.DateTime(h.At)}**, {CardKit.Safe(h.AuthorName, 80)}: {CardKit.Safe(h.Text, 300)}{Changes(h)}") { Spacing = Spacing.Small });
        }

        var data = () =>
        {
            var d = new JsonObject { ["ref"] = action.Ref };
            if (etag is not null) d["etag"] = etag;
            return d;
        };
        var actions = new List<CardButton>();
        if (buttons.HasFlag(ActionButtons.Update))
            actions.Add(new ActionShowCard("Add an update", new AdaptiveCard(
                [new InputText(UpdateTextInputId, "Your update")
                {
                    IsRequired = true,
                    ErrorMessage = "Write the update before saving.",
                    IsMultiline = true,
                    MaxLength = 1000,
                    Placeholder = "What has been done, what is next",
                }],
                [new ActionExecute("Save update", UpdateVerb, data())])));
        if (buttons.HasFlag(ActionButtons.RecommendClose) && action.Status is not (ActionStatus.RecommendClosed or ActionStatus.Closed))
            actions.Add(new ActionExecute("Recommend closure", RecommendCloseVerb, data()));
        if (buttons.HasFlag(ActionButtons.Close) && !action.IsClosed)
            actions.Add(new ActionExecute("Close", CloseVerb, data()));
        if (buttons.HasFlag(ActionButtons.Reopen) && action.IsClosed)
            actions.Add(new ActionExecute("Reopen", ReopenVerb, data()));
        if (buttons.HasFlag(ActionButtons.ChangeDue) && !action.IsClosed)
            actions.Add(new ActionShowCard("Change due date", new AdaptiveCard(
                [new InputDate(NewDueInputId, "New due date")
                {
                    IsRequired = true,
                    ErrorMessage = "Choose the new due date.",
                    Value = action.Due,
                }],
                [new ActionExecute("Save due date", ChangeDueVerb, data())])));

        return new AdaptiveCard(body, actions);
    }

    /// <summary>"Your open DAG actions due 4 Mar to 10 Mar": what a list shows, in words.</summary>
    public static string ListTitle(ActionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var status = filter.Overdue ? "overdue"
            : filter.EffectiveStatuses.SetEquals(ActionFilter.NotClosed) ? "open"
            : string.Join(" or ", filter.Statuses.Order().Select(s => StatusWords(s).ToLowerInvariant()));
        var whose = filter.Mine ? "Your" : filter.PersonName is { } name ? $"{name}'s" : null;
        var group = filter.GroupCode is { } g ? $"{g} " : "";
        var window = filter.DueWindow is { } w ? $" due {UkFormat.ShortDate(w.From)} to {UkFormat.ShortDate(w.To)}" : "";
        return whose is null ? $"{Capitalise(status)} {group}actions{window}" : $"{whose} {status} {group}actions{window}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"Recommended for closure": statuses in the words the papers use.</summary>
    public static string StatusWords(ActionStatus status) => status switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.Ongoing => "Ongoing",
        ActionStatus.RecommendClosed => "Recommended for closure",
        _ => "Closed",
    };

    private enum Bucket { Overdue, DueSoon, Later, Closed }

    private static Bucket BucketOf(ActionItem a, DateOnly asOf) =>
        a.IsClosed ? Bucket.Closed
        : a.Due is { } due && due < asOf ? Bucket.Overdue
        : a.Due is { } d && d.DayNumber - asOf.DayNumber <= 7 ? Bucket.DueSoon
        : Bucket.Later;

    private static string BucketTitle(Bucket b) => b switch
    {
        Bucket.Overdue => "Overdue",
        Bucket.DueSoon => "Due in the next 7 days",
        Bucket.Later => "Due later or no due date",
        _ => "Closed",
    };

    private static Container ListItem(ActionItem a, string reason, DateOnly asOf)
    {
        var due = a.Due is { } d ? $"Due {UkFormat.ShortDate(d)}{(a.IsClosed ? "" : $" ({UkFormat.DaysLeft(d, asOf)})")}" : "No due date";
        return new Container(
        [
            new TextBlock($"**{a.Ref}** {CardKit.Safe(a.Text, 160)}") { MaxLines = 3 },
            new TextBlock($"{due} · {StatusWords(a.Status)} · Owner: {CardKit.Safe(a.OwnerText, 80)}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new TextBlock($"_Why: {CardKit.Safe(reason, 120)}_") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        ])
        {
            Spacing = Spacing.Medium,
            SelectAction = new ActionExecute($"Open {a.Ref}", ShowVerb, new JsonObject { ["ref"] = a.Ref }),
        };
    }

    private static string Changes(ActionUpdate h)
    {
        var parts = new List<string>();
        if (h.Status is { } s) parts.Add($"status → {StatusWords(s)}");
        if (h.Due is { } d) parts.Add($"due → {UkFormat.ShortDate(d)}");
        return parts.Count == 0 ? "" : $" _({string.Join(", ", parts)})_";
    }
}
