using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Import;
using GovBot.Features.Groups;
using GovBot.Features.Help;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using GovBot.Features.Notices;
using GovBot.Features.Reminders;

namespace GovBot.Tests.Cards;

/// <summary>Small hand-made records and every kind of card built from them, for content, schema, lint and render tests.</summary>
internal static class CardSamples
{
    /// <summary>Wednesday 13 March 2024.</summary>
    public static readonly DateOnly AsOf = new(2024, 3, 13);

    public static ActionItem Action(string @ref, DateOnly? due, ActionStatus status = ActionStatus.Open, string? text = null, IReadOnlyList<ActionUpdate>? history = null) =>
        new(@ref, "DAG", "33", new DateOnly(2024, 2, 7), text ?? $"Text of {@ref}", "Programme (Lee Cox)",
            [new OwnerParty(OwnerPartyKind.Person, "lee-cox")], due, status, "Draft circulated to members", history ?? []);

    public static readonly ActionItem Overdue = Action("DAG33-02", new(2024, 3, 1));
    public static readonly ActionItem OverdueEarlier = Action("DAG33-01", new(2024, 2, 20));
    public static readonly ActionItem DueSoon = Action("DAG33-03", new(2024, 3, 18), ActionStatus.Ongoing);
    public static readonly ActionItem DueToday = Action("DAG33-05", new(2024, 3, 13));
    public static readonly ActionItem Later = Action("DAG33-04", new(2024, 4, 10), ActionStatus.RecommendClosed);
    public static readonly ActionItem NoDue = Action("DAG33-06", null);

    public static readonly ActionItem WithHistory = Action("DAG33-07", new(2024, 3, 20), text: "Programme to publish the <b>revised</b> design artefacts\n# not a header", history:
    [
        new(new DateTimeOffset(2024, 2, 7, 11, 0, 0, TimeSpan.Zero), null, "Imported from papers", "Raised at DAG 33", ActionStatus.Open, new(2024, 3, 6)),
        new(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero), "lee-cox", "Lee Cox", "Waiting for comments", null, new(2024, 3, 20)),
    ]);

    public static readonly Meeting Dag34 = new("DAG", "34", false, new(2024, 3, 13), new(10, 0), new(12, 30), "Elexon, 350 Euston Road, London", "https://teams.microsoft.com/l/meetup-join/abc",
        [
            new("1", "Welcome and introductions", null, AgendaItemType.Information, "Chair", new(10, 0), new(10, 5)),
            new("2", "Minutes and actions", "Approve minutes of DAG 33", AgendaItemType.Decision, "Secretariat", new(10, 5), new(10, 15)),
            new("3", "CR043 impact assessment", "Recommend approval", AgendaItemType.Decision, "Change Board", new(10, 15), new(11, 0)),
            new("4", "Summary and next steps", null, AgendaItemType.Discussion, "Chair", new(12, 20), new(12, 30)),
        ],
        [
            new("DAG 34 Papers", "Papers", "MHHS-DEL1056", "1.0", "https://example.org/dag34-papers.pdf"),
            new("Headline Report", "Headline Report", null, null, null),
        ]);

    public static readonly Meeting ExpectedSitag = new("SITAG", "", false, new(2024, 3, 20), new(10, 0), new(12, 0), null, null, [], []);

    public static readonly ChangeRequest Cr043 = new("CR043", "Change to the registration service interface", "Elexon (Mike Ceney)",
        ChangeRequestStage.ImpactAssessment, null,
        [new("Raised", new(2024, 1, 10)), new("Change Board initial assessment", new(2024, 1, 24))],
        new(2024, 2, 26), new(2024, 3, 11),
        [new("Large Supplier", 3, 1, 0, 2), new("DNO", 2, 0, 1, 3), new("Supplier Agent", 0, 2, 0, 4)],
        "Design Interim Release IR8", ["DAG [96]"], "Amends the interface specification.");

    public static readonly ChangeRequest Cr040 = Cr043 with { Id = "CR040", Title = "Retired code", Stage = ChangeRequestStage.Closed, Outcome = ChangeRequestOutcome.Rejected, Tally = [] };
    public static readonly ChangeRequest Cr045 = Cr043 with { Id = "CR045", Title = "New one", Stage = ChangeRequestStage.Raised, Tally = [] };
    public static readonly ChangeRequest Cr044 = Cr043 with { Id = "CR044", Title = "Under decision", Stage = ChangeRequestStage.Decision, Tally = [] };

    public static readonly ChecklistItem[] Checklist =
    [
        new(new(2024, 3, 6), 1, "Respond to the consultation on qualification – the deadline is Friday 15 March 2024", new(2024, 3, 15), false, "https://example.org/consult", "DAG 34"),
        new(new(2024, 3, 6), 2, "REMINDER: submit objections", new(2024, 3, 13), true, null, "DAG 34"),
        new(new(2024, 2, 7), 3, "Return the readiness survey", new(2024, 3, 8), false, null, "DAG 33"),
        new(new(2024, 3, 6), 4, "Published: updated design artefacts (information only)", null, false, null, "DAG 34"),
    ];

    public static readonly Milestone[] Milestones =
    [
        new("T3-DB-0099", "Design baseline published", "Programme", new(2024, 3, 1), new(2024, 3, 15), Rag.OnTrack, Rag.AtRisk, Rag.AtRisk, "Slipped due to CR043"),
        new("T3-DB-0100", "Qualification approach agreed", "QAG", new(2024, 4, 1), new(2024, 4, 1), Rag.OnTrack, Rag.OnTrack, Rag.OnTrack, null),
        new("T3-DB-0101", "Migration plan", "MCAG", new(2024, 2, 1), new(2024, 2, 20), Rag.AtRisk, Rag.OffTrack, null, null),
    ];

    public static readonly Group Dag = new("DAG", "Design Advisory Group", 3, null, new MeetingCadence(2, DayOfWeek.Wednesday, new(10, 0), new(12, 30)), true,
        "Provides design assurance and advises the SRO on design decisions.", "chair-1", "pmo-1", ["design advisory group"]);

    /// <summary>A digest on 13 March 2024: a checklist deadline, an action due soon, an overdue one.</summary>
    public static PlannedDigest ReminderDigest(bool personal) => new(
        personal ? Recipient.Person("lee-cox") : Recipient.Conversation("19:dag@thread.tacv2"), AsOf, new DateTimeOffset(2024, 3, 13, 9, 0, 0, TimeSpan.Zero), false,
        [
            new(new ReminderItem(ReminderItemKind.Checklist, Checklist[0].Id, Checklist[0].Text, Checklist[0].Deadline!.Value, null, "DAG 34"), new ReminderSlot(SlotKind.ChecklistBefore, 1, Checklist[0].Deadline!.Value)),
            new(new ReminderItem(ReminderItemKind.Action, DueSoon.Ref, DueSoon.Text, DueSoon.Due!.Value, "DAG", DueSoon.OwnerText), new ReminderSlot(SlotKind.ActionBefore, 3, DueSoon.Due!.Value)),
            new(new ReminderItem(ReminderItemKind.Action, Overdue.Ref, "Programme to publish the <b>revised</b> plan", Overdue.Due!.Value, "DAG", Overdue.OwnerText), new ReminderSlot(SlotKind.OverdueWeekly, 0, new(2024, 3, 11))),
        ]);
    public const string PendingId = "0123456789abcdef0123456789abcdef";

    public static readonly PapersImportPreview PapersPreview = new("DAG 34", 2, 3, 18, 1, 4, 1, 2, PreviewChange.Changed, 1, 0,
        [.. Enumerable.Range(1, 7).Select(i => $"line {i * 40}: the due date of DAG33-0{i} could not be read <script>")]);

    /// <summary>Every card kind, named for file output and test names.</summary>
    public static readonly ProgrammeEvent Webinar = new(new(2024, 3, 12), "MHHS Webinar: Change of Supplier process", EventKind.Webinar, new(12, 30), new(13, 0), null, true, "the Change of Supplier process", "DAG 34 papers");
    public static readonly ProgrammeEvent OpenDay = new(new(2024, 4, 23), "MHHS Open Day <b>2024</b>", EventKind.OpenDay, null, null, "Elexon's offices, 350 Euston Rd, London NW1 3AW", true, null, "DAG 34 papers");
    public static readonly Meeting AnnouncedSitag = new("SITAG", "2024-03-11", true, new(2024, 3, 11), null, null, null, null, [], [], null, "DAG 34 papers");
    public static readonly GroupUpdate[] Cr043Said =
    [
        new("DAG", new(2024, 2, 14), 4, "CR043 Impact Assessment", "SRO approved CR043 for Impact Assessment, pending clarifications by 29 February 2024.", "DAG 34 papers", ["CR043"], [], []),
        new("PSG", new(2024, 3, 6), 2, "", "PSG noted the # CR043 <script> timeline.", "DAG 35 papers", ["CR043"], ["Interim Release 8"], []),
    ];

    public static IReadOnlyDictionary<string, JsonObject> All() => new Dictionary<string, JsonObject>
    {
        ["action-list"] = ActionCards.List(
            [(Later, "You are the owner"), (Overdue, "You are the owner"), (DueSoon, "DAG members"), (OverdueEarlier, "You are the owner"), (NoDue, "Chair of DAG"), (DueToday, "You are the owner")],
            AsOf, "Your open actions", "my open actions"),
        ["action-list-empty"] = ActionCards.List([], AsOf, "Your overdue actions", "my overdue actions"),
        ["action-list-paged"] = ActionCards.List(
            [.. Enumerable.Range(1, 40).Select(i => (Action($"DAG30-{i:00}", AsOf.AddDays(i - 20), text: new string('x', 150)), "You are the owner"))],
            AsOf, "Open DAG actions", "open DAG actions"),
        ["action-detail-owner"] = ActionCards.Detail(WithHistory, AsOf, ActionButtons.Update | ActionButtons.RecommendClose, "DAG 33", "W/\"etag-1\""),
        ["action-detail-pmo"] = ActionCards.Detail(WithHistory, AsOf, ActionButtons.Update | ActionButtons.RecommendClose | ActionButtons.Close | ActionButtons.ChangeDue),
        ["action-detail-closed-pmo"] = ActionCards.Detail(Later with { Status = ActionStatus.Closed }, AsOf, ActionButtons.Close | ActionButtons.Reopen | ActionButtons.ChangeDue),
        ["action-detail-readonly"] = ActionCards.Detail(NoDue, AsOf, ActionButtons.None),
        ["meeting"] = MeetingCards.Meeting(Dag34, AsOf, groupName: "Design Advisory Group"),
        ["meeting-expected"] = MeetingCards.Meeting(ExpectedSitag, AsOf, expectedFromCadence: true),
        ["meetings-upcoming"] = MeetingCards.Upcoming([new(Dag34, false, "Design Advisory Group"), new(ExpectedSitag, true, "SITAG")], AsOf, "upcoming meetings"),
        ["cr-detail"] = ChangeRequestCards.Detail(Cr043, AsOf),
        ["cr-detail-closed"] = ChangeRequestCards.Detail(Cr040, AsOf),
        ["cr-detail-groups-said"] = ChangeRequestCards.Detail(Cr043, AsOf, Cr043Said),
        ["events"] = EventCards.List([OpenDay, Webinar], AsOf, "Events, Wed 13 Mar to Tue 11 Jun", "events"),
        ["events-empty"] = EventCards.List([], AsOf, "Webinars, Mon 18 Mar to Sun 24 Mar", "webinars next week"),
        ["event"] = EventCards.Event(OpenDay, AsOf),
        ["day"] = EventCards.Day(new DayAgenda(new(2024, 3, 12), [new(AnnouncedSitag, false, "SITAG"), new(ExpectedSitag, true, "SITAG"), new(Dag34, false, "Design Advisory Group")], [Webinar]), AsOf),
        ["day-empty"] = EventCards.Day(new DayAgenda(new(2024, 3, 16), [], []), AsOf),
        ["group-updates"] = GroupUpdateCards.List([.. Cr043Said], AsOf, GroupUpdateCards.Title(null, "CR043"), "what have the groups said about CR043"),
        ["group-updates-empty"] = GroupUpdateCards.List([], AsOf, GroupUpdateCards.Title("DAG", null), "updates from DAG"),
        ["cr-list"] = ChangeRequestCards.List([Cr045, Cr040, Cr043, Cr044], AsOf, "Change requests", "change requests"),
        ["checklist"] = ChecklistCards.Deadlines(Checklist, AsOf, "deadlines"),
        ["milestones"] = MilestoneCards.List(Milestones, AsOf, "milestones"),
        ["group"] = GroupCards.Group(Dag, AsOf, "Jane Chair", Dag34 with { Date = new(2024, 4, 10) }),
        ["group-expected"] = GroupCards.Group(Dag with { IsActive = false, ParentCode = "PSG", Cadence = null }, AsOf, null, ExpectedSitag, nextIsExpected: true, parentName: "Programme Steering Group"),
        ["welcome"] = HelpCards.Welcome("Kate"),
        ["help"] = HelpCards.Help(GovBotFeatures.Recogniser.HelpSections),
        ["unknown"] = HelpCards.Unknown("what's the weather <script>", ["my open actions", "help"]),
        ["error"] = CommonCards.Error("The action log could not be read. Please try again in a minute.", "my open actions"),
        ["reminder-digest-personal"] = ReminderCards.Digest(ReminderDigest(personal: true), new(9, 0), personal: true),
        ["reminder-digest-channel-late"] = ReminderCards.Digest(ReminderDigest(personal: false) with { IsLate = true }, new(9, 0), personal: false),
        ["reminder-snoozed"] = ReminderCards.Snoozed(new(2024, 3, 18), new(9, 0), ["action:DAG33-02", "checklist:20240306-01"]),
        ["reminder-settings"] = ReminderCards.PersonalSettings(actions: true, checklist: true, installed: true, reachable: true, "Checklist reminders are now on."),
        ["reminder-settings-off"] = ReminderCards.PersonalSettings(actions: false, checklist: false, installed: false, reachable: false),
        ["reminder-subscriptions"] = ReminderCards.Subscriptions(["checklist", "group:DAG"], "Subscribed: DAG actions."),
        ["reminder-subscriptions-empty"] = ReminderCards.Subscriptions([]),
        ["reminder-report"] = ReminderCards.Report(
            new ReminderRun(new DateTimeOffset(2024, 3, 13, 9, 0, 5, TimeSpan.Zero), new DateTimeOffset(2024, 3, 13, 9, 0, 9, TimeSpan.Zero), AsOf, false,
                12, 30, 26, 2, 0, 2, 0, 0, new Dictionary<string, int> { ["owner has reminders off or no personal install"] = 7 }, ["ab12cd34ef"]),
            [new StoredConversation(Recipient.Conversation("19:dag@thread.tacv2"),
                new GovBot.Connector.ConversationReference("https://smba.trafficmanager.net/uk/", "msteams", new("19:dag@thread.tacv2", "channel", Name: "DAG general"), new("28:bot"), null, "t"),
                AsOf.ToDateTime(default), new DateTimeOffset(2024, 3, 13, 9, 0, 7, TimeSpan.Zero), "HTTP 403 BotDisabledByAdmin")]),
        ["reminder-report-empty"] = ReminderCards.Report(null, []),
        ["import-not-pmo"] = FileImportCards.NotPmo(),
        ["import-problem"] = FileImportCards.Problem("setup.exe", "I can import meeting papers (a .txt or .pdf file) and CSV files (.csv). Other kinds of file are not opened."),
        ["import-papers-preview"] = FileImportCards.PapersPreview("dag-34-2024-03-13-papers.txt", PapersPreview, PendingId),
        ["import-papers-preview-nothing-new"] = FileImportCards.PapersPreview("dag-34-2024-03-13-papers.txt",
            PapersPreview with { NewActions = 0, ChangedActions = 0, NewChecklistItems = 0, ChangedChecklistItems = 0, NewDecisions = 0, Meeting = PreviewChange.Unchanged, Warnings = [] }, PendingId),
        ["import-csv-preview"] = FileImportCards.CsvPreview("actions.csv", new CsvImportResult(CsvKind.Actions, 42, 3, 5, 34, [], false), PendingId),
        ["import-csv-errors"] = FileImportCards.CsvErrors("actions.csv",
            [.. Enumerable.Range(2, 14).Select(line => new CsvError(line, "due", $"'13/03/2024' is not a date as yyyy-MM-dd (e.g. 2024-03-13) <b>{line}</b>"))]),
        ["import-done"] = FileImportCards.Imported("dag-34-2024-03-13-papers.txt", "Actions: 2 created, 1 updated, 20 unchanged, 0 stale, 0 skipped. Meeting: written. Decisions written: 1. Checklist items written: 4."),
        ["import-cancelled"] = FileImportCards.Cancelled("actions.csv"),
        ["import-expired"] = FileImportCards.Expired(),
        ["conflict"] = CommonCards.Conflict("Action DAG33-07", ActionCards.ShowVerb, new JsonObject { ["ref"] = "DAG33-07" }),
        ["notice-form"] = NoticeCards.Form(NoticeForm.Empty, [Dag], [Dag34]),
        ["notice-form-errors"] = NoticeCards.Form(NoticeForm.Empty with { Number = "x", Date = "2024-03-13" }, [Dag], [Dag34],
            new Dictionary<string, string> { [NoticeForm.GroupField] = "Choose the group the notice is for.", [NoticeForm.NumberField] = "Use a meeting number like 34 or 10.1." }, draft: 3),
        ["notice-preview"] = NoticeCards.Preview(Notice, new NoticeAudience(2, 11, 4)),
        ["notice-recipient"] = NoticeCards.Recipient(Notice with { Status = NoticeStatus.Sent }, "https://govbot.example/notices/3/calendar.ics?exp=1&sig=x"),
        ["notice-recipient-apologies"] = NoticeCards.Recipient(Notice with { Status = NoticeStatus.Sent }, "https://govbot.example/notices/3/calendar.ics?exp=1&sig=x", NoticeResponseKind.Apologies),
        ["notice-recipient-updated"] = NoticeCards.Recipient(Notice with { Status = NoticeStatus.Sent, Version = 2, Previous = Notice.Details with { Start = new(9, 0) } }, null),
        ["notice-recipient-cancelled"] = NoticeCards.Recipient(Notice with { Status = NoticeStatus.Cancelled, Version = 3, CancelReason = "Quorum not met" }, null),
        ["notice-status"] = NoticeCards.Status(Notice with { Status = NoticeStatus.Sent }, new DeliveryCounts(14, 5, 1, 2, 0, 6), 1, 2),
        ["notice-report"] = NoticeCards.Report(Notice with { Status = NoticeStatus.Sent },
            [new Delivery(3, Recipient.Person("lee-cox"), "Lee Cox", DeliveryState.Unreachable, 1, default, null, null, null, "no chat with GovBot", 0, 0, default),
             new Delivery(3, Recipient.Conversation("19:dag@thread.tacv2"), "DAG general", DeliveryState.Delivered, 1, default, null, null, "1", null, 1, 1, default)],
            [new NoticeResponse(3, "person|lee-cox", "Lee Cox", NoticeResponseKind.Apologies, default)], "https://govbot.example/notices/3/report.csv?exp=1&sig=x"),
    };

    public static readonly Notice Notice = new(3, NoticeStatus.Draft, 1,
        new NoticeDetails("DAG", "34", "DAG 34", new(2024, 3, 13), new(10, 0), new(12, 30), "Elexon, 350 Euston Road, London", "https://teams.microsoft.com/l/meetup-join/abc",
            "1. Welcome and introductions (Chair)\n2. Minutes and actions (Secretariat)", "https://example.org/dag34-papers.pdf", "Papers are published."),
        null, null, "priya-patel", null, null, null, default, default, null);
}
