using GovBot.Features.Actions;
using GovBot.Features.Meetings;

namespace GovBot.Tests.Features.Import;

/// <summary>Expected values written by reading the papers, not by running the parser.</summary>
public class PapersParserFixtureTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static TheoryData<string, string, string, DateOnly?, string, ActionStatus> Tmag06Actions => new()
    {
        { "TAG02-05", "2022-02-16", "TMG Members", D(2022, 5, 18), "No feedback received to PMO.", ActionStatus.RecommendClosed },
        { "TMAG05-01", "2022-05-15", "TMAG members", D(2022, 6, 15), "Ongoing. No feedback received to PMO. For discussion in TMAG.", ActionStatus.Open },
        { "TMAG05-02", "2022-05-15", "Programme (PMO)", D(2022, 5, 19), "Shared with May TMAG minutes", ActionStatus.Closed },
        { "TMAG05-03", "2022-05-15", "Programme (PMO)", D(2022, 5, 19), "Shared with May TMAG minutes", ActionStatus.Closed },
    };

    [Theory]
    [MemberData(nameof(Tmag06Actions))]
    public void Tmag06_ReadsEveryActionRow(string actionRef, string raised, string owner, DateOnly? due, string update, ActionStatus status)
    {
        var row = PapersFixtures.Parse("tmag-06-2022-06-15-papers.txt").Action(actionRef);
        Assert.Equal(DateOnly.Parse(raised, System.Globalization.CultureInfo.InvariantCulture), row.Raised);
        Assert.Equal(owner, row.Owner);
        Assert.Equal(due, row.Due);
        Assert.Equal(status, row.Status);
        Assert.Equal(update, row.Update);
    }

    [Fact]
    public void Tmag06_MeetingNextMeetingAndAgenda()
    {
        var import = PapersFixtures.Parse("tmag-06-2022-06-15-papers.txt").Import;
        Assert.Equal(4, import.Actions.Count);
        Assert.Equal(("TMAG", "6", D(2022, 6, 15)), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date));
        Assert.Equal(new TimeOnly(10, 0), import.Meeting.Start);
        Assert.Equal(new TimeOnly(11, 15), import.Meeting.End);
        Assert.Equal(D(2022, 7, 20), import.NextMeeting?.Date);
        Assert.Equal("TMAG", import.NextMeeting?.Group);
        Assert.Equal(Enumerable.Range(1, 8).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), import.Agenda.Select(a => a.Number));
        var dataQuality = import.Agenda[3];
        Assert.Equal("Data Quality", dataQuality.Title);
        Assert.Equal(AgendaItemType.Discussion, dataQuality.Type);
        Assert.Equal("Programme (Adrian Ackroyd), TMAG members", dataQuality.Lead);
        Assert.Equal((new TimeOnly(10, 15), new TimeOnly(10, 35)), (dataQuality.Start, dataQuality.End));
        // "Decision/ Information" is two types: left empty, with a warning.
        Assert.Null(import.Agenda[1].Type);
        Assert.Contains(import.Warnings, w => w.Line == 6 && w.Message.Contains("more than one type", StringComparison.Ordinal));
        Assert.Empty(import.Checklist);
        Assert.Contains(import.ChangeRequests, c => c.Id == "CR008" && c.Mentions.Any(m => m.Contains("RECCo governance", StringComparison.Ordinal)));
    }

    public static TheoryData<string, string, DateOnly, ActionStatus> Dag14Actions => new()
    {
        { "DAG06-01", "Programme (Ian Smith)", D(2022, 8, 17), ActionStatus.Ongoing },
        { "DAG09-05", "Programme (Ian Smith)", D(2022, 8, 8), ActionStatus.Ongoing },
        { "DAG09-12", "Programme (Design Team)", D(2022, 8, 8), ActionStatus.Ongoing },
        { "DAG10-08", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.RecommendClosed },
        { "DAG10.1-01", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG10.1-03", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG11-02", "Chair", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG11-06", "Chair", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG11-08", "Programme (PMO)", D(2022, 8, 31), ActionStatus.Ongoing },
        { "DAG12-03", "Chair", D(2022, 8, 31), ActionStatus.Ongoing },
        { "DAG12-04", "Chair", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG12-05", "Programme", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG12-06", "DAG members", D(2022, 8, 31), ActionStatus.Ongoing },
        { "DAG13-01", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-02", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-03", "Ofgem", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-04", "Programme (Claire Silk)", D(2022, 8, 10), ActionStatus.RecommendClosed },
        { "DAG13-05", "Programme (Claire Silk)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-06", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-07", "Programme (PMO)", D(2022, 7, 28), ActionStatus.Ongoing },
        { "DAG13-08", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-09", "Chair", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-10", "Programme (Ian Smith)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-11", "PMO", D(2022, 8, 10), ActionStatus.RecommendClosed },
        { "DAG13-12", "Programme (Simon Harrison)", D(2022, 8, 10), ActionStatus.Ongoing },
        { "DAG13-13", "PMO", D(2022, 8, 10), ActionStatus.RecommendClosed },
    };

    [Theory]
    [MemberData(nameof(Dag14Actions))]
    public void Dag14_ReadsEveryActionRow(string actionRef, string owner, DateOnly due, ActionStatus status)
    {
        var row = PapersFixtures.Parse("dag-14-2022-08-10-papers.txt").Action(actionRef);
        Assert.Equal(owner, row.Owner);
        Assert.Equal(due, row.Due);
        Assert.Equal(status, row.Status);
        Assert.NotNull(row.Raised);
    }

    [Fact]
    public void Dag14_MeetingNextMeetingAgendaAndRowDetails()
    {
        var import = PapersFixtures.Parse("dag-14-2022-08-10-papers.txt").Import;
        Assert.Equal(26, import.Actions.Count);
        Assert.Equal(("DAG", "14", D(2022, 8, 10), "MHHS-DEL540"), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date, import.Meeting.DocumentId));
        Assert.Equal((new TimeOnly(9, 30), new TimeOnly(12, 5)), (import.Meeting.Start, import.Meeting.End));
        Assert.Equal(D(2022, 9, 14), import.NextMeeting?.Date);
        Assert.Equal(new TimeOnly(10, 0), import.NextMeeting?.Start);
        Assert.Equal("DAG", import.NextMeeting?.Group);
        Assert.Equal(10, import.Agenda.Count);
        Assert.Equal(("Design RAID review", AgendaItemType.Decision, "Programme (Ian Smith)"), (import.Agenda[2].Title, import.Agenda[2].Type, import.Agenda[2].Lead));

        var row = PapersFixtures.Parse("dag-14-2022-08-10-papers.txt").Action("DAG10.1-03");
        Assert.Equal(D(2022, 6, 21), row.Raised);
        Assert.Equal("Communicate current thinking around transition plan to DAG members", row.Text);
        Assert.StartsWith("The Programme will provide an update in DAG 10 August 2022", row.Update, StringComparison.Ordinal);
        Assert.Empty(import.Warnings);
    }

    public static TheoryData<string, string, DateOnly, ActionStatus> Dag34Actions => new()
    {
        { "DAG31-05", "Programme (PMO)", D(2024, 1, 10), ActionStatus.Ongoing },
        { "DAG31-08", "Programme (Lee Cox)", D(2024, 1, 10), ActionStatus.Ongoing },
        { "DAG31-11", "Programme (Testing Team)", D(2024, 1, 10), ActionStatus.RecommendClosed },
        { "DAG31-12", "Programme (CCAG Chair)", D(2024, 1, 10), ActionStatus.RecommendClosed },
        { "DAG32-02", "Programme (PMO)", D(2024, 2, 14), ActionStatus.Ongoing },
        { "DAG32-04", "Programme (Lee Cox)", D(2024, 2, 14), ActionStatus.Ongoing },
        { "DAG33-01", "Programme (Paul Pettit)", D(2024, 3, 6), ActionStatus.RecommendClosed },
        { "DAG33-02", "Large Supplier Representative (Craig Handford)", D(2024, 2, 28), ActionStatus.RecommendClosed },
        { "DAG33-03", "Programme (PMO)", D(2024, 2, 15), ActionStatus.RecommendClosed },
        { "DAG33-04", "Programme (Lee Cox)", D(2024, 2, 21), ActionStatus.Ongoing },
        { "DAG33-05", "Programme (Paul Pettit)", D(2024, 3, 6), ActionStatus.RecommendClosed },
        { "DAG32-06", "Programme (PMO)", D(2024, 3, 6), ActionStatus.Ongoing },
        { "DAG33-07", "Elexon Change Raiser (Mike Ceney)", D(2024, 2, 16), ActionStatus.RecommendClosed },
        { "DAG33-08", "Elexon Change Raiser (Mike Ceney)", D(2024, 2, 15), ActionStatus.RecommendClosed },
        { "DAG33-09", "Programme (PMO)", D(2024, 2, 16), ActionStatus.RecommendClosed },
    };

    [Theory]
    [MemberData(nameof(Dag34Actions))]
    public void Dag34_ReadsEveryActionRow(string actionRef, string owner, DateOnly due, ActionStatus status)
    {
        var row = PapersFixtures.Parse("dag-34-2024-03-13-papers.txt").Action(actionRef);
        Assert.Equal(owner, row.Owner);
        Assert.Equal(due, row.Due);
        Assert.Equal(status, row.Status);
        Assert.Null(row.Raised); // the 2024 layout has no date-raised column
    }

    [Fact]
    public void Dag34_ActionTextSkipsDatesInsideTheTextAndOwnersOnTheSameLine()
    {
        var papers = PapersFixtures.Parse("dag-34-2024-03-13-papers.txt");
        Assert.Equal("Programme to issue comms shared on 17/01/2024 covering implications of CR036 on Testing with DAG members", papers.Action("DAG33-03").Text);
        Assert.Equal("Programme to confirm impacts of CR039 on Testing", papers.Action("DAG33-04").Text);
        Assert.Equal("Update to be provided in meeting.", papers.Action("DAG33-04").Update);
        Assert.Equal("To confirm in CR form that alternate options have been discounted and are not for consideration as part of IA", papers.Action("DAG33-08").Text);
        Assert.EndsWith("(see ACTION DAG33-03).", papers.Action("DAG31-08").Update, StringComparison.Ordinal);
        Assert.Equal(15, papers.Import.Actions.Count);
    }

    [Fact]
    public void Dag34_MeetingChecklistDecisionsAndNextMeeting()
    {
        var import = PapersFixtures.Parse("dag-34-2024-03-13-papers.txt").Import;
        Assert.Equal(("DAG", "34", D(2024, 3, 13)), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date));
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(12, 30)), (import.Meeting.Start, import.Meeting.End));
        Assert.Equal(D(2024, 4, 10), import.NextMeeting?.Date);
        Assert.Equal(new TimeOnly(10, 0), import.NextMeeting?.Start);

        Assert.Equal(
            [
                (1, D(2024, 3, 8), true), (2, D(2024, 3, 11), true), (3, D(2024, 3, 13), true), (4, D(2024, 3, 19), false),
                (5, D(2024, 3, 20), false), (6, D(2024, 4, 26), true), (7, null, false), (8, null, false), (9, null, false),
                (10, null, false), (11, null, false),
            ],
            import.Checklist.Select(c => (c.Number, c.Deadline, c.Reminder)).ToList<(int, DateOnly?, bool)>());
        Assert.Equal("Pre-Qualification Submission – the deadline is Friday 26 April 2024", import.Checklist[5].Text);
        Assert.Equal(D(2024, 3, 6), import.Meeting.ChecklistUpdatedTo);

        Assert.Equal([94, 95, 96], import.Decisions.Select(d => d.Number));
        Assert.Contains("CR043 should be approved", import.Decisions[2].Text, StringComparison.Ordinal);

        Assert.Equal(12, import.Agenda.Count);
        Assert.Equal(("CR043 Decision", AgendaItemType.Decision, "Chair, Programme (PMO) & Elexon (Mike Ceney)"), (import.Agenda[3].Title, import.Agenda[3].Type, import.Agenda[3].Lead));
        Assert.Equal("Upcoming Programme Milestones related to DAG", import.Agenda[9].Title);

        var cr041 = Assert.Single(import.ChangeRequests, c => c.Id == "CR041");
        Assert.Contains(cr041.Mentions, m => m.Contains("SRO rejected CR041 due to Change Freeze requirements", StringComparison.Ordinal));
        Assert.Contains(import.ChangeRequests, c => c.Id == "CR046");
        Assert.Empty(import.Warnings);
    }

    [Fact]
    public void WithoutAFileName_PapersThatDoNotNameTheMeeting_WarnInsteadOfGuessing()
    {
        var text = File.ReadAllText(PapersFixtures.PathOf("dag-34-2024-03-13-papers.txt"));
        var import = GovBot.Features.Import.PapersParser.Parse(text);
        Assert.Null(import.Meeting.Group);
        Assert.Null(import.Meeting.Number);
        Assert.Null(import.Meeting.Date);
        Assert.Contains(import.Warnings, w => w.ToString().Contains("do not give the meeting number (the latest action ref is from meeting 33)", StringComparison.Ordinal));
    }
}
