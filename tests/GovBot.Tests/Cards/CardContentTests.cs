using System.Text;
using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Groups;
using GovBot.Features.Help;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using static GovBot.Tests.Cards.CardSamples;

namespace GovBot.Tests.Cards;

public class ActionCardTests
{
    [Fact]
    public void List_GroupsOverdueDueSoonLater_OrderedByDueDate()
    {
        var card = CardSamples.All()["action-list"];
        var texts = CardJson.Texts(card);
        var headings = texts.Where(t => t.StartsWith("Overdue", StringComparison.Ordinal) || t.StartsWith("Due ", StringComparison.Ordinal) && t.Contains('(') && !t.Contains('·')).ToList();
        Assert.Equal(["Overdue (2)", "Due in the next 7 days (2)", "Due later or no due date (2)"], headings);
        var refs = texts.Where(t => t.StartsWith("**DAG", StringComparison.Ordinal)).Select(t => t[2..10]).ToList();
        Assert.Equal(["DAG33-01", "DAG33-02", "DAG33-05", "DAG33-03", "DAG33-04", "DAG33-06"], refs);
    }

    [Fact]
    public void List_EachItemSaysWhyAndHowLongIsLeft()
    {
        var all = CardJson.AllText(CardSamples.All()["action-list"]);
        Assert.Contains("_Why: DAG members_", all);
        Assert.Contains("Due Fri 1 Mar 2024 (overdue by 12 days) · Open · Owner: Programme (Lee Cox)", all);
        Assert.Contains("Due Wed 13 Mar 2024 (due today)", all);
        Assert.Contains("Due Mon 18 Mar 2024 (5 days left) · Ongoing", all);
        Assert.Contains("Recommended for closure", all);
        Assert.Contains("No due date", all);
        Assert.Contains("As of Wednesday 13 March 2024", all);
    }

    [Fact]
    public void List_ItemsOpenTheirDetail()
    {
        var opens = CardJson.Executes(CardSamples.All()["action-list"], ActionCards.ShowVerb);
        Assert.Equal(6, opens.Count);
        Assert.Equal("DAG33-01", (string?)opens[0]["data"]!["ref"]);
    }

    [Fact]
    public void List_PagesWithShowMore()
    {
        var items = Enumerable.Range(1, 25).Select(i => (Action($"DAG30-{i:00}", AsOf.AddDays(i)), "owner")).ToList();
        var first = ActionCards.List(items, AsOf, "Open actions", "open DAG actions");
        var more = Assert.Single(CardJson.Executes(first, CardKit.MoreVerb));
        Assert.Equal("open DAG actions", (string?)more["data"]!["query"]);
        Assert.Equal(1, (int)more["data"]!["page"]!);
        Assert.Contains("Showing 1–10 of 25.", CardJson.Texts(first));
        Assert.Equal(10, CardJson.Executes(first, ActionCards.ShowVerb).Count);

        var last = ActionCards.List(items, AsOf, "Open actions", "open DAG actions", page: 2);
        Assert.Empty(CardJson.Executes(last, CardKit.MoreVerb));
        Assert.Contains("Showing 21–25 of 25.", CardJson.Texts(last));
        Assert.Equal(5, CardJson.Executes(last, ActionCards.ShowVerb).Count);
    }

    [Fact]
    public void List_Empty_SaysSo() =>
        Assert.Contains("No actions match", CardJson.AllText(CardSamples.All()["action-list-empty"]));

    [Fact]
    public void List_WithHugeTexts_StaysUnderSizeLimit()
    {
        var huge = new string('é', 20_000);
        var items = Enumerable.Range(1, 50).Select(i => (Action($"DAG30-{i:00}", AsOf.AddDays(i), text: huge) with { OwnerText = huge }, huge)).ToList();
        var card = ActionCards.List(items, AsOf, "Open actions", "q");
        Assert.True(CardKit.Utf8Size(card) <= CardKit.MaxCardBytes);
        Assert.Empty(TeamsCardLint.Check(card));
    }

    [Fact]
    public void Detail_ForOwner_OffersUpdateAndRecommendClosure()
    {
        var card = CardSamples.All()["action-detail-owner"];
        var update = Assert.Single(CardJson.Executes(card, ActionCards.UpdateVerb));
        Assert.Equal("DAG33-07", (string?)update["data"]!["ref"]);
        Assert.Equal("W/\"etag-1\"", (string?)update["data"]!["etag"]);
        var input = Assert.Single(CardJson.OfType(card, "Input.Text"));
        Assert.Equal(ActionCards.UpdateTextInputId, (string?)input["id"]);
        Assert.True((bool)input["isRequired"]!);
        Assert.False(string.IsNullOrEmpty((string?)input["errorMessage"]));
        Assert.Single(CardJson.Executes(card, ActionCards.RecommendCloseVerb));
        Assert.Empty(CardJson.Executes(card, ActionCards.CloseVerb));
        Assert.Empty(CardJson.Executes(card, ActionCards.ChangeDueVerb));
    }

    [Fact]
    public void Detail_ForPmo_OffersCloseAndChangeDue()
    {
        var card = CardSamples.All()["action-detail-pmo"];
        Assert.Single(CardJson.Executes(card, ActionCards.CloseVerb));
        Assert.Single(CardJson.Executes(card, ActionCards.ChangeDueVerb));
        var date = Assert.Single(CardJson.OfType(card, "Input.Date"));
        Assert.Equal("2024-03-20", (string?)date["value"]);
        Assert.True((bool)date["isRequired"]!);
        Assert.Empty(CardJson.Executes(card, ActionCards.ReopenVerb));
    }

    [Fact]
    public void Detail_ClosedAction_OffersReopenNotClose()
    {
        var card = CardSamples.All()["action-detail-closed-pmo"];
        Assert.Single(CardJson.Executes(card, ActionCards.ReopenVerb));
        Assert.Empty(CardJson.Executes(card, ActionCards.CloseVerb));
        Assert.Empty(CardJson.Executes(card, ActionCards.ChangeDueVerb));
    }

    [Fact]
    public void Detail_WithoutPermissions_HasNoButtons() =>
        Assert.Null(CardSamples.All()["action-detail-readonly"]["actions"]);

    [Fact]
    public void Detail_ShowsFullTextOwnerDueStatusUpdateHistoryAndMeeting()
    {
        var texts = CardJson.Texts(CardSamples.All()["action-detail-pmo"]);
        var all = string.Join("\n", texts);
        Assert.Contains("Owner: Programme (Lee Cox)", all);
        Assert.Contains("Due: Wednesday 20 March 2024 (7 days left)", all);
        Assert.Contains("Status: Open", all);
        Assert.Contains("Meeting: DAG 33", all);
        Assert.Contains("Draft circulated to members", all);
        Assert.Contains("‹b>revised", all); // HTML neutralised
        var history = texts.Where(t => t.StartsWith("**Tue 5 Mar", StringComparison.Ordinal) || t.StartsWith("**Wed 7 Feb", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, history.Count);
        Assert.StartsWith("**Tue 5 Mar 2024, 09:30**, Lee Cox: Waiting for comments _(due → Wed 20 Mar 2024)_", history[0]); // newest first, UK time (GMT)
    }

    [Fact]
    public void Detail_WithLongHistory_StaysUnderSizeLimit()
    {
        var history = Enumerable.Range(0, 200).Select(i => new ActionUpdate(DateTimeOffset.UnixEpoch.AddDays(i), "p", new string('n', 500), new string('t', 5000), ActionStatus.Ongoing, null)).ToList();
        var card = ActionCards.Detail(Action("DAG33-09", AsOf, text: new string('x', 50_000), history: history), AsOf, (ActionButtons)31);
        Assert.True(CardKit.Utf8Size(card) <= CardKit.MaxCardBytes);
        Assert.Contains("History (latest 10 of 200)", CardJson.Texts(card));
    }
}

public class MeetingCardTests
{
    [Fact]
    public void Meeting_ShowsUkDateTimeLinkAgendaTableAndPapers()
    {
        var card = CardSamples.All()["meeting"];
        var all = CardJson.AllText(card);
        Assert.Contains("DAG 34 – Design Advisory Group", all);
        Assert.Contains("Date: Wednesday 13 March 2024", all);
        Assert.Contains("Time: 10:00–12:30 UK time", all);
        Assert.Contains("Where: Elexon, 350 Euston Road, London", all);
        Assert.Contains("[Join the meeting](https://teams.microsoft.com/l/meetup-join/abc)", all);
        Assert.Contains("[DAG 34 Papers v1.0 (MHHS-DEL1056)](https://example.org/dag34-papers.pdf)", all);
        Assert.DoesNotContain("Expected", all);

        var table = Assert.Single(CardJson.OfType(card, "Table"));
        var rows = table["rows"]!.AsArray();
        Assert.Equal(5, rows.Count);
        var row3 = CardJson.Texts(rows[3]!);
        Assert.Equal(["3", "CR043 impact assessment _(Recommend approval)_", "Decision", "Change Board", "10:15–11:00"], row3);
        Assert.Equal(["No.", "Item", "Type", "Lead", "Slot"], CardJson.Texts(rows[0]!));
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
    }

    [Fact]
    public void Meeting_WithoutConfirmedDate_IsFlaggedExpected()
    {
        var all = CardJson.AllText(CardSamples.All()["meeting-expected"]);
        Assert.Contains("**Expected (computed from cadence)**", all);
        Assert.Contains("Date: Wednesday 20 March 2024 (expected)", all);
        Assert.Contains("Next SITAG meeting", all);
        Assert.Contains("No agenda published yet.", all);
    }

    [Fact]
    public void Upcoming_ListsSoonestFirst_MarkingExpected()
    {
        var texts = CardJson.Texts(CardSamples.All()["meetings-upcoming"]);
        var dag = texts.FindIndex(t => t.StartsWith("**DAG 34**", StringComparison.Ordinal));
        var sitag = texts.FindIndex(t => t.StartsWith("**Next SITAG meeting**", StringComparison.Ordinal));
        Assert.True(dag >= 0 && sitag > dag);
        Assert.Contains("Wednesday 20 March 2024, 10:00–12:00 _(expected, computed from cadence)_", texts);
        Assert.Contains("Wednesday 13 March 2024, 10:00–12:30", texts);
    }
}

public class ChangeRequestCardTests
{
    [Fact]
    public void Detail_StepperMarksCurrentStageInWords()
    {
        var texts = CardJson.Texts(CardSamples.All()["cr-detail"]);
        var start = texts.IndexOf("✓ Raised (done)");
        Assert.True(start >= 0);
        Assert.Equal(
            ["✓ Raised (done)", "✓ Initial assessment (done)", "▶ **Impact assessment (current stage)**", "○ Decision (to come)", "○ Implementation (to come)"],
            texts.Skip(start).Take(5));
    }

    [Fact]
    public void Detail_ShowsKeyDatesReleaseAndTallyWithTotals()
    {
        var card = CardSamples.All()["cr-detail"];
        var all = CardJson.AllText(card);
        Assert.Contains("CR043 – Change to the registration service interface", all);
        Assert.Contains("Target release: Design Interim Release IR8", all);
        Assert.Contains("Impact assessment closes: Monday 11 March 2024 (overdue by 2 days)", all);
        Assert.Contains("Raised: Wednesday 10 January 2024", all);
        Assert.Contains("Decisions: DAG [96]", all);
        var rows = Assert.Single(CardJson.OfType(card, "Table"))["rows"]!.AsArray();
        Assert.Equal(["Constituency", "Yes", "No", "Abstain", "No reply"], CardJson.Texts(rows[0]!));
        Assert.Equal(["Large Supplier", "3", "1", "0", "2"], CardJson.Texts(rows[1]!));
        Assert.Equal(["**Total**", "**5**", "**3**", "**1**", "**9**"], CardJson.Texts(rows[^1]!));
    }

    [Fact]
    public void Detail_ClosedCr_AllStepsDoneAndOutcome()
    {
        var texts = CardJson.Texts(CardSamples.All()["cr-detail-closed"]);
        Assert.Contains("✓ Implementation (done)", texts);
        Assert.Contains("■ **Closed: Rejected**", texts);
        Assert.Contains("Outcome: Rejected", texts);
        Assert.DoesNotContain(texts, t => t.Contains("current stage", StringComparison.Ordinal));
    }

    [Fact]
    public void List_GroupsByStageInLifecycleOrder()
    {
        var texts = CardJson.Texts(CardSamples.All()["cr-list"]);
        var headings = texts.Where(t => t.EndsWith("(1)", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Raised (1)", "Impact assessment (1)", "Decision (1)", "Closed (1)"], headings);
        Assert.Contains(texts, t => t.StartsWith("**CR043**", StringComparison.Ordinal));
        Assert.Single(CardJson.Executes(CardSamples.All()["cr-list"], ChangeRequestCards.ShowVerb), a => (string?)a["data"]!["id"] == "CR043");
    }
}

public class ChecklistCardTests
{
    [Fact]
    public void Deadlines_SoonestFirstWithDaysLeftDueTodayOverdue_InformationItemsSkipped()
    {
        var texts = CardJson.Texts(CardSamples.All()["checklist"]);
        var dates = texts.Where(t => t.StartsWith("**", StringComparison.Ordinal) && t.Contains(" – ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["**Friday 8 March 2024** – overdue by 5 days", "**Wednesday 13 March 2024** – due today", "**Friday 15 March 2024** – 2 days left"],
            dates);
        Assert.DoesNotContain(texts, t => t.Contains("information only", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("_Reminder:_", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("[Details](https://example.org/consult)", StringComparison.Ordinal));
    }
}

public class MilestoneCardTests
{
    [Fact]
    public void List_RagInWordsAndSlipVsBaseline()
    {
        var all = CardJson.AllText(CardSamples.All()["milestones"]);
        Assert.Contains("Status now: Amber – at risk", all);
        Assert.Contains("Status before: Green – on track", all);
        Assert.Contains("Forecast: Fri 15 Mar 2024 (+14 days vs baseline)", all);
        Assert.Contains("Forecast: Mon 1 Apr 2024 (on baseline)", all);
        Assert.Contains("Status now: Red – off track", all);
        Assert.DoesNotContain("Status forecast: Not reported", all);
    }

    [Theory]
    [InlineData(Rag.Complete, "Complete")]
    [InlineData(Rag.OnTrack, "Green – on track")]
    [InlineData(Rag.AtRisk, "Amber – at risk")]
    [InlineData(Rag.OffTrack, "Red – off track")]
    [InlineData(null, "Not reported")]
    public void RagInWords(Rag? rag, string words) => Assert.Equal(words, MilestoneCards.RagInWords(rag));
}

public class GroupCardTests
{
    [Fact]
    public void Group_ShowsPurposeLevelCadenceChairNextMeeting()
    {
        var card = CardSamples.All()["group"];
        var all = CardJson.AllText(card);
        Assert.Contains("DAG – Design Advisory Group", all);
        Assert.Contains("Level 3 – advisory group", all);
        Assert.Contains("Provides design assurance", all);
        Assert.Contains("Meets: Second Wednesday of the month, 10:00-12:30", all);
        Assert.Contains("Chair: Jane Chair", all);
        Assert.Contains("Next meeting: DAG 34: Wednesday 10 April 2024, 10:00–12:30", all);
        Assert.Contains(CardJson.OfType(card, "Action.Submit"), a => (string?)a["data"]!["msteams"]!["value"] == "subscribe DAG");
    }

    [Fact]
    public void Group_Historic_WithExpectedMeeting()
    {
        var card = CardSamples.All()["group-expected"];
        var all = CardJson.AllText(card);
        Assert.Contains("Status: Stood down (historic)", all);
        Assert.Contains("Meets: Ad hoc", all);
        Assert.Contains("Reports to: PSG – Programme Steering Group", all);
        Assert.Contains("(expected, computed from cadence)", all);
        Assert.DoesNotContain(CardJson.OfType(card, "Action.Submit"), a => ((string?)a["data"]!["msteams"]!["value"])!.StartsWith("subscribe", StringComparison.Ordinal));
    }
}

public class HelpCardTests
{
    [Fact]
    public void Welcome_OffersMainQuestionsAsImBackButtons()
    {
        var card = CardSamples.All()["welcome"];
        var submits = CardJson.OfType(card, "Action.Submit");
        Assert.Equal(HelpCards.MainQuestions.Count, submits.Count);
        var first = submits[0]["data"]!["msteams"]!;
        Assert.Equal("imBack", (string?)first["type"]);
        Assert.Equal("my open actions", (string?)first["value"]);
        Assert.Contains("Hello Kate, I'm GovBot", CardJson.AllText(card));
    }

    [Fact]
    public void Help_ListsExamplesOfEveryArea()
    {
        var all = CardJson.AllText(CardSamples.All()["help"]);
        foreach (var example in new[] { "my open actions", "DAG33-04", "agenda for DAG 34", "CR043", "deadlines", "milestones", "what is MCAG", "reminders off", "subscribe DAG" })
            Assert.Contains($"_{example}_", all);
    }

    [Fact]
    public void Unknown_EchoesSafelyAndOffersSuggestions()
    {
        var card = CardSamples.All()["unknown"];
        Assert.Contains("You asked: _what's the weather ‹script>_", CardJson.AllText(card));
        var values = CardJson.OfType(card, "Action.Submit").Select(a => (string?)a["data"]!["msteams"]!["value"]).ToList();
        Assert.Equal(["my open actions", "help"], values);
    }

    [Fact]
    public void Conflict_SaysSomeoneElseChangedItAndOffersReload()
    {
        var card = CardSamples.All()["conflict"];
        Assert.Contains("Someone else just changed this", CardJson.AllText(card));
        Assert.Equal("DAG33-07", (string?)Assert.Single(CardJson.Executes(card, ActionCards.ShowVerb))["data"]!["ref"]);
    }
}

public class UkFormatTests
{
    [Fact]
    public void Dates() => Assert.Equal("Wednesday 13 March 2024", UkFormat.Date(new(2024, 3, 13)));

    [Fact]
    public void ShortDates() => Assert.Equal("Wed 13 Mar 2024", UkFormat.ShortDate(new(2024, 3, 13)));

    [Fact]
    public void TimeRanges()
    {
        Assert.Equal("10:00–12:30", UkFormat.TimeRange(new(10, 0), new(12, 30)));
        Assert.Equal("from 09:05", UkFormat.TimeRange(new(9, 5), null));
        Assert.Null(UkFormat.TimeRange(null, null));
    }

    [Fact]
    public void Instants_AreShownInUkLocalTime()
    {
        Assert.Equal("Mon 1 Jul 2024, 10:00", UkFormat.DateTime(new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero))); // BST
        Assert.Equal("Mon 15 Jan 2024, 09:00", UkFormat.DateTime(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero))); // GMT
    }

    [Theory]
    [InlineData(0, "due today")]
    [InlineData(1, "1 day left")]
    [InlineData(5, "5 days left")]
    [InlineData(-1, "overdue by 1 day")]
    [InlineData(-3, "overdue by 3 days")]
    public void DaysLeft(int offset, string expected) => Assert.Equal(expected, UkFormat.DaysLeft(AsOf.AddDays(offset), AsOf));

    [Theory]
    [InlineData(14, "+14 days vs baseline")]
    [InlineData(0, "on baseline")]
    [InlineData(-3, "3 days early vs baseline")]
    public void Slip(int days, string expected) => Assert.Equal(expected, UkFormat.Slip(days));

    [Fact]
    public void Safe_NeutralisesHtmlAndHeadersAndClips()
    {
        Assert.Equal("‹b>x‹/b>", CardKit.Safe("<b>x</b>"));
        Assert.Equal("a\n\u200B# b", CardKit.Safe("a\n# b"));
        Assert.Equal("a < b", CardKit.Safe("a < b"));
        Assert.Equal(10, CardKit.Safe(new string('x', 100), 10).Length);
    }

    [Fact]
    public void Build_RefusesOversizedCards()
    {
        var body = Enumerable.Range(0, 100).Select(_ => (CardElement)new TextBlock(new string('x', 500))).ToList();
        Assert.Throws<InvalidOperationException>(() => CardKit.Build(new AdaptiveCard(body)));
    }
}
