using GovBot.Features.Search;
using GovBot.Recognition;

namespace GovBot.Tests.Features.Search;

public sealed class SearchIndexTests
{
    [Theory]
    [InlineData("Proposed updates to Interface Code of Connections (CoCo) were assured.", "CoCo", "Code of Connections")]
    [InlineData("the Licensed Distribution System Operator (LDSO) tests", "LDSO", "Licensed Distribution System Operator")]
    [InlineData("objections to Design Interim Release 8 (IR8) close", "IR8", "Interim Release 8")]
    [InlineData("via the Data Integration Platform (DIP).", "DIP", "Data Integration Platform")]
    public void Abbreviations_AreReadWhereTheTextDefinesThem(string text, string shortForm, string longForm)
    {
        var found = Assert.Single(Abbreviations.Extract(text));
        Assert.Equal(shortForm, found.Abbreviated);
        Assert.Equal(longForm, found.Expansion);
    }

    [Fact]
    public void PassageResult_ShowsTheSentenceThatMatched_WithTheWordsHighlighted()
    {
        using var index = new SearchIndex();
        index.ReplaceSource("passages", [new SearchDocument("passages", "P|1", SearchKind.Passage, "Programme updates",
            "The plan covers apples and their orchards. The second sentence names the zebra crossing plan for the depot. Third, about pears.")
        {
            Citation = "DAG 34 papers · Programme updates",
        }]);

        var hit = Assert.Single(index.Search(new SearchRequest("zebra crossing", new DateOnly(2024, 3, 6))).Hits);

        Assert.Contains("**zebra** **crossing**", hit.Snippet, StringComparison.Ordinal);
        Assert.StartsWith("The second sentence", hit.Snippet.TrimStart(' ', '.'), StringComparison.Ordinal);
        Assert.DoesNotContain("apples", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("pears", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("see the minutes (2024) for details")]
    [InlineData("the chair (see below) agreed")]
    [InlineData("approved by the group (DAG) yesterday")]
    public void Brackets_ThatDefineNothing_AreNotAbbreviations(string text) => Assert.Empty(Abbreviations.Extract(text));

    [Fact]
    public void Abbreviations_FromTheSeedPapers_IncludeTheProgrammesOwn()
    {
        var text = string.Concat(Directory.GetFiles(RepoPaths.PapersFolder, "*.txt").Select(File.ReadAllText));
        var found = Abbreviations.Extract(text).ToLookup(a => a.Abbreviated, a => a.Expansion, StringComparer.Ordinal);
        Assert.Contains("Code of Connections", found["CoCo"]);
        Assert.Contains("Licensed Distribution System Operator", found["LDSO"]);
        Assert.Contains("Data Integration Platform", found["DIP"]);
        Assert.Contains("Impact Assessment", found["IA"]);
        Assert.Contains(found["PPIR"], l => l.EndsWith("Participant Information Request", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CR043")]
    [InlineData("CR 43")]
    [InlineData("change request 43")]
    [InlineData("Change Request no. 043")]
    public void ChangeRequestNumbers_WrittenAnyWay_FindTheSameCr(string asked)
    {
        using var index = SearchTestIndex.Sample();
        var top = index.Search(new SearchRequest(asked, SearchTestIndex.Today)).Hits;
        Assert.Equal("changerequests|CR043", top[0].Document.Id);
    }

    [Fact]
    public void AnAbbreviationDefinedInAnIndexedText_FindsTheLongForm()
    {
        using var index = new SearchIndex();
        index.ReplaceSource("papers", [
            new SearchDocument("papers", "1", SearchKind.Passage, "Glossary", "Changes to the Code of Connections (CoCo) are assured by SDWG.") { Citation = "test" },
            new SearchDocument("papers", "2", SearchKind.Passage, "Connections", "New certificate profiles for the code of connections were published.") { Citation = "test" },
        ]);
        var hits = index.Search(new SearchRequest("coco certificate profiles", SearchTestIndex.Today)).Hits;
        Assert.Equal("papers|2", hits[0].Document.Id);
    }

    [Fact]
    public void GroupNames_AreSynonymsOfTheirCodes()
    {
        using var index = SearchTestIndex.Sample();
        var hits = index.Search(new SearchRequest("design advisory group design principles", SearchTestIndex.Today)).Hits;
        Assert.Equal("actions|DAG33-01", hits[0].Document.Id);
    }

    [Theory]
    [InlineData("what's the weather in paris")]
    [InlineData("banana smoothie recipe")]
    [InlineData("qwertyuiop")]
    public void Unrelated_FindsNothing(string question)
    {
        using var index = SearchTestIndex.Sample();
        Assert.Empty(index.Search(new SearchRequest(question, SearchTestIndex.Today)).Hits);
    }

    [Fact]
    public void HalfMatchingHits_AreNotStitchedIntoAnAnswer()
    {
        using var index = SearchTestIndex.Sample();
        // "registration" is everywhere; "penguin" nowhere: no record covers the question.
        Assert.Empty(index.Search(new SearchRequest("penguin registration", SearchTestIndex.Today)).Hits);
    }

    [Fact]
    public void Ranking_KnowsTheClock_UpcomingBeatsPast_NewerPaperBeatsOlder()
    {
        using var index = new SearchIndex();
        index.ReplaceSource("t", [
            new SearchDocument("t", "past", SearchKind.Deadline, "Respond to the data consultation", "Respond to the data consultation.") { Date = new(2024, 2, 1), Citation = "x" },
            new SearchDocument("t", "next", SearchKind.Deadline, "Respond to the data consultation", "Respond to the data consultation.") { Date = new(2024, 3, 20), Citation = "x" },
            new SearchDocument("t", "old", SearchKind.Passage, "Data consultation", "The data consultation timetable.") { Published = new(2022, 8, 10), Citation = "x" },
            new SearchDocument("t", "new", SearchKind.Passage, "Data consultation", "The data consultation timetable.") { Published = new(2024, 3, 13), Citation = "x" },
        ]);
        var ids = index.Search(new SearchRequest("data consultation", new(2024, 3, 14), 0, 4)).Hits.Select(h => h.Document.Key).ToList();
        Assert.True(ids.IndexOf("next") < ids.IndexOf("past"), string.Join(",", ids));
        Assert.True(ids.IndexOf("new") < ids.IndexOf("old"), string.Join(",", ids));
    }

    [Fact]
    public void ReplacingKeys_UpdatesWhatIsFound()
    {
        using var index = SearchTestIndex.Sample();
        var before = index.Version;
        var doc = index.Get("actions", "DAG33-04")! with { Text = "Confirm what the zebra crossing means for testing." };
        index.Replace("actions", ["DAG33-04"], [doc]);
        Assert.True(index.Version > before);
        Assert.Equal("actions|DAG33-04", index.Search(new SearchRequest("zebra crossing", SearchTestIndex.Today)).Hits[0].Document.Id);
        index.Replace("actions", ["DAG33-04"], []);
        Assert.Empty(index.Search(new SearchRequest("zebra crossing", SearchTestIndex.Today)).Hits);
    }

    [Theory]
    [InlineData("meetings on 12 March", "2024-03-12", "2024-03-12")]
    [InlineData("deadlines 26th april", "2024-04-26", "2024-04-26")]
    [InlineData("actions due before Easter", "2024-03-06", "2024-03-28")]
    public void TimeWords_NameTheirDays(string question, string from, string to)
    {
        var rest = QuestionText.Normalise(question);
        var window = QuestionText.TakeWindow(ref rest, SearchTestIndex.Today);
        Assert.NotNull(window);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), window.Range.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), window.Range.To);
    }
}
