using System.Globalization;
using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Features.Conversations;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;

namespace GovBot.Features.Notices;

/// <summary>Cards for meeting notices: the compose form, the preview, the recipients' card, the author's status card and the report.</summary>
internal static class NoticeCards
{
    private static readonly string[] ProblemHeader = ["Recipient", "Outcome", "Reason"];

    public const string ComposeVerb = "notice.compose";
    public const string PrefillVerb = "notice.prefill";
    public const string SendVerb = "notice.send";
    public const string EditVerb = "notice.edit";
    public const string DiscardVerb = "notice.discard";
    public const string AmendVerb = "notice.amend";
    public const string CancelVerb = "notice.cancel";
    public const string ReportVerb = "notice.report";
    public const string AcknowledgeVerb = "notice.ack";
    public const string ApologiesVerb = "notice.apologies";

    /// <summary>Meetings offered in the form's drop-down.</summary>
    public const int MaxMeetingChoices = 40;

    /// <summary>Failures listed on the report card; the CSV has them all.</summary>
    public const int MaxReportRows = 25;

    /// <summary>The compose form. <paramref name="errors"/> (by field id) are shown under their fields.</summary>
    /// <param name="draft">The draft being edited (its number goes back with the form), or null for a new notice.</param>
    public static JsonObject Form(NoticeForm values, IReadOnlyList<Group> groups, IReadOnlyList<Meeting> meetings, IReadOnlyDictionary<string, string>? errors = null, int? draft = null)
    {
        errors ??= new Dictionary<string, string>();
        var body = new List<CardElement> { CardKit.Title(draft is null ? "New meeting notice" : $"Edit notice {draft}") };
        if (errors.Count > 0)
        {
            body.Add(new TextBlock(errors.Count == 1 ? "One field needs attention." : $"{errors.Count} fields need attention.") { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }
        void Add(CardElement input, string field)
        {
            body.Add(input);
            if (errors.TryGetValue(field, out var message))
                body.Add(new TextBlock(CardKit.Safe(message)) { Id = field + "Error", Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }

        Add(new InputChoiceSet(NoticeForm.GroupField, "Group", groups.Where(g => g.IsActive).OrderBy(g => g.Code, StringComparer.Ordinal).Select(g => ($"{g.Code} – {CardKit.Safe(g.Name, 80)}", g.Code)).ToList())
        {
            IsRequired = true, ErrorMessage = "Choose the group the notice is for.", Value = values.Group, Placeholder = "Choose a group",
        }, NoticeForm.GroupField);
        Add(new InputChoiceSet(NoticeForm.MeetingField, "Meeting from the records (optional)",
            meetings.Take(MaxMeetingChoices).Select(m => ($"{m.Title} – {UkFormat.ShortDate(m.Date)}", NoticeForm.MeetingKey(m.GroupCode, m.Number))).ToList())
        {
            Value = values.Meeting, Placeholder = "Pick a meeting, or enter its number below",
        }, NoticeForm.MeetingField);
        body.Add(new ActionSet([new ActionExecute("Fill in from the meeting record", PrefillVerb, DraftData(draft))]));
        Add(new InputText(NoticeForm.NumberField, "Meeting number") { Value = values.Number, Placeholder = "34 or 10.1", Regex = NoticeForm.NumberPattern, ErrorMessage = "Use a meeting number like 34 or 10.1.", MaxLength = 6 }, NoticeForm.NumberField);
        Add(new InputText(NoticeForm.TitleField, "Title (if no meeting number)") { Value = values.Title, Placeholder = "DAG 34 or Extraordinary DAG", MaxLength = NoticeForm.MaxTitle }, NoticeForm.TitleField);
        Add(new InputDate(NoticeForm.DateField, "Date") { IsRequired = true, ErrorMessage = "Enter the meeting date.", Value = DateOnly.TryParseExact(values.Date, "yyyy-MM-dd", out var d) ? d : null }, NoticeForm.DateField);
        Add(new InputTime(NoticeForm.StartField, "Start (UK time)") { IsRequired = true, ErrorMessage = "Enter the start time.", Value = values.Start is { } s && NoticeForm.TryTime(s, out var st) ? st : null }, NoticeForm.StartField);
        Add(new InputTime(NoticeForm.EndField, "End (UK time)") { IsRequired = true, ErrorMessage = "Enter the end time.", Value = values.End is { } e && NoticeForm.TryTime(e, out var et) ? et : null }, NoticeForm.EndField);
        Add(new InputText(NoticeForm.LocationField, "Location") { Value = values.Location, Placeholder = "Elexon, 350 Euston Road (or leave empty with a join link)", MaxLength = NoticeForm.MaxLocation }, NoticeForm.LocationField);
        Add(new InputText(NoticeForm.JoinUrlField, "Join link") { Value = values.JoinUrl, Placeholder = "https://teams.microsoft.com/l/meetup-join/…", Regex = NoticeForm.UrlPattern, ErrorMessage = "The join link must be an https:// address.", MaxLength = NoticeForm.MaxUrl }, NoticeForm.JoinUrlField);
        Add(new InputText(NoticeForm.AgendaField, "Agenda") { Value = values.Agenda, IsMultiline = true, MaxLength = NoticeForm.MaxAgenda, Placeholder = "Filled in from the meeting record" }, NoticeForm.AgendaField);
        Add(new InputText(NoticeForm.PapersUrlField, "Papers link") { Value = values.PapersUrl, Placeholder = "https://…", Regex = NoticeForm.UrlPattern, ErrorMessage = "The papers link must be an https:// address.", MaxLength = NoticeForm.MaxUrl }, NoticeForm.PapersUrlField);
        Add(new InputText(NoticeForm.MessageField, "Message") { Value = values.Message, IsMultiline = true, MaxLength = NoticeForm.MaxMessage }, NoticeForm.MessageField);
        return CardKit.Build(new AdaptiveCard(body, [new ActionExecute("Preview", ComposeVerb, DraftData(draft))]));
    }

    /// <summary>The draft exactly as recipients will see it, then Send / Edit / Discard.</summary>
    public static JsonObject Preview(Notice draft, NoticeAudience audience)
    {
        var body = new List<CardElement>
        {
            CardKit.Title($"Preview of notice {draft.Number}"),
            new TextBlock($"Goes to {Count(audience.Channels, "channel or group chat", "channels or group chats")} and {Count(audience.Members, "member", "members")} of {draft.Details.GroupCode}"
                + (audience.MembersWithoutChat > 0 ? $" ({audience.MembersWithoutChat} have no chat with GovBot yet and will be listed as unreachable)." : ".")) { IsSubtle = true },
            new Container(RecipientBody(draft, null)) { Style = ContainerStyle.Emphasis, Separator = true },
            new TextBlock("Recipients also get: Add to calendar · Acknowledge · Send apologies.") { IsSubtle = true, Size = TextSize.Small },
        };
        var data = Number(draft.Number);
        return CardKit.Build(new AdaptiveCard(body,
        [
            new ActionExecute("Send", SendVerb, data),
            new ActionExecute("Edit", EditVerb, data),
            new ActionExecute("Discard", DiscardVerb, data),
        ]));
    }

    public static JsonObject Discarded(int number) => CardKit.Build(new AdaptiveCard(
        [CardKit.Title($"Notice {number} discarded"), new TextBlock("Nothing was sent.") { IsSubtle = true }]));

    /// <summary>The card recipients get; <paramref name="mine"/> is the viewer's own answer, shown after they press a button.</summary>
    public static JsonObject Recipient(Notice notice, string? calendarUrl, NoticeResponseKind? mine = null)
    {
        var body = RecipientBody(notice, mine);
        var actions = new List<CardButton>();
        if (notice.Status != NoticeStatus.Cancelled)
        {
            var data = Number(notice.Number);
            if (calendarUrl is not null) actions.Add(new ActionOpenUrl("Add to calendar", calendarUrl));
            if (mine != NoticeResponseKind.Acknowledged) actions.Add(new ActionExecute("Acknowledge", AcknowledgeVerb, data));
            if (mine != NoticeResponseKind.Apologies) actions.Add(new ActionExecute("Send apologies", ApologiesVerb, data));
        }
        return CardKit.Build(new AdaptiveCard(body, actions));
    }

    private static List<CardElement> RecipientBody(Notice notice, NoticeResponseKind? mine)
    {
        var d = notice.Details;
        var cancelled = notice.Status == NoticeStatus.Cancelled;
        var body = new List<CardElement>
        {
            CardKit.Title(cancelled ? $"CANCELLED: {d.MeetingTitle}" : $"Meeting notice: {d.MeetingTitle}"),
        };
        if (cancelled)
        {
            body.Add(new TextBlock($"This meeting has been cancelled{(notice.CancelReason is { } r ? ": " + CardKit.Safe(r, 300) : ".")}") { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }
        else if (notice.Previous is { } p && ChangeText(p, d) is { } change)
        {
            body.Add(new TextBlock($"UPDATED: {change}") { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }
        var facts = new List<Fact>
        {
            new("Group", d.GroupCode),
            new("When", (cancelled ? "Was " : "") + d.When),
        };
        if (d.Location is { } loc) facts.Add(new("Where", CardKit.Safe(loc, 200)));
        if (d.JoinUrl is not null) facts.Add(new("Online", "Join link below"));
        body.Add(new FactSet(facts));
        if (d.Message is { } m) body.Add(new TextBlock(CardKit.Safe(m, NoticeForm.MaxMessage)));
        if (d.Agenda is { } agenda)
        {
            body.Add(CardKit.SectionHeading("Agenda"));
            body.Add(new TextBlock(CardKit.Safe(agenda.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r", StringComparison.Ordinal), NoticeForm.MaxAgenda)));
        }
        var links = new List<CardButton>();
        if (!cancelled && d.JoinUrl is { } join) links.Add(new ActionOpenUrl("Join meeting", join));
        if (d.PapersUrl is { } papers) links.Add(new ActionOpenUrl("Papers", papers));
        if (links.Count > 0) body.Add(new ActionSet(links));
        if (mine is { } answer)
        {
            body.Add(new TextBlock(answer == NoticeResponseKind.Apologies ? "You sent your apologies. The PMO has been told." : "You acknowledged this notice.")
            { Color = TextColor.Good, Separator = true });
        }
        body.Add(new TextBlock($"{notice.Label} from the PMO{(notice.Version > 1 ? $", update {notice.Version - 1}" : "")}") { IsSubtle = true, Size = TextSize.Small });
        return body;
    }

    /// <summary>"time changed from Wednesday 13 March 2024, 10:00–12:30 to …; location changed to …".</summary>
    public static string? ChangeText(NoticeDetails before, NoticeDetails after)
    {
        var parts = new List<string>();
        if (before.Date != after.Date || before.Start != after.Start || before.End != after.End) parts.Add($"now **{after.When}** (was {before.When})");
        if (before.Location != after.Location) parts.Add(after.Location is null ? "no longer in person" : $"now at **{CardKit.Safe(after.Location, 200)}**");
        if (before.JoinUrl != after.JoinUrl) parts.Add("new join link");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>The author's card while sending (updated in place) and after: live counts, then the final report.</summary>
    public static JsonObject Status(Notice notice, DeliveryCounts counts, int apologies, int acknowledged)
    {
        var d = notice.Details;
        var state = notice.Status == NoticeStatus.Cancelled ? "cancelled" : counts.IsComplete ? "sent" : "sending";
        var body = new List<CardElement>
        {
            CardKit.Title($"{notice.Label}: {d.MeetingTitle} ({state})"),
            CardKit.Subtitle(d.When),
            new FactSet(
            [
                new("Delivered", counts.Delivered.ToString(CultureInfo.InvariantCulture)),
                new("Failed", counts.Failed.ToString(CultureInfo.InvariantCulture)),
                new("Unreachable", counts.Unreachable.ToString(CultureInfo.InvariantCulture)),
                new("Outcome unknown", counts.Unknown.ToString(CultureInfo.InvariantCulture)),
                new("Pending", counts.Pending.ToString(CultureInfo.InvariantCulture)),
                new("Apologies", apologies.ToString(CultureInfo.InvariantCulture)),
                new("Acknowledged", acknowledged.ToString(CultureInfo.InvariantCulture)),
            ]),
            new TextBlock(counts.IsComplete
                ? $"Final: {counts.Delivered} of {counts.Total} delivered." + (counts.Total > counts.Delivered ? $" Type **notice report {notice.Number}** for the failures and reasons." : "")
                : $"Sending to {counts.Total} recipients…") { IsSubtle = !counts.IsComplete, Weight = counts.IsComplete ? TextWeight.Bolder : null },
        };
        var data = Number(notice.Number);
        var actions = new List<CardButton> { new ActionExecute("Report", ReportVerb, data) };
        if (notice.Status != NoticeStatus.Cancelled)
        {
            actions.Add(new ActionShowCard("Change time or place", new AdaptiveCard(
            [
                new InputDate(NoticeForm.DateField, "Date") { IsRequired = true, ErrorMessage = "Enter the meeting date.", Value = d.Date },
                new InputTime(NoticeForm.StartField, "Start (UK time)") { IsRequired = true, ErrorMessage = "Enter the start time.", Value = d.Start },
                new InputTime(NoticeForm.EndField, "End (UK time)") { IsRequired = true, ErrorMessage = "Enter the end time.", Value = d.End },
                new InputText(NoticeForm.LocationField, "Location") { Value = d.Location, MaxLength = NoticeForm.MaxLocation },
                new InputText(NoticeForm.JoinUrlField, "Join link") { Value = d.JoinUrl, Regex = NoticeForm.UrlPattern, ErrorMessage = "The join link must be an https:// address.", MaxLength = NoticeForm.MaxUrl },
            ], [new ActionExecute("Update every copy", AmendVerb, data)])));
            actions.Add(new ActionShowCard("Cancel meeting", new AdaptiveCard(
            [
                new InputText("reason", "Reason (shown to recipients)") { MaxLength = 300 },
            ], [new ActionExecute("Cancel the meeting for everyone", CancelVerb, data)])));
        }
        return CardKit.Build(new AdaptiveCard(body, actions));
    }

    /// <summary>"notice report N": counts, failures with reasons, apologies and acknowledgements, and the CSV link.</summary>
    public static JsonObject Report(Notice notice, IReadOnlyList<Delivery> deliveries, IReadOnlyList<NoticeResponse> responses, string? csvUrl)
    {
        var counts = DeliveryCounts.Of(deliveries);
        var body = new List<CardElement>
        {
            CardKit.Title($"{notice.Label} report: {notice.Details.MeetingTitle}"),
            CardKit.Subtitle($"{notice.Details.When}{(notice.Status == NoticeStatus.Cancelled ? " (cancelled)" : "")}"),
            new FactSet(
            [
                new("Recipients", counts.Total.ToString(CultureInfo.InvariantCulture)),
                new("Delivered", counts.Delivered.ToString(CultureInfo.InvariantCulture)),
                new("Failed", counts.Failed.ToString(CultureInfo.InvariantCulture)),
                new("Unreachable", counts.Unreachable.ToString(CultureInfo.InvariantCulture)),
                new("Outcome unknown", counts.Unknown.ToString(CultureInfo.InvariantCulture)),
                new("Pending", counts.Pending.ToString(CultureInfo.InvariantCulture)),
            ]),
        };
        var problems = deliveries.Where(x => x.State is DeliveryState.Failed or DeliveryState.Unreachable or DeliveryState.Unknown)
            .OrderBy(x => x.State).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        body.Add(CardKit.SectionHeading($"Not delivered ({problems.Count})"));
        if (problems.Count == 0) body.Add(new TextBlock("None."));
        else
        {
            var rows = new List<IReadOnlyList<string>> { ProblemHeader };
            rows.AddRange(problems.Take(MaxReportRows).Select(p => (IReadOnlyList<string>)[CardKit.Safe(p.Label, 60), p.State.ToString(), CardKit.Safe(p.Error ?? "", 100)]));
            body.Add(new Table([3, 2, 4], rows));
            if (problems.Count > MaxReportRows) body.Add(new TextBlock($"…and {problems.Count - MaxReportRows} more in the CSV.") { IsSubtle = true });
        }
        foreach (var kind in new[] { NoticeResponseKind.Apologies, NoticeResponseKind.Acknowledged })
        {
            var these = responses.Where(r => r.Kind == kind).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            body.Add(CardKit.SectionHeading($"{(kind == NoticeResponseKind.Apologies ? "Apologies" : "Acknowledged")} ({these.Count})"));
            body.Add(new TextBlock(these.Count == 0 ? "None." : CardKit.Safe(string.Join(", ", these.Select(r => r.Name)), 2000)));
        }
        var actions = csvUrl is null ? null : new CardButton[] { new ActionOpenUrl("Export CSV", csvUrl) };
        return CardKit.Build(new AdaptiveCard(body, actions) { FullWidth = true });
    }

    private static JsonObject? DraftData(int? draft) => draft is { } n ? Number(n) : null;

    private static JsonObject Number(int n) => new() { ["notice"] = n };

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";
}

/// <summary>Who a notice will go to: subscribed channels and group chats, members with a chat, members without.</summary>
internal sealed record NoticeAudience(int Channels, int Members, int MembersWithoutChat);
