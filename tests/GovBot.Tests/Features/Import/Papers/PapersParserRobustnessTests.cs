using GovBot.Features.Actions;
using GovBot.Features.Import;
using GovBot.Features.Meetings;

namespace GovBot.Tests.Features.Import;

public class PapersParserRobustnessTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void EmptyText_GivesAnEmptyImportWithWarnings()
    {
        var import = PapersParser.Parse("");
        Assert.Empty(import.Actions);
        Assert.Empty(import.Agenda);
        Assert.Null(import.NextMeeting);
        Assert.Contains(import.Warnings, w => w.Message.Contains("do not give the meeting date", StringComparison.Ordinal));
    }

    [Fact]
    public void ActionTableCutInHalf_DoesNotCrash_AndWarnsAboutWhatIsMissing()
    {
        var full = File.ReadAllText(PapersFixtures.PathOf("dag-34-2024-03-13-papers.txt"));
        // Cut in the middle of DAG33-07: after its text, before its owner and due date.
        var cut = full[..(full.IndexOf("of target implementation in IR8", StringComparison.Ordinal) + 10)];
        var import = PapersParser.Parse(cut, "dag-34-2024-03-13-papers.txt");

        var last = import.Actions[^1];
        Assert.Equal("DAG33-07", last.Ref);
        Assert.Null(last.Due);
        Assert.Null(last.Status);
        Assert.Contains(import.Warnings, w => w.ToString().StartsWith($"line {last.Line}: could not read a due date for DAG33-07", StringComparison.Ordinal));
        // Rows before the cut are intact.
        Assert.Equal(D(2024, 3, 6), import.Actions.Single(a => a.Ref == "DAG32-06").Due);
    }

    [Fact]
    public void EveryPrefixOfAPaper_ParsesWithoutThrowing()
    {
        var full = File.ReadAllText(PapersFixtures.PathOf("tmag-06-2022-06-15-papers.txt"));
        for (var n = 0; n < full.Length; n += 97)
        {
            var import = PapersParser.Parse(full[..n]);
            Assert.NotNull(import);
        }
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("Deferred")]
    public void UnknownStatusWord_InAStatusColumn_IsAWarningNotAGuess(string word)
    {
        var text = $"""
            Ref Date Action Owner Due Date Status Latest update

            ABC01-01 01/02/2024 Do the thing Programme (PMO) 01/03/2024 {word} Some update
            """;
        var row = Assert.Single(PapersParser.Parse(text).Actions);
        Assert.Null(row.Status);
        Assert.Equal(D(2024, 3, 1), row.Due);
        Assert.Equal("Programme (PMO)", row.Owner);
        Assert.Contains(PapersParser.Parse(text).Warnings, w => w.ToString() == $"line 3: unknown status '{word}' for ABC01-01 in 'ABC01-01 01/02/2024 Do the thing Programme (PMO) 01/03/2024 {word} Some update'");
    }

    [Fact]
    public void UnknownStatusWord_WrittenIntoTheUpdate_IsAWarningNotAGuess()
    {
        var text = "Ref\tDate\tAction\tOwner\tDue Date\tUpdate\nXYZ02-03\t01/02/2024\tDo the thing\tChair\t01/03/2024\tON HOLD: waiting for Ofgem\n";
        var import = PapersParser.Parse(text);
        var row = Assert.Single(import.Actions);
        Assert.Null(row.Status);
        Assert.Equal("ON HOLD: waiting for Ofgem", row.Update);
        Assert.Contains(import.Warnings, w => w.Line == 2 && w.Message == "unknown status 'ON HOLD' for XYZ02-03");
    }

    [Theory]
    [InlineData("ONGOING", ActionStatus.Ongoing)]
    [InlineData("Ongoing", ActionStatus.Ongoing)]
    [InlineData("Open", ActionStatus.Open)]
    [InlineData("Open – outstanding", ActionStatus.Open)]
    [InlineData("RECOMMEND CLOSE", ActionStatus.RecommendClosed)]
    [InlineData("RECOMMEND CLOSED", ActionStatus.RecommendClosed)]
    [InlineData("Recommend closed", ActionStatus.RecommendClosed)]
    [InlineData("Closed", ActionStatus.Closed)]
    [InlineData("CLOSED", ActionStatus.Closed)]
    public void StatusWords_AreNormalised(string written, ActionStatus expected)
    {
        Assert.True(PapersVocabulary.TryReadStatus(written + ": update", out var status, out var rest));
        Assert.Equal(expected, status);
        Assert.Equal("update", rest);
    }

    [Theory]
    [InlineData("26/04/2024", 2024, 4, 26)]
    [InlineData("6/3/24", 2024, 3, 6)]
    [InlineData("06/03/24", 2024, 3, 6)]
    [InlineData("Friday 26 April 2024", 2024, 4, 26)]
    [InlineData("26 April 2024", 2024, 4, 26)]
    [InlineData("Wednesday 13 March 2024", 2024, 3, 13)]
    [InlineData("3-Apr-24", 2024, 4, 3)]
    public void Dates_InAllForms(string written, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), PapersVocabulary.ParseDate(written));

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("12/13/2024")]
    [InlineData("30 February 2024")]
    public void ImpossibleDates_AreNotRead(string written) => Assert.Null(PapersVocabulary.ParseDate(written));

    [Fact]
    public void DueDateThatIsNotADate_IsNullWithAWarning()
    {
        var text = """
            Ref Action Owner Due Latest update

            QAG02-01 Send the plan to members Programme (PMO) 31/02/2024 ONGOING: drafting
            """;
        var import = PapersParser.Parse(text);
        var row = Assert.Single(import.Actions);
        Assert.Null(row.Due);
        Assert.Equal(ActionStatus.Ongoing, row.Status);
        Assert.Contains(import.Warnings, w => w.Line == 3 && w.Message.StartsWith("could not read a due date for QAG02-01", StringComparison.Ordinal));
    }

    [Fact]
    public void SyntheticSitagPaper_InTheSameStyle_IsReadByStructure()
    {
        var path = PapersFixtures.SyntheticPath("sitag-05-synthetic-papers.txt");
        var import = PapersParser.Parse(File.ReadAllText(path), Path.GetFileName(path));

        Assert.Equal(("SITAG", "5", D(2024, 4, 17), "MHHS-DEL3001"), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date, import.Meeting.DocumentId));
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(11, 0)), (import.Meeting.Start, import.Meeting.End));

        Assert.Equal(4, import.Agenda.Count);
        var entry = import.Agenda[2];
        Assert.Equal(("SIT Functional Cycle 3 Entry Criteria", AgendaItemType.Decision, "Programme (Testing Team)"), (entry.Title, entry.Type, entry.Lead));

        Assert.Equal(
            [
                ("SITAG04-01", D(2024, 3, 20), "Programme (Lee Cox)", D(2024, 4, 3), ActionStatus.Open),
                ("SITAG04-02", D(2024, 3, 20), "Anna Brown, Tom Green", D(2024, 4, 17), ActionStatus.RecommendClosed),
                ("SITAG04-03", D(2024, 3, 20), "SITAG members", null, ActionStatus.Ongoing),
                ("SITAG03.1-02", D(2024, 2, 28), "Programme (PMO)", D(2024, 4, 10), ActionStatus.Closed),
                ("SITAG04-04", D(2024, 3, 20), "Programme (PMO)", D(2024, 4, 17), null),
            ],
            import.Actions.Select(a => (a.Ref, a.Raised, a.Owner, a.Due, a.Status)).ToList<(string, DateOnly?, string?, DateOnly?, ActionStatus?)>());
        Assert.Equal("Circulate the test defect triage rules to members, as agreed on 20/03/2024", import.Actions[1].Text);
        Assert.Equal("Rules circulated on 28/03/2024.", import.Actions[1].Update);
        Assert.Contains(import.Warnings, w => w.Message.StartsWith("could not read a due date for SITAG04-03 ('TBC' is not a date)", StringComparison.Ordinal));
        Assert.Contains(import.Warnings, w => w.Message == "unknown status 'Parked' for SITAG04-04");

        Assert.Equal([(12, "Approval of SITAG 4 minutes"), (13, "SITAG is asked to agree that the SIT Functional Cycle 3 entry criteria are met, subject to CR047 being approved.")],
            import.Decisions.Select(d => (d.Number, d.Text)).ToList());
        Assert.Equal([(1, D(2024, 4, 19), true), (2, null, false), (3, D(2024, 4, 26), false)],
            import.Checklist.Select(c => (c.Number, c.Deadline, c.Reminder)).ToList<(int, DateOnly?, bool)>());
        Assert.Equal(("SITAG", D(2024, 5, 15), (TimeOnly?)null), (import.NextMeeting?.Group, import.NextMeeting?.Date, import.NextMeeting?.Start));
        Assert.True(import.ChangeRequests.Single(c => c.Id == "CR047").Mentions.Count >= 3);
    }

    [Fact]
    public void WrappedRowsWithoutTrailingSpaces_StillFindTheOwner()
    {
        var text = """
            Ref Date Action Owner Due Date Status Latest update

            MCAG03-02 12/03/2024 Share the cutover plan with MCAG
            members

            Programme
            (PMO)

            19/03/2024 Closed Shared with the minutes

            MCAG03-03 12/03/2024 Review the plan
            MCAG
            members
            26/03/2024 Open
            """;
        var import = PapersParser.Parse(text);
        Assert.Equal(["Programme (PMO)", "MCAG members"], import.Actions.Select(a => a.Owner));
        Assert.Equal("Share the cutover plan with MCAG members", import.Actions[0].Text);
        Assert.Equal([ActionStatus.Closed, ActionStatus.Open], import.Actions.Select(a => a.Status));
    }

    [Fact]
    public void NextMeeting_InBothWordings()
    {
        Assert.Equal(D(2023, 4, 19), PapersParser.Parse("2. Date of next TMAG: 19 April 2023").NextMeeting?.Date);
        var next = PapersParser.Parse("• Next DAG meeting: 10 April 2024 at 10am").NextMeeting;
        Assert.Equal(("DAG", D(2024, 4, 10), new TimeOnly(10, 0)), (next?.Group, next?.Date, next?.Start));
    }
}

public class PapersParserVariantTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void CoverWithGroupNameAndCode_IsTheMeeting()
    {
        var import = PapersParser.Parse("MHHS PROGRAMME\n\nTesting and Migration Advisory Group (TMAG) #8\n\nWednesday 17 August 2022\n\nMHHS-DEL612\n");
        Assert.Equal(("TMAG", "8", D(2022, 8, 17), "MHHS-DEL612"), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date, import.Meeting.DocumentId));
    }

    [Fact]
    public void CoverWithHyphenatedGroupName_GivesItsAcronym()
    {
        var import = PapersParser.Parse("Cross-Code Advisory Group #12\n\n25 May 2022\n");
        Assert.Equal(("CCAG", "12"), (import.Meeting.Group, import.Meeting.Number));
    }

    [Fact]
    public void NextMeetingMentionedInProse_IsNotTheNextMeeting_AndGivesNoWarning()
    {
        var import = PapersParser.Parse("An update will be provided at the next DAG meeting.\nNext meeting: Wednesday 8 May 2024 at 2pm\n");
        Assert.Equal((D(2024, 5, 8), new TimeOnly(14, 0)), (import.NextMeeting?.Date, import.NextMeeting?.Start));
        Assert.Null(import.NextMeeting?.Group); // no group named, none known for the papers
        Assert.DoesNotContain(import.Warnings, w => w.Message.Contains("date of the next", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Proposed closed", ActionStatus.RecommendClosed)]
    [InlineData("Complete", ActionStatus.Closed)]
    [InlineData("In progress", ActionStatus.Ongoing)]
    [InlineData("Recommend for closure", ActionStatus.RecommendClosed)]
    public void MoreStatusWordings_AreNormalised(string written, ActionStatus expected)
    {
        Assert.True(PapersVocabulary.TryReadStatus(written, out var status, out _));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void RowWithoutADueDate_StillSplitsAtAnUpperCaseStatus()
    {
        var text = """
            Ref Action Owner Due Latest update

            CCAG09-04 Confirm the drafting plan CCAG Chair ONGOING: in hand
            """;
        var import = PapersParser.Parse(text);
        var row = Assert.Single(import.Actions);
        Assert.Null(row.Due);
        Assert.Equal(ActionStatus.Ongoing, row.Status);
        Assert.Equal("CCAG Chair", row.Owner);
        Assert.Equal("Confirm the drafting plan", row.Text);
        Assert.Equal("in hand", row.Update);
        Assert.Contains(import.Warnings, w => w.Line == 3 && w.Message == "could not read a due date for CCAG09-04");
    }

    [Fact]
    public void ChecklistDeadlines_InOtherWordings()
    {
        var text = """
            Participant Checklist:

            1.Consultation on the test approach – the deadline for responses is 26/04/2024
            2.REMINDER: Design artefacts review closes Friday 3 May 2024
            3.Submission window – the deadline is end of April
            """;
        var import = PapersParser.Parse(text);
        Assert.Equal([(1, D(2024, 4, 26), false), (2, D(2024, 5, 3), true), (3, null, false)],
            import.Checklist.Select(c => (c.Number, c.Deadline, c.Reminder)).ToList<(int, DateOnly?, bool)>());
        Assert.Contains(import.Warnings, w => w.Line == 5 && w.Message == "checklist item 3: could not read the deadline");
    }
}

public class PapersFileNameTests
{
    [Theory]
    [InlineData("dag-34-2024-03-13-papers.txt", "DAG", "34", "2024-03-13", null)]
    [InlineData("tmag-06-2022-06-15-papers.txt", "TMAG", "6", "2022-06-15", null)]
    [InlineData("MHHS-DEL1056 DAG 10.1 Papers 21 June 2022 v1.0.txt", "DAG", "10.1", "2022-06-21", "MHHS-DEL1056")]
    [InlineData("SITAG05_papers.txt", "SITAG", "5", null, null)]
    public void PapersThatDoNotNameTheMeeting_UseTheFileName(string fileName, string group, string number, string? date, string? documentId)
    {
        var import = PapersParser.Parse("Ref Action Owner Due Latest update\n", fileName);
        Assert.Equal(group, import.Meeting.Group);
        Assert.Equal(number, import.Meeting.Number);
        Assert.Equal(date, import.Meeting.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(documentId, import.Meeting.DocumentId);
    }

    [Fact]
    public void TheCoverWinsOverTheFileName_WithAWarning()
    {
        var import = PapersParser.Parse("Design Advisory Group #14\n\n10 August 2022\n", "dag-15-2022-09-14-papers.txt");
        Assert.Equal(("DAG", "14", new DateOnly(2022, 8, 10)), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date));
        Assert.Contains(import.Warnings, w => w.Message.Contains("the file name says DAG 15", StringComparison.Ordinal));
    }
}

public class PapersLayoutTextTests
{
    /// <summary>Text as <c>pdftotext -layout</c> gives it: cells under their column headers, wrapped cells on the next lines.</summary>
    [Fact]
    public void ColumnLaidOutText_IsReadByColumn()
    {
        var path = PapersFixtures.SyntheticPath("ccag-20-layout-papers.txt");
        var import = PapersParser.Parse(File.ReadAllText(path), Path.GetFileName(path));

        Assert.Equal(("CCAG", "20", new DateOnly(2024, 1, 24)), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date));
        Assert.Equal(
            [
                ("CCAG19-01", "Share the drafting plan with members", "Programme (PMO)", new DateOnly(2024, 1, 10), ActionStatus.RecommendClosed, "Shared on 12/01/2024."),
                ("CCAG19-02", "Review the consequential change log and confirm owners", "CCAG members", new DateOnly(2024, 1, 24), ActionStatus.Ongoing, "To be discussed in meeting."),
                ("CCAG19-03", "Confirm drafting resource with the Code Bodies", "Programme (Fraser Mathieson)", (DateOnly?)null, ActionStatus.Ongoing, "Awaiting Ofgem response."),
            ],
            import.Actions.Select(a => (a.Ref, a.Text, a.Owner, a.Due, a.Status, a.Update)).ToList<(string, string, string?, DateOnly?, ActionStatus?, string?)>());
        Assert.Contains(import.Warnings, w => w.Message.StartsWith("could not read a due date for CCAG19-03", StringComparison.Ordinal));

        Assert.Equal(
            [
                ("1", "Welcome", AgendaItemType.Information, "Chair"),
                ("2", "Minutes and Actions", AgendaItemType.Decision, "Secretariat"),
                ("3", "Code Drafting Update", AgendaItemType.Information, "Programme (Fraser Mathieson)"),
            ],
            import.Agenda.Select(a => (a.Number, a.Title, a.Type, a.Lead)).ToList<(string, string, AgendaItemType?, string?)>());
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(10, 55)), (import.Meeting.Start, import.Meeting.End));
        Assert.Equal(new DateOnly(2024, 2, 28), import.NextMeeting?.Date);
    }
}

public class PapersTmagStyleSyntheticTests
{
    [Fact]
    public void TmagStyleCcagPaper_WithWrappedOwnersStatusesAndNamesLists()
    {
        var path = PapersFixtures.SyntheticPath("ccag-15-2023-06-28-papers.txt");
        var import = PapersParser.Parse(File.ReadAllText(path), Path.GetFileName(path));

        Assert.Equal(("CCAG", "15", new DateOnly(2023, 6, 28)), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date));
        Assert.Equal(
            [
                ("CCAG14-01", "Programme (Fraser Mathieson)", new DateOnly(2023, 6, 28), ActionStatus.RecommendClosed, "Plan shared on 14/06/2023."),
                ("CCAG14-02", "CCAG members", new DateOnly(2023, 6, 28), ActionStatus.Open, "No responses received."),
                ("CCAG14-03", "Chair", new DateOnly(2023, 7, 12), ActionStatus.Ongoing, "Letter in draft."),
                ("CCAG13-05", "Matt Hall, Simon Berry", new DateOnly(2023, 5, 31), ActionStatus.Closed, "Impacts confirmed with CR029 approval."),
            ],
            import.Actions.Select(a => (a.Ref, a.Owner, a.Due, a.Status, a.Update)).ToList<(string, string?, DateOnly?, ActionStatus?, string?)>());
        Assert.Equal("Chair to write to Ofgem on the licence review timeline", import.Actions[2].Text);
        Assert.Equal(["1", "2", "3"], import.Agenda.Select(a => a.Number));
        Assert.Equal("Programme (Fraser Mathieson)", import.Agenda[2].Lead);
        Assert.Equal(new DateOnly(2023, 7, 26), import.NextMeeting?.Date);
    }
}

public class PapersCoverTests
{
    [Fact]
    public void AMeetingNameWrappedInsideTheAgenda_IsNotTheCover()
    {
        var text = " # Item Objective Type Lead Time Page\n\n1 Minutes Approve the minutes of \nDAG 33\nDecision Chair\n10:00-10:10\n10 mins\n";
        var import = PapersParser.Parse(text, "dag-34-2024-03-13-papers.txt");
        Assert.Equal(("DAG", "34"), (import.Meeting.Group, import.Meeting.Number));
        Assert.DoesNotContain(import.Warnings, w => w.Message.Contains("file name says", StringComparison.Ordinal));
        Assert.Equal("Minutes", Assert.Single(import.Agenda).Title);
    }
}
