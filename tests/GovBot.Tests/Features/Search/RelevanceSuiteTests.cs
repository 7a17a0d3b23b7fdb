using GovBot.Features.Search;
using Xunit.Abstractions;

namespace GovBot.Tests.Features.Search;

/// <summary>
/// How well search finds what the seed papers say, on the sample records: each question with the record that must
/// come first. Precision@1 and recall@3 are printed (see the README). A second set, phrased differently and never
/// used to choose synonyms or weights, checks that the figures are not tuned to the first set's words.
/// </summary>
public sealed class RelevanceSuiteTests(ITestOutputHelper output)
{
    /// <summary>Written from the DAG 34, DAG 14 and TMAG 6 papers in ../shared (checklist, CR register, action logs, agendas, decisions).</summary>
    public static readonly (string Question, string Expected)[] Suite =
    [
        ("objection to design interim release 8", "checklist|20240313-05"),
        ("pre-qualification submission", "checklist|20240313-06"),
        ("when does the pre-qualification submission close", "checklist|20240313-06"),
        ("Code Topic Mop Up consultation", "checklist|20240313-02"),
        ("licence review consultation response", "checklist|20240313-03"),
        ("non-SIT LDSO test scenarios", "checklist|20240313-01"),
        ("meter data retrieval PPIR", "checklist|20240313-04"),
        ("DIP simulator stood down", "checklist|20240313-07"),
        ("interim release 7.1 artefacts", "checklist|20240313-08"),
        ("ADO user guide and training", "checklist|20240313-09"),
        ("qualification approach and plan documents", "checklist|20240313-11"),
        ("uplifted SIT functional themes scenarios", "checklist|20240313-10"),
        ("supplier registration of ABMU", "changerequests|CR043"),
        ("change request 43", "changerequests|CR043"),
        ("CR 44", "changerequests|CR044"),
        ("data refresh message", "changerequests|CR044"),
        ("supply start date correction tool", "changerequests|CR045"),
        ("metering point energy flow", "changerequests|CR046"),
        ("clock midnight for appointments", "changerequests|CR036"),
        ("registration service IF-40", "changerequests|CR039"),
        ("market participant role code format", "changerequests|CR041"),
        ("tier 2 migration milestone date", "changerequests|CR042"),
        ("restructure TMAG in the governance framework", "changerequests|CR035"),
        ("DIP interface name changes", "changerequests|CR025"),
        ("data item names and descriptions", "changerequests|CR024"),
        ("NFR for DNO and iDNO roles", "changerequests|CR040"),
        ("M5 and M3 replan", "changerequests|CR007"),
        ("MP162 joint working group with SEC parties", "actions|DAG12-03"),
        ("SRO position on SEC MP162", "actions|DAG12-04"),
        ("dissensus log in the design artefact tracker", "actions|DAG13-04"),
        ("MPAN enquiry API requirements", "actions|DAG13-06"),
        ("iServer release date", "actions|DAG13-12"),
        ("price cap calculation on the risk register", "actions|DAG13-03"),
        ("performance assurance requirements timing", "actions|DAG13-09"),
        ("design baseline dashboard", "actions|DAG10-08"),
        ("St Clements attendance at TMAG", "actions|DAG11-02"),
        ("change freeze criteria", "actions|DAG32-06"),
        ("briefing sessions on new change requests", "actions|DAG32-02"),
        ("design principles in earlier minutes", "actions|DAG33-01"),
        ("adjusting NFRs and the TOM process", "actions|DAG33-05"),
        ("load generated test data", "actions|TMAG05-01"),
        ("circulate the MWG headline report", "actions|TMAG05-02"),
        ("views on milestones in the re-plan consultation", "actions|TAG02-05"),
        ("CR043 form alternative options discounted", "actions|DAG33-08"),
        ("deferred implementation of CR024 and CR025", "actions|DAG31-11"),
        ("related MPAN modifications and the design subgroup", "actions|DAG06-01"),
        ("outstanding issues against Tranche 1 design approval", "actions|DAG09-12"),
        ("transition timetable and go/no-go decision", "actions|DAG10.1-01"),
        ("SI design assurance observations slides", "actions|DAG13-11"),
        ("design risk on qualification and assurance", "actions|DAG13-10"),
        ("all-day session on 28 October", "actions|DAG13-13"),
        ("CR036 and SIT Functional Cycle 1", "actions|DAG31-08"),
        ("interim release 8 go live", "milestones|T3-DB-0099"),
        ("SIT functional test approach reviews completed", "milestones|T3-DB-0139"),
        ("cross code advisory group", "groups|CCAG"),
        ("data cleanse working group", "groups|DCWG"),
        ("security design working group", "groups|SDWG"),
        ("interface code of connections", "meetings|DAG|34"),
        ("revised CoCo and DIP/PKI certificate profiles", "decisions|DAG|95"),
        ("approve the headline report of DAG 33", "decisions|DAG|94"),
        ("design RAID review", "meetings|DAG|14"),
        ("qualification working group mobilisation", "meetings|TMAG|6"),
    ];

    /// <summary>Other words for some of the same things: synonyms, abbreviations and numbers written differently.</summary>
    public static readonly (string Question, string Expected)[] Rephrased =
    [
        ("pre qualification deadline", "checklist|20240313-06"),
        ("change request no. 45", "changerequests|CR045"),
        ("SSD correction", "changerequests|CR045"),
        ("energy flow on a metering point changed more than once", "changerequests|CR046"),
        ("ABMU and MPAN mapping", "changerequests|CR043"),
        ("Design Advisory Group design principles", "actions|DAG33-01"),
        ("DCC impacts of the MP162 options", "actions|DAG12-05"),
        ("test data the programme generates", "actions|TMAG05-01"),
        ("licence review", "checklist|20240313-03"),
        ("mop up consultation", "checklist|20240313-02"),
        ("PKI certificate profiles", "decisions|DAG|95"),
        ("LDSO test cases", "checklist|20240313-01"),
        ("CCAG horizon scanning log link", "actions|DAG13-07"),
        ("Cross Code Advisory Group chair and code changes", "actions|DAG11-06"),
    ];

    [Fact]
    public void Suite_HasAtLeastSixtyQuestions_AndEveryExpectedRecordExists()
    {
        using var index = SearchTestIndex.Sample();
        Assert.True(Suite.Length >= 60, $"{Suite.Length} questions");
        Assert.All(Suite.Concat(Rephrased), q => Assert.True(index.Documents.Any(d => d.Id == q.Expected), $"No record {q.Expected} for '{q.Question}'"));
    }

    [Fact]
    public void Suite_PrecisionAtOneAndRecallAtThree() => Measure("suite", Suite, minP1: 0.85, minR3: 0.95);

    [Fact]
    public void Rephrased_PrecisionAtOneAndRecallAtThree() => Measure("rephrased", Rephrased, minP1: 0.7, minR3: 0.85);

    private void Measure(string name, (string Question, string Expected)[] questions, double minP1, double minR3)
    {
        using var index = SearchTestIndex.Sample();
        int first = 0, inThree = 0;
        foreach (var (question, expected) in questions)
        {
            var hits = index.Search(new SearchRequest(question, SearchTestIndex.Today, 0, 3)).Hits;
            var rank = hits.Select((h, i) => (h, i)).FirstOrDefault(x => x.h.Document.Id == expected).i + (hits.Any(h => h.Document.Id == expected) ? 1 : 0);
            if (rank == 1) first++;
            if (rank is >= 1 and <= 3) inThree++;
            if (rank != 1) output.WriteLine($"  miss@1 '{question}': expected {expected}, got {string.Join(", ", hits.Select(h => h.Document.Id))}");
        }
        var p1 = (double)first / questions.Length;
        var r3 = (double)inThree / questions.Length;
        output.WriteLine($"Relevance ({name}, {questions.Length} questions): precision@1 = {p1:P1}, recall@3 = {r3:P1}");
        Assert.True(p1 >= minP1, $"precision@1 {p1:P1} below {minP1:P0}");
        Assert.True(r3 >= minR3, $"recall@3 {r3:P1} below {minR3:P0}");
    }
}
