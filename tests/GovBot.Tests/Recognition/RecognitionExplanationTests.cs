using GovBot.Features.Help;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Milestones;
using GovBot.Features.Checklist;
using GovBot.Features.Meetings;
using GovBot.Features.Groups;
using GovBot.Features.Actions;
using GovBot.Recognition;

namespace GovBot.Tests.Recognition;

/// <summary>Explanations say what matched, in words a member can check.</summary>
public class RecognitionExplanationTests
{
    private static Intent R(string text) => GovBotFeatures.Recogniser.Recognise(text, QuestionRecogniserTests.Ctx);

    [Theory]
    [InlineData("my overdue DAG actions", "actions: yours (from 'my'), group DAG, overdue")]
    [InlineData("Kate Goodman's actions", "actions: person Kate Goodman (from 'kate goodman')")]
    [InlineData("actions due this week", "actions: due this week (Mon 23 Nov 2026 – Sun 29 Nov 2026)")]
    [InlineData("actions due today", "actions: due today (Tue 24 Nov 2026)")]
    [InlineData("DAG actions recommended for closure", "actions: group DAG, status recommended for closure")]
    [InlineData("dag 33-04", "action DAG33-04 (from 'dag 33-04')")]
    [InlineData("change request 43", "change request CR043 (from 'change request 43')")]
    [InlineData("agenda for design advisory group 34", "meeting DAG 34 (group DAG (from 'design advisory group'))")]
    [InlineData("next TMAG", "next meeting of group TMAG")]
    [InlineData("CRs in impact assessment", "change requests: stage Impact assessment")]
    [InlineData("what is MCAG", "about group MCAG")]
    [InlineData("deadlines next week", "checklist deadlines: next week (Mon 30 Nov 2026 – Sun 6 Dec 2026)")]
    [InlineData("checklist reminders off", "turn checklist reminders off")]
    [InlineData("subscribe design advisory group", "subscribe to group DAG (from 'design advisory group')")]
    public void Explanations(string text, string explanation) => Assert.Equal(explanation, R(text).Explanation);

    [Fact]
    public void Unknown_ExplanationListsSuggestions() =>
        Assert.StartsWith("no question recognised; closest examples: ", R("flibbertigibbet").Explanation);

    [Fact]
    public void ActionsAlone_AreNotMineAndMeanNotClosed()
    {
        var filter = Assert.IsType<ListActions>(R("actions")).Filter;
        Assert.False(filter.Mine);
        Assert.Empty(filter.Statuses);
        Assert.Equal(ActionFilter.NotClosed, filter.EffectiveStatuses);
    }

    [Theory]
    [InlineData("DAG", typeof(ShowGroup))]
    [InlineData("DAG actions", typeof(ListActions))]
    [InlineData("DAG meetings", typeof(UpcomingMeetings))]
    [InlineData("next DAG", typeof(NextMeeting))]
    [InlineData("DAG 34", typeof(ShowMeeting))]
    [InlineData("DAG33-04", typeof(ShowAction))]
    [InlineData("my deadlines", typeof(ListDeadlines))]
    [InlineData("what's due this week", typeof(ListDeadlines))]
    [InlineData("what's the plan", typeof(ListMilestones))]
    [InlineData("show me the weather", typeof(Unknown))]
    [InlineData("subscribe", typeof(Unknown))]
    [InlineData("remind me about something", typeof(Unknown))]
    public void TheSameGroupMeansDifferentThingsByTheWordsAroundIt(string text, Type intent) => Assert.IsType(intent, R(text));
}
