using GovBot.Features.Actions;
using GovBot.Features.Import;
using GovBot.Features.Meetings;

namespace GovBot.Tests.Features.Import;

public class PapersImportPlanTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static PapersImport Papers(string group, string number, DateOnly date, params PapersActionRow[] rows) => new(
        new PapersMeetingInfo(group, number, date, new TimeOnly(10, 0), new TimeOnly(12, 30), "MHHS-DEL9"),
        [new PapersAgendaItem("1", "Welcome", AgendaItemType.Information, "Chair", new TimeOnly(10, 0), new TimeOnly(10, 5), 3)],
        rows,
        [new PapersDecision(95, "Advise the SRO on the CoCo", 10)],
        [new PapersChecklistItem(6, "Pre-Qualification Submission", D(2024, 4, 26), true, 20)],
        [],
        null,
        []);

    private static PapersActionRow Row(ActionStatus? status, string? update, DateOnly? due = null) =>
        new("DAG33-02", null, "Identify items from CR024 & CR025", "Large Supplier Representative (Craig Handford)", due ?? D(2024, 2, 28), status, update, 290);

    [Fact]
    public void NewAction_IsCreatedWithAnImportHistoryEntry()
    {
        var plan = PapersImportPlan.Create(Papers("DAG", "34", D(2024, 3, 13)));
        var change = plan.ApplyAction(null, Row(ActionStatus.RecommendClosed, "Update to be provided in meeting."));

        Assert.Equal(ActionChangeKind.Created, change.Kind);
        var item = change.Result!;
        Assert.Equal(("DAG33-02", "DAG", "33"), (item.Ref, item.GroupCode, item.MeetingNumber));
        Assert.Equal(ActionStatus.RecommendClosed, item.Status);
        Assert.Equal("Large Supplier Representative (Craig Handford)", item.OwnerText);
        Assert.Equal([new OwnerParty(OwnerPartyKind.Person, "craig-handford")], item.Owners);
        var entry = Assert.Single(item.History);
        Assert.Equal("Imported from DAG 34 papers", entry.Text);
        Assert.Null(entry.AuthorPersonId);
        Assert.Equal(new DateTimeOffset(2024, 3, 13, 0, 0, 0, TimeSpan.Zero), entry.At); // GMT in March
    }

    [Fact]
    public void SameImportTwice_ChangesNothing()
    {
        var plan = PapersImportPlan.Create(Papers("DAG", "34", D(2024, 3, 13)));
        var row = Row(ActionStatus.RecommendClosed, "Update to be provided in meeting.");
        var first = plan.ApplyAction(null, row).Result;

        var second = plan.ApplyAction(first, row);

        Assert.Equal(ActionChangeKind.Unchanged, second.Kind);
        Assert.Same(first, second.Result);
    }

    [Fact]
    public void NewerPapers_UpdateStatusAndLatestUpdate_AndAppendHistory()
    {
        var stored = PapersImportPlan.Create(Papers("DAG", "33", D(2024, 2, 14))).ApplyAction(null, Row(ActionStatus.Open, "Raised in meeting")).Result;

        var change = PapersImportPlan.Create(Papers("DAG", "34", D(2024, 3, 13))).ApplyAction(stored, Row(ActionStatus.RecommendClosed, "Update to be provided in meeting."));

        Assert.Equal(ActionChangeKind.Updated, change.Kind);
        Assert.Equal(ActionStatus.RecommendClosed, change.Result!.Status);
        Assert.Equal("Update to be provided in meeting.", change.Result.LatestUpdate);
        Assert.Equal(2, change.Result.History.Count);
        Assert.Equal("Updated from DAG 34 papers: status Open → RecommendClosed", change.Result.History[1].Text);
        Assert.Equal(ActionStatus.RecommendClosed, change.Result.History[1].Status);
    }

    [Fact]
    public void OlderPapers_DoNotOverwriteNewerState()
    {
        var stored = PapersImportPlan.Create(Papers("DAG", "34", D(2024, 3, 13))).ApplyAction(null, Row(ActionStatus.RecommendClosed, "Newer")).Result!;
        var closedByPmo = stored with
        {
            Status = ActionStatus.Closed,
            History = [.. stored.History, new ActionUpdate(new DateTimeOffset(2024, 3, 14, 9, 0, 0, TimeSpan.Zero), "pmo", "PMO", "Closed at DAG 34", ActionStatus.Closed, null)],
        };

        var olderPaper = PapersImportPlan.Create(Papers("DAG", "33", D(2024, 2, 14))).ApplyAction(closedByPmo, Row(ActionStatus.Open, "Older"));
        Assert.Equal(ActionChangeKind.Stale, olderPaper.Kind);
        Assert.Same(closedByPmo, olderPaper.Result);

        // The same papers imported again after a manual change that day are older than that change too.
        Assert.Equal(ActionChangeKind.Stale, PapersImportPlan.Create(Papers("DAG", "34", D(2024, 3, 13))).ApplyAction(closedByPmo, Row(ActionStatus.RecommendClosed, "Newer")).Kind);
    }

    [Fact]
    public void UnreadValues_NeverOverwriteStoredOnes_AndNewRowsWithoutAStatusAreSkipped()
    {
        var plan = PapersImportPlan.Create(Papers("DAG", "34", D(2024, 3, 13)));
        Assert.Equal(ActionChangeKind.Skipped, plan.ApplyAction(null, Row(null, "whatever")).Kind);

        var stored = PapersImportPlan.Create(Papers("DAG", "33", D(2024, 2, 14))).ApplyAction(null, Row(ActionStatus.Ongoing, "Working on it")).Result;
        var change = plan.ApplyAction(stored, Row(null, "Now nearly done"));
        Assert.Equal(ActionChangeKind.Updated, change.Kind);
        Assert.Equal(ActionStatus.Ongoing, change.Result!.Status);
        Assert.Equal("Now nearly done", change.Result.LatestUpdate);
    }

    [Fact]
    public void MeetingDecisionsAndChecklist_MapOntoDomainRecords()
    {
        var plan = PapersImportPlan.Create(Papers("DAG", "10.1", D(2022, 6, 21)));
        Assert.NotNull(plan.Meeting);
        Assert.Equal("DAG 10.1", plan.Meeting!.Title);
        Assert.True(plan.Meeting.IsExtraordinary);
        Assert.Equal("MHHS-DEL9", Assert.Single(plan.Meeting.Documents).DocumentId);
        Assert.Equal("Welcome", Assert.Single(plan.Meeting.Agenda).Title);
        var decision = Assert.Single(plan.Decisions);
        Assert.Equal((95, "DAG", "10.1"), (decision.Number, decision.GroupCode, decision.MeetingNumber));
        var item = Assert.Single(plan.Checklist);
        Assert.Equal(("20220621-06", D(2024, 4, 26), true, "DAG 10.1"), (item.Id, item.Deadline, item.IsReminder, item.Source));
    }

    [Fact]
    public void PapersWithoutADate_AreNotAppliedToActions()
    {
        var import = Papers("DAG", "34", D(2024, 3, 13)) with { Meeting = new PapersMeetingInfo("DAG", "34", null, null, null, null) };
        var plan = PapersImportPlan.Create(import);
        Assert.Null(plan.Meeting);
        Assert.Equal(ActionChangeKind.Skipped, plan.ApplyAction(null, Row(ActionStatus.Open, "x")).Kind);
        Assert.NotEmpty(plan.Skipped);
    }

    [Theory]
    [InlineData("DAG members", OwnerPartyKind.GroupMembers, "DAG")]
    [InlineData("Programme (PMO)", OwnerPartyKind.Pmo, "PMO")]
    [InlineData("Chair", OwnerPartyKind.GroupChair, "DAG")]
    [InlineData("Programme (CCAG Chair)", OwnerPartyKind.GroupChair, "CCAG")]
    [InlineData("Programme (Ian Smith)", OwnerPartyKind.Person, "ian-smith")]
    [InlineData("Programme (Testing Team)", OwnerPartyKind.Organisation, "Programme (Testing Team)")]
    public void OwnerText_ResolvesToParties(string owner, OwnerPartyKind kind, string value) =>
        Assert.Equal([new OwnerParty(kind, value)], OwnerResolver.Resolve(owner, "DAG"));
}
