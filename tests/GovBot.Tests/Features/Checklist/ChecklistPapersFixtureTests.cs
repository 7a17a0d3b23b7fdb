using GovBot.Features.Import;
using GovBot.SampleData;
using GovBot.Tests.Features.Import;

namespace GovBot.Tests.Features.Checklist;

/// <summary>
/// Every participant-checklist item in the three seed papers, field by field, against records written by reading the
/// papers (DAG 34 has the only checklist; DAG 14 and TMAG 06 have none). The real text is parsed in the test.
/// </summary>
public class ChecklistPapersFixtureTests
{
    private sealed record Expected(int Number, string TextStart, DateOnly? Deadline, bool Reminder, string[] Constituencies, DateOnly? Dated);

    private static DateOnly D(int m, int d) => new(2024, m, d);

    // From the DAG 34 papers, "Participant Checklist" (Updated to 06/03/2024).
    private static readonly Expected[] Dag34 =
    [
        new(1, "Non-Systems Integration Testing (SIT) Licensed Distribution System Operator (LDSO) Test Scenarios & Test Cases Review", D(3, 8), true, ["LDSO"], null),
        new(2, "Code Topic Mop Up 2 Consultation", D(3, 11), true, [], null),
        new(3, "MHHS Supply, Distribution & Transmission Licence Review Consultation", D(3, 13), true, [], null),
        new(4, "MHHS Programme Participant Information Request (PPIR): Use of Meter Data Retrieval (MDR) Function - Supporting Assumptions for the Data Communications Company (DCC) Capacity Planning", D(3, 19), false, ["DCC"], null),
        new(5, "Design Interim Release 8 objection cut-off", D(3, 20), false, [], null),
        new(6, "Pre-Qualification Submission", D(4, 26), true, [], null),
        new(7, "Data Integration Platform (DIP) Simulator version 2.3 stood down on 1 March 2024", null, false, [], D(3, 1)),
        new(8, "Design Interim Release 7.1 Artefacts being published today", null, false, [], null),
        new(9, "Azure DevOps (ADO) User Guide and training materials for Systems Integration Testing (SIT) Functional published", null, false, [], null),
        new(10, "SIT Functional Test Scenarios and Test Cases Themes 1-9 uplifted", null, false, [], null),
        new(11, "Qualification Approach & Plan: updated documents published", null, false, [], null),
    ];

    [Fact]
    public void Dag34_EveryChecklistItem_FieldByField()
    {
        var import = PapersFixtures.Parse("dag-34-2024-03-13-papers.txt").Import;
        Assert.Equal(Dag34.Length, import.Checklist.Count);
        Assert.Equal(new DateOnly(2024, 3, 6), import.Meeting.ChecklistUpdatedTo);
        foreach (var (expected, actual) in Dag34.Zip(import.Checklist))
        {
            Assert.Equal(expected.Number, actual.Number);
            Assert.StartsWith(expected.TextStart, actual.Text, StringComparison.Ordinal);
            Assert.Equal(expected.Deadline, actual.Deadline);
            Assert.Equal(expected.Deadline is null, PapersImportJson.From(import).Checklist[actual.Number - 1].Information);
            Assert.Equal(expected.Reminder, actual.Reminder);
            Assert.Equal(expected.Constituencies, actual.Constituencies);
            Assert.Equal(expected.Dated, actual.Dated);
        }
    }

    [Fact]
    public void Dag34_ImportPlan_KeepsInformationItemsAndConstituencies()
    {
        var plan = PapersImportPlan.Create(PapersFixtures.Parse("dag-34-2024-03-13-papers.txt").Import);
        Assert.Equal(11, plan.Checklist.Count);
        Assert.Equal(5, plan.Checklist.Count(c => c.IsInformation));
        Assert.Equal(["LDSO"], plan.Checklist.Single(c => c.Number == 1).Constituencies);
        Assert.Equal(D(3, 1), plan.Checklist.Single(c => c.Number == 7).Dated);
        Assert.All(plan.Checklist, c => Assert.Equal(D(3, 6), c.Published));
    }

    [Theory]
    [InlineData("dag-14-2022-08-10-papers.txt")]
    [InlineData("tmag-06-2022-06-15-papers.txt")]
    public void PapersWithoutAChecklist_HaveNoItems(string file) =>
        Assert.Empty(PapersFixtures.Parse(file).Import.Checklist);

    [Fact]
    public void SampleData_AgreesWithThePapers()
    {
        var sample = MhhsSampleData.Build().Checklist.OrderBy(c => c.Number).ToList();
        Assert.Equal(Dag34.Length, sample.Count);
        foreach (var (expected, actual) in Dag34.Zip(sample))
        {
            Assert.Equal((expected.Number, expected.Deadline, expected.Reminder, expected.Dated), (actual.Number, actual.Deadline, actual.IsReminder, actual.Dated));
            Assert.Equal(expected.Constituencies, actual.Constituencies);
        }
    }
}
