using GovBot.Tests.Cards;
using GovBot.Tests.Recognition;
using GovBot.Tests.Storage;
using GovBot.Tests.Bot;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Meetings;
using GovBot.Recognition;

namespace GovBot.Tests.Features.Events;

/// <summary>Questions about events, group updates and days (issue 15), as of Wednesday 6 March 2024.</summary>
public class AnnouncementQuestionsTests
{
    private static readonly DateOnly Today = new(2024, 3, 6);

    private static readonly RecognitionContext Ctx = QuestionRecogniserTests.Ctx with
    {
        Today = Today,
        Groups =
        [
            .. QuestionRecogniserTests.Ctx.Groups,
            new KnownGroup("SITWG", "Systems Integration Test Working Group", ["SIT Working Group"]),
        ],
    };

    private static T Is<T>(string text) where T : Intent
    {
        var intent = GovBotFeatures.Recogniser.Recognise(text, Ctx);
        var typed = Assert.IsType<T>(intent);
        Assert.False(string.IsNullOrWhiteSpace(typed.Explanation));
        return typed;
    }

    [Theory]
    [InlineData("when is the open day", EventKind.OpenDay)]
    [InlineData("When's the MHHS open day?", EventKind.OpenDay)]
    [InlineData("date of the next open day", EventKind.OpenDay)]
    [InlineData("next webinar", EventKind.Webinar)]
    [InlineData("when is the next MHHS webinar please", EventKind.Webinar)]
    [InlineData("what's the next event", null)]
    public void NextEvent_ByKind(string text, EventKind? kind) => Assert.Equal(kind, Is<NextEvent>(text).Kind);

    [Theory]
    [InlineData("events next week", 2024, 3, 11, 2024, 3, 17, null)]
    [InlineData("any webinars this week", 2024, 3, 4, 2024, 3, 10, EventKind.Webinar)]
    [InlineData("events in April", 2024, 4, 1, 2024, 4, 30, null)]
    [InlineData("what events are on 12 March", 2024, 3, 12, 2024, 3, 12, null)]
    public void ListEvents_InAWindow(string text, int y1, int m1, int d1, int y2, int m2, int d2, EventKind? kind)
    {
        var intent = Is<ListEvents>(text);
        Assert.Equal(new DateRange(new(y1, m1, d1), new(y2, m2, d2)), intent.Window);
        Assert.Equal(kind, intent.Kind);
    }

    [Theory]
    [InlineData("upcoming events")]
    [InlineData("webinars")]
    [InlineData("what events are coming up")]
    public void ListEvents_WithoutWindow(string text) => Assert.Null(Is<ListEvents>(text).Window);

    [Theory]
    [InlineData("what's on 12 March", 2024, 3, 12)]
    [InlineData("What is on the 12th of March?", 2024, 3, 12)]
    [InlineData("anything on Thursday", 2024, 3, 7)]
    [InlineData("what's happening on 7 March", 2024, 3, 7)]
    [InlineData("what's on 12/03", 2024, 3, 12)]
    [InlineData("what's on 23/04/2024", 2024, 4, 23)]
    [InlineData("anything happening on Monday 11 March?", 2024, 3, 11)]
    [InlineData("what's on march 13th", 2024, 3, 13)]
    [InlineData("is there anything on tomorrow", 2024, 3, 7)]
    [InlineData("what's on next Wednesday", 2024, 3, 13)]
    [InlineData("what's on Wednesday", 2024, 3, 6)]
    [InlineData("anything in the diary for Friday", 2024, 3, 8)]
    public void WhatsOn_ADay(string text, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), Is<WhatsOn>(text).Day);

    [Fact]
    public void ADayMoreThanHalfAYearPast_IsNextYears()
    {
        // As of Tuesday 24 November 2026: 10 January is next year's; 1 November (23 days ago) this year's.
        Assert.Equal(new DateOnly(2027, 1, 10), Assert.IsType<WhatsOn>(GovBotFeatures.Recogniser.Recognise("what's on 10 January", QuestionRecogniserTests.Ctx)).Day);
        Assert.Equal(new DateOnly(2026, 11, 1), Assert.IsType<WhatsOn>(GovBotFeatures.Recogniser.Recognise("what was on 1 November", QuestionRecogniserTests.Ctx)).Day);
    }

    [Theory]
    [InlineData("meetings on 12 March")]
    [InlineData("what meetings are on Thursday")]
    public void MeetingsOnADay_StayMeetings(string text)
    {
        var intent = Is<UpcomingMeetings>(text);
        Assert.Equal(intent.Window!.From, intent.Window.To);
    }

    [Theory]
    [InlineData("when is the SITWG meeting", "SITWG")]
    [InlineData("next SITAG?", "SITAG")]
    [InlineData("when does the SIT working group meet", "SITWG")]
    public void NextMeeting_OfAWorkingGroup(string text, string group) => Assert.Equal(group, Is<NextMeeting>(text).GroupCode);

    [Theory]
    [InlineData("what did PSG decide on CR015", "PSG", "CR015")]
    [InlineData("what has DAG said about CR043", "DAG", "CR043")]
    [InlineData("DAG's decision on change request 43", "DAG", "CR043")]
    [InlineData("what did the groups say about CR 42", null, "CR042")]
    [InlineData("has anyone decided on CR040", null, "CR040")]
    [InlineData("updates from DAG", "DAG", null)]
    [InlineData("latest PSG updates", "PSG", null)]
    [InlineData("what did the programme steering group decide", "PSG", null)]
    [InlineData("news from CCAG", "CCAG", null)]
    public void GroupUpdates(string text, string? group, string? cr)
    {
        var intent = Is<ShowGroupUpdates>(text);
        Assert.Equal((group, cr), (intent.GroupCode, intent.ChangeRequestId));
    }

    [Theory]
    [InlineData("CR043")]
    [InlineData("CR043 decision")]
    public void AChangeRequestAlone_IsItsCard(string text) => Is<ShowChangeRequest>(text);

    [Theory]
    [InlineData("Monday 23-11")]
    [InlineData("12 March")]
    public void ABareDate_IsNotAQuestion(string text) => Is<Unknown>(text);
}
