using System.Text;
using GovBot.Features.Papers;
using GovBot.Features.Search;
using Xunit.Abstractions;

namespace GovBot.Tests.Features.Search;

/// <summary>
/// Search over the seed papers' passages together with the sample records: each question with a phrase of the
/// passage that must come first (passages have no stable name, so the phrase picks it out; it must be in exactly
/// one passage). Written from reading the papers; precision@1 and recall@3 are printed.
/// </summary>
public sealed class PassageRelevanceTests(ITestOutputHelper output)
{
    public static readonly (string Question, string Phrase)[] Suite =
    [
        ("Helix supports the change as its raiser", "As the Change Raiser, Helix are supportive"),
        ("did RECCo give a recommendation on CR043", "RECCo abstained from providing a recommendation"),
        ("how many I&C suppliers responded in support", "six responding I&C Suppliers supported"),
        ("medium supplier view on the change", "one responding Medium Supplier supported"),
        ("where did most of the support for CR043 come from", "The majority of support came from I&C Suppliers"),
        ("testing workstream waiting for the approval decision", "testing workstream will await an approval decision"),
        ("design workstream redirect flows", "redirect flows and validate"),
        ("mechanism to realign mismatched data", "realign any mismatched data"),
        ("tool for Registration Service super users", "Super Users have access to a tool"),
        ("annul an invalid switch", "Annulment of an"),
        ("SSDFIX de-appointment reason", "SSDFIX"),
        ("SDWG restricted group access", "SDWG is a restricted group"),
        ("Migration Framework Development Workshop", "Migration Framework Development Workshop 3"),
        ("appeal a Change Board decision", "appeals of decisions made by the Change Board"),
        ("justify a change request during the change freeze", "justify why their Change Request is valid during the Change Freeze"),
        ("DIP stateless no business processing rules", "The DIP solution will remain stateless"),
        ("who reports data accuracy issues to the data owner", "reporting data accuracy issues to the data owner"),
        ("pre-PSG webinar trial feedback", "pre-PSG webinar trial"),
        ("unmetered data service migration issues", "new Unmetered Data Service"),
        ("Qualification and E2E Sandbox working group", "will have the role of helping to define the Qualification Testing"),
        ("pre-migration data cleanse activities recommended by CCDG", "recommended a number of Pre-Migration activities"),
    ];

    private static readonly (string File, PaperIdentity Identity)[] Papers =
    [
        ("dag-34-2024-03-13-papers.txt", new("DAG", "34", new DateOnly(2024, 3, 13), null)),
        ("dag-14-2022-08-10-papers.txt", new("DAG", "14", new DateOnly(2022, 8, 10), null)),
        ("tmag-06-2022-06-15-papers.txt", new("TMAG", "6", new DateOnly(2022, 6, 15), null)),
    ];

    /// <summary>The seed papers' passages as the import keeps them, as the passage source indexes them.</summary>
    internal static IReadOnlyList<SearchDocument> PassageDocuments()
    {
        var documents = new List<SearchDocument>();
        foreach (var (file, identity) in Papers)
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.PapersFolder, file), Encoding.UTF8);
            var key = PaperKeys.DocumentKey(identity, file);
            var passages = PaperPassages.Split(key, text, null);
            var paper = new Paper(key, identity.GroupCode!, identity.MeetingNumber, identity.MeetingDate, PaperKeys.Version(text), null,
                PaperKeys.Title(text, identity, file), file, new string('0', 64), "blob.txt", "text/plain", text.Length, passages.Count);
            documents.AddRange(passages.Select(p => PaperSearchSource.Document(paper, p)));
        }
        return documents;
    }

    private static SearchIndex Index(IReadOnlyList<SearchDocument> passages)
    {
        var index = SearchTestIndex.Sample();
        index.ReplaceSource(PaperSearchSource.SourceName, passages);
        return index;
    }

    [Fact]
    public void Suite_HasAtLeastFifteenQuestions_EachPhraseInExactlyOnePassage()
    {
        var passages = PassageDocuments();
        Assert.True(Suite.Length >= 15, $"{Suite.Length} questions");
        Assert.All(Suite, q => Assert.True(passages.Count(p => p.Text.Contains(q.Phrase, StringComparison.Ordinal)) == 1,
            $"'{q.Phrase}' is in {passages.Count(p => p.Text.Contains(q.Phrase, StringComparison.Ordinal))} passages"));
    }

    [Fact]
    public void Passages_CiteThePapersAndSection()
    {
        var passages = PassageDocuments();
        var helix = passages.Single(p => p.Text.Contains("As the Change Raiser, Helix are supportive", StringComparison.Ordinal));
        Assert.StartsWith("DAG 34 papers · ", helix.Citation, StringComparison.Ordinal);
        Assert.Equal(SearchKind.Passage, helix.Kind);
        Assert.Equal(new DateOnly(2024, 3, 13), helix.Published);
    }

    [Fact]
    public void Suite_PrecisionAtOneAndRecallAtThree()
    {
        var passages = PassageDocuments();
        using var index = Index(passages);
        int first = 0, inThree = 0;
        foreach (var (question, phrase) in Suite)
        {
            var expected = passages.Single(p => p.Text.Contains(phrase, StringComparison.Ordinal)).Id;
            var hits = index.Search(new SearchRequest(question, SearchTestIndex.Today, 0, 3)).Hits;
            var rank = hits.ToList().FindIndex(h => h.Document.Id == expected) + 1;
            if (rank == 1) first++;
            if (rank is >= 1 and <= 3) inThree++;
            if (rank != 1) output.WriteLine($"  miss@1 '{question}': expected {expected}, got {string.Join(", ", hits.Select(h => h.Document.Id))}");
        }
        var p1 = (double)first / Suite.Length;
        var r3 = (double)inThree / Suite.Length;
        output.WriteLine($"Relevance (passages, {Suite.Length} questions): precision@1 = {p1:P1}, recall@3 = {r3:P1}");
        // A floor, not a target: where a record says the same thing (CR045's tool, the SDWG group, a group update)
        // the record comes first and the passage second; the questions were not rewritten to avoid that.
        Assert.True(p1 >= 0.5, $"precision@1 {p1:P1} below 50%");
        Assert.True(r3 >= 0.8, $"recall@3 {r3:P1} below 80%");
    }

    /// <summary>The record suites still hold with the papers' passages in the index beside the records.</summary>
    [Fact]
    public void RecordSuite_WithPassagesIndexed_StillFindsTheRecords()
    {
        using var index = Index(PassageDocuments());
        var ranks = RelevanceSuiteTests.Suite
            .Select(q => index.Search(new SearchRequest(q.Question, SearchTestIndex.Today, 0, 3)).Hits.ToList().FindIndex(h => h.Document.Id == q.Expected) + 1)
            .ToList();
        var p1 = (double)ranks.Count(r => r == 1) / ranks.Count;
        var r3 = (double)ranks.Count(r => r >= 1) / ranks.Count;
        output.WriteLine($"Relevance (records, with passages indexed, {ranks.Count} questions): precision@1 = {p1:P1}, recall@3 = {r3:P1}");
        Assert.True(p1 >= 0.85, $"precision@1 {p1:P1} below 85%");
        Assert.True(r3 >= 0.95, $"recall@3 {r3:P1} below 95%");
    }
}
