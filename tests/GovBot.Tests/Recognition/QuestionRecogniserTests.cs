using GovBot.Features.Notices;
using GovBot.Features.Help;
using GovBot.Features.Milestones;
using GovBot.Features.Checklist;
using GovBot.Features.Meetings;
using GovBot.Features.Reminders;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Groups;
using GovBot.Recognition;

namespace GovBot.Tests.Recognition;

public class QuestionRecogniserTests
{
    // Tuesday 24 November 2026: the UK week runs Monday 23 to Sunday 29 November.
    private static readonly DateOnly Today = new(2026, 11, 24);

    internal static readonly RecognitionContext Ctx = RecognitionContext.From(
        Today,
        [
            Group("DAG", "Design Advisory Group", 3, "design authority group"),
            Group("CCAG", "Cross Code Advisory Group", 3),
            Group("TMAG", "Testing and Migration Advisory Group", 3, "TAG"),
            Group("SITAG", "System Integration & Testing Advisory Group", 3),
            Group("MCAG", "Migration & Cutover Advisory Group", 3),
            Group("QAG", "Qualification Advisory Group", 3),
            Group("PSG", "Programme Steering Group", 2),
            Group("EWG", "Environments Working Group", 4),
        ],
        [
            new Person("kate-goodman", null, "Kate Goodman", "kate@example.org", "Elexon", []),
            new Person("lee-cox", null, "Lee Cox", "lee@example.org", "Programme", ["Programme (Lee Cox)"]),
            new Person("paul-pettitt", null, "Paul Pettitt", "paul@example.org", null, ["Paul Pettit"]),
        ]);

    private static Group Group(string code, string name, int level, params string[] aliases) =>
        new(code, name, level, null, null, true, null, null, null, aliases);

    private static Intent R(string text) => GovBotFeatures.Recogniser.Recognise(text, Ctx);

    private static T Is<T>(string text) where T : Intent
    {
        var intent = R(text);
        var typed = Assert.IsType<T>(intent);
        Assert.False(string.IsNullOrWhiteSpace(typed.Explanation), $"'{text}' has no explanation");
        return typed;
    }

    [Theory]
    [InlineData("my open actions")]
    [InlineData("My open actions")]
    [InlineData("MY OPEN ACTIONS")]
    [InlineData("my open actions?")]
    [InlineData("  my   open\u00A0actions  ")]
    [InlineData("what are my open actions?")]
    [InlineData("Show me my open actions please")]
    [InlineData("please show my open actions!")]
    [InlineData("my open actions.")]
    [InlineData("my outstanding actions")]
    public void MyOpenActions(string text)
    {
        var f = Is<ListActions>(text).Filter;
        Assert.True(f.Mine);
        Assert.Contains(ActionStatus.Open, f.Statuses);
        Assert.DoesNotContain(ActionStatus.Closed, f.Statuses);
        Assert.False(f.Overdue);
        Assert.Null(f.GroupCode);
    }

    [Theory]
    [InlineData("my overdue actions")]
    [InlineData("What are my overdue actions?")]
    [InlineData("show me my overdue actions")]
    [InlineData("my actions that are overdue")]
    [InlineData("which of my actions are late")]
    public void MyOverdueActions(string text)
    {
        var intent = Is<ListActions>(text);
        Assert.True(intent.Filter.Mine);
        Assert.True(intent.Filter.Overdue);
        Assert.Contains("overdue", intent.Explanation);
    }

    [Theory]
    [InlineData("open DAG actions", "DAG")]
    [InlineData("Open dag actions?", "DAG")]
    [InlineData("what are the open DAG actions", "DAG")]
    [InlineData("open design advisory group actions", "DAG")]
    [InlineData("DAG open actions please", "DAG")]
    [InlineData("open actions for SITAG", "SITAG")]
    [InlineData("open system integration & testing advisory group actions", "SITAG")]
    [InlineData("open TAG actions", "TMAG")]
    public void OpenGroupActions(string text, string code)
    {
        var intent = Is<ListActions>(text);
        Assert.Equal(code, intent.Filter.GroupCode);
        Assert.False(intent.Filter.Mine);
        Assert.Contains(ActionStatus.Open, intent.Filter.Statuses);
        Assert.Contains($"group {code}", intent.Explanation);
    }

    [Fact]
    public void GroupByFullName_ExplainsWhereItCameFrom()
    {
        var intent = Is<ListActions>("open design advisory group actions");
        Assert.Equal("actions: group DAG (from 'design advisory group'), status open (not closed)", intent.Explanation);
    }

    [Theory]
    [InlineData("actions due this week")]
    [InlineData("Actions due this week?")]
    [InlineData("what actions are due this week")]
    [InlineData("show me actions due this week please")]
    public void ActionsDueThisWeek_IsMondayToSunday(string text)
    {
        var intent = Is<ListActions>(text);
        Assert.Equal(new DateRange(new(2026, 11, 23), new(2026, 11, 29)), intent.Filter.DueWindow);
        Assert.Contains("this week", intent.Explanation);
    }

    [Theory]
    [InlineData("actions due today", 2026, 11, 24, 2026, 11, 24)]
    [InlineData("actions due tomorrow", 2026, 11, 25, 2026, 11, 25)]
    [InlineData("actions due next week", 2026, 11, 30, 2026, 12, 6)]
    [InlineData("actions due in the next 2 weeks", 2026, 11, 24, 2026, 12, 7)]
    [InlineData("actions due next 2 weeks", 2026, 11, 24, 2026, 12, 7)]
    [InlineData("actions due this month", 2026, 11, 1, 2026, 11, 30)]
    [InlineData("actions due next month", 2026, 12, 1, 2026, 12, 31)]
    [InlineData("actions due in April", 2027, 4, 1, 2027, 4, 30)]
    [InlineData("actions due in April 2024", 2024, 4, 1, 2024, 4, 30)]
    [InlineData("actions due in December", 2026, 12, 1, 2026, 12, 31)]
    [InlineData("actions due in may", 2027, 5, 1, 2027, 5, 31)]
    public void TimeWindows(string text, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var intent = Is<ListActions>(text);
        Assert.Equal(new DateRange(new(y1, m1, d1), new(y2, m2, d2)), intent.Filter.DueWindow);
    }

    [Fact]
    public void ThisWeek_OnASunday_IsTheWeekEndingThatDay()
    {
        var sunday = Ctx with { Today = new DateOnly(2026, 11, 29) };
        var intent = Assert.IsType<ListActions>(GovBotFeatures.Recogniser.Recognise("actions due this week", sunday));
        Assert.Equal(new DateRange(new(2026, 11, 23), new(2026, 11, 29)), intent.Filter.DueWindow);
    }

    [Theory]
    [InlineData("DAG33-04", "DAG33-04")]
    [InlineData("dag33-04", "DAG33-04")]
    [InlineData("dag 33-04", "DAG33-04")]
    [InlineData("DAG 33 - 04", "DAG33-04")]
    [InlineData("DAG33–04", "DAG33-04")]
    [InlineData("what is DAG33-04?", "DAG33-04")]
    [InlineData("show me action DAG33-04 please", "DAG33-04")]
    [InlineData("DAG33-4", "DAG33-04")]
    [InlineData("DAG10.1-03", "DAG10.1-03")]
    [InlineData("dag10.1-03.", "DAG10.1-03")]
    [InlineData("TMAG05-01", "TMAG05-01")]
    [InlineData("TAG02-05", "TAG02-05")]
    public void ActionRefs(string text, string expected) => Assert.Equal(expected, Is<ShowAction>(text).Ref);

    [Theory]
    [InlineData("next DAG meeting", "DAG")]
    [InlineData("Next DAG meeting?")]
    [InlineData("when is the next DAG meeting?", "DAG")]
    [InlineData("when's the next design advisory group meeting", "DAG")]
    [InlineData("next TMAG", "TMAG")]
    [InlineData("next sitag meeting please", "SITAG")]
    [InlineData("when does CCAG meet next", "CCAG")]
    public void NextMeetingOfGroup(string text, string code = "DAG") => Assert.Equal(code, Is<NextMeeting>(text).GroupCode);

    [Theory]
    [InlineData("upcoming meetings")]
    [InlineData("Upcoming meetings?")]
    [InlineData("what meetings are coming up")]
    [InlineData("show me upcoming meetings please")]
    [InlineData("meetings")]
    public void UpcomingMeetingsWithoutWindow(string text)
    {
        var intent = Is<UpcomingMeetings>(text);
        Assert.Null(intent.Window);
        Assert.Null(intent.GroupCode);
    }

    [Fact]
    public void MeetingsNextWeek_HasWindow()
    {
        var intent = Is<UpcomingMeetings>("meetings next week");
        Assert.Equal(new DateRange(new(2026, 11, 30), new(2026, 12, 6)), intent.Window);
    }

    [Fact]
    public void GroupMeetingsThisMonth_HasGroupAndWindow()
    {
        var intent = Is<UpcomingMeetings>("DAG meetings this month");
        Assert.Equal("DAG", intent.GroupCode);
        Assert.NotNull(intent.Window);
    }

    [Theory]
    [InlineData("agenda for DAG 34", "DAG", "34")]
    [InlineData("Agenda for DAG34?", "DAG", "34")]
    [InlineData("what is the agenda for dag 34", "DAG", "34")]
    [InlineData("DAG 34", "DAG", "34")]
    [InlineData("dag 34 papers", "DAG", "34")]
    [InlineData("agenda for DAG 10.1", "DAG", "10.1")]
    [InlineData("TMAG 16 agenda", "TMAG", "16")]
    [InlineData("agenda for design advisory group meeting 34", "DAG", "34")]
    public void SpecificMeeting(string text, string code, string number)
    {
        var intent = Is<ShowMeeting>(text);
        Assert.Equal(code, intent.GroupCode);
        Assert.Equal(number, intent.Number);
    }

    [Theory]
    [InlineData("CR043", "CR043")]
    [InlineData("cr043", "CR043")]
    [InlineData("CR 43", "CR043")]
    [InlineData("cr43", "CR043")]
    [InlineData("change request 43", "CR043")]
    [InlineData("Change Request 043?", "CR043")]
    [InlineData("status of CR045", "CR045")]
    [InlineData("what's the status of CR045?", "CR045")]
    [InlineData("where is cr 45 at", "CR045")]
    [InlineData("CR-7", "CR007")]
    public void ChangeRequestIds(string text, string id) => Assert.Equal(id, Is<ShowChangeRequest>(text).Id);

    [Theory]
    [InlineData("CRs in impact assessment", ChangeRequestStage.ImpactAssessment)]
    [InlineData("crs in impact assessment?", ChangeRequestStage.ImpactAssessment)]
    [InlineData("which change requests are in impact assessment", ChangeRequestStage.ImpactAssessment)]
    [InlineData("CRs in initial assessment", ChangeRequestStage.InitialAssessment)]
    [InlineData("CRs awaiting decision", ChangeRequestStage.Decision)]
    [InlineData("change requests in implementation", ChangeRequestStage.Implementation)]
    public void ChangeRequestsByStage(string text, ChangeRequestStage stage)
    {
        var intent = Is<ListChangeRequests>(text);
        Assert.Equal(stage, intent.Stage);
        Assert.Contains("stage", intent.Explanation);
    }

    [Theory]
    [InlineData("open change requests")]
    [InlineData("Open change requests?")]
    [InlineData("what are the open CRs")]
    [InlineData("show me open change requests please")]
    public void OpenChangeRequests(string text)
    {
        var intent = Is<ListChangeRequests>(text);
        Assert.True(intent.OpenOnly);
        Assert.Null(intent.Stage);
    }

    [Theory]
    [InlineData("deadlines")]
    [InlineData("Deadlines?")]
    [InlineData("what deadlines are coming up")]
    [InlineData("What deadlines are coming up?")]
    [InlineData("show me the deadlines please")]
    [InlineData("checklist deadlines")]
    [InlineData("my deadlines")]
    public void Deadlines(string text) => Assert.Null(Is<ListDeadlines>(text).Window);

    [Fact]
    public void DeadlinesNextWeek_HasWindow() =>
        Assert.Equal(new DateRange(new(2026, 11, 30), new(2026, 12, 6)), Is<ListDeadlines>("deadlines next week").Window);

    [Theory]
    [InlineData("milestones")]
    [InlineData("Milestones?")]
    [InlineData("show me the milestones")]
    [InlineData("what are the milestones please")]
    public void Milestones(string text) => Is<ListMilestones>(text);

    [Theory]
    [InlineData("what is MCAG", "MCAG")]
    [InlineData("What is MCAG?", "MCAG")]
    [InlineData("what's mcag", "MCAG")]
    [InlineData("MCAG", "MCAG")]
    [InlineData("tell me about the design advisory group", "DAG")]
    [InlineData("what is QAG?", "QAG")]
    public void WhatIsGroup(string text, string code) => Assert.Equal(code, Is<ShowGroup>(text).GroupCode);

    [Theory]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("help please")]
    [InlineData("what can you do?")]
    [InlineData("I need help")]
    public void HelpRequests(string text) => Is<ShowHelp>(text);

    [Theory]
    [InlineData("hi")]
    [InlineData("Hello")]
    [InlineData("hello!")]
    [InlineData("Hi GovBot")]
    [InlineData("hey there")]
    [InlineData("good morning")]
    [InlineData("")]
    [InlineData("   ")]
    public void Greetings(string text) => Is<ShowWelcome>(text);

    [Theory]
    [InlineData("Kate Goodman's actions", "kate-goodman")]
    [InlineData("kate goodman’s actions?", "kate-goodman")]
    [InlineData("actions for Lee Cox", "lee-cox")]
    [InlineData("show me actions for lee cox please", "lee-cox")]
    [InlineData("open actions for Paul Pettit", "paul-pettitt")]
    public void PersonActions(string text, string personId)
    {
        var intent = Is<ListActions>(text);
        Assert.Equal(personId, intent.Filter.PersonId);
        Assert.False(intent.Filter.Mine);
        Assert.Contains("person", intent.Explanation);
    }

    [Theory]
    [InlineData("recommended for closure actions", ActionStatus.RecommendClosed)]
    [InlineData("DAG actions recommended for closure", ActionStatus.RecommendClosed)]
    [InlineData("closed DAG actions", ActionStatus.Closed)]
    [InlineData("ongoing actions", ActionStatus.Ongoing)]
    public void ActionStatuses(string text, ActionStatus status)
    {
        var intent = Is<ListActions>(text);
        Assert.Contains(status, intent.Filter.Statuses);
        if (status == ActionStatus.RecommendClosed) Assert.DoesNotContain(ActionStatus.Closed, intent.Filter.Statuses);
    }

    [Theory]
    [InlineData("reminders off", ReminderKind.All, false)]
    [InlineData("Reminders off please", ReminderKind.All, false)]
    [InlineData("turn off reminders", ReminderKind.All, false)]
    [InlineData("reminders on", ReminderKind.All, true)]
    [InlineData("Reminders on!", ReminderKind.All, true)]
    [InlineData("checklist reminders off", ReminderKind.Checklist, false)]
    [InlineData("checklist reminders on", ReminderKind.Checklist, true)]
    [InlineData("stop reminders", ReminderKind.All, false)]
    public void ReminderSwitches(string text, ReminderKind kind, bool enabled)
    {
        var intent = Is<SetReminders>(text);
        Assert.Equal(kind, intent.Kind);
        Assert.Equal(enabled, intent.Enabled);
    }

    [Theory]
    [InlineData("my reminder settings")]
    [InlineData("reminder settings?")]
    [InlineData("My reminder settings please")]
    public void ReminderSettings(string text) => Is<ShowReminderSettings>(text);

    [Theory]
    [InlineData("subscribe DAG", "DAG", false)]
    [InlineData("subscribe to dag", "DAG", false)]
    [InlineData("Subscribe to the design advisory group", "DAG", false)]
    [InlineData("subscribe checklist", null, true)]
    [InlineData("subscribe to the checklist please", null, true)]
    public void SubscribeCommands(string text, string? code, bool checklist)
    {
        var intent = Is<Subscribe>(text);
        Assert.Equal(new SubscriptionTarget(code, checklist), intent.Target);
    }

    [Theory]
    [InlineData("unsubscribe DAG", "DAG")]
    [InlineData("unsubscribe from DAG", "DAG")]
    [InlineData("Unsubscribe sitag.", "SITAG")]
    public void UnsubscribeCommands(string text, string code) => Assert.Equal(code, Is<Unsubscribe>(text).Target.GroupCode);

    [Fact]
    public void SubscribeToNothingKnown_IsUnknownWithSuggestions()
    {
        var intent = Is<Unknown>("subscribe bananas");
        Assert.Contains("subscribe DAG", intent.Suggestions);
    }

    [Theory]
    [InlineData("subscriptions")]
    [InlineData("my subscriptions")]
    [InlineData("Subscriptions?")]
    public void SubscriptionList(string text) => Is<ListSubscriptions>(text);

    [Theory]
    [InlineData("post notice")]
    [InlineData("Post a notice")]
    [InlineData("post notice please")]
    public void PostNoticeCommand(string text) => Is<PostNotice>(text);

    [Theory]
    [InlineData("notice report 12")]
    [InlineData("Notice report #12")]
    [InlineData("notice report for notice 12?")]
    public void NoticeReportCommand_CarriesTheNumber(string text) => Assert.Equal(12, Is<NoticeReport>(text).Number);

    [Theory]
    [InlineData("reminder report")]
    [InlineData("Reminder report?")]
    public void ReminderReportCommand(string text) => Is<ReminderReport>(text);

    [Theory]
    [InlineData("what's the weather like")]
    [InlineData("banana")]
    [InlineData("asdf qwerty")]
    [InlineData("book me a taxi to the airport")]
    [InlineData("Monday 23-11")]
    public void NotUnderstood_IsUnknownWithSuggestions(string text)
    {
        var intent = Is<Unknown>(text);
        Assert.NotEmpty(intent.Suggestions);
        Assert.All(intent.Suggestions, s => Assert.Contains(s, GovBotFeatures.Recogniser.Examples));
    }

    [Fact]
    public void Unknown_SuggestsClosestByWords()
    {
        var intent = Is<Unknown>("impact assessment thingy");
        Assert.Equal("CRs in impact assessment", intent.Suggestions[0]);
    }

    [Fact]
    public void VeryLongInput_StillAnswers()
    {
        var text = "my open actions " + new string('x', 10_000);
        Assert.IsType<ListActions>(R(text));
        var junk = string.Concat(Enumerable.Repeat("blah ", 5_000));
        var unknown = Assert.IsType<Unknown>(R(junk));
        Assert.True(unknown.Text.Length <= 101);
    }

    [Theory]
    [InlineData("“my open actions”")]
    [InlineData("'my open actions'")]
    [InlineData("my\topen\r\nactions")]
    [InlineData("my open actions???")]
    [InlineData("my open actions 🙂")]
    public void Robust_ToQuotesWhitespaceAndPunctuation(string text) => Assert.True(Is<ListActions>(text).Filter.Mine);

    [Fact]
    public void NullText_IsWelcome() => Assert.IsType<ShowWelcome>(GovBotFeatures.Recogniser.Recognise(null, Ctx));

    [Fact]
    public void EveryExample_IsRecognised()
    {
        foreach (var example in GovBotFeatures.Recogniser.Examples)
            Assert.IsNotType<Unknown>(R(example));
    }

    [Fact]
    public void SameInput_SameIntent() => Assert.Equal(R("open DAG actions due next week"), R("open DAG actions due next week"), new IntentComparer());

    private sealed class IntentComparer : IEqualityComparer<Intent>
    {
        public bool Equals(Intent? x, Intent? y) => x?.Explanation == y?.Explanation && x?.GetType() == y?.GetType();
        public int GetHashCode(Intent obj) => obj.Explanation.GetHashCode(StringComparison.Ordinal);
    }
}
