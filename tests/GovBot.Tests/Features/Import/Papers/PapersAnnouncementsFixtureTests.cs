using System.Globalization;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Import;
using GovBot.Features.Meetings;
using GovBot.SampleData;

namespace GovBot.Tests.Features.Import;

/// <summary>
/// Every upcoming meeting, event and group update of the three seed papers, read from the real text in ../shared and
/// compared field by field with the records written down by hand from the papers (the sample data set's, plus the
/// few values spelled out here). Texts of updates are paraphrased in the sample, so the parsed text is checked for
/// its bounds instead: it is the topic's own text, not the heading and not the next topic.
/// </summary>
public sealed class PapersAnnouncementsFixtureTests
{
    private static readonly string[] SeedPapers = ["tmag-06-2022-06-15-papers.txt", "dag-14-2022-08-10-papers.txt", "dag-34-2024-03-13-papers.txt"];

    private static PapersImportPlan Plan(string file) => PapersImportPlan.Create(PapersFixtures.Parse(file).Import);

    [Fact]
    public void Dag34_UpcomingGovernanceMeetings_AreTheListWithoutDag34Itself()
    {
        var import = PapersFixtures.Parse("dag-34-2024-03-13-papers.txt").Import;
        // As printed: five entries, the fifth DAG 34 itself (13 March).
        Assert.Equal(
            [
                ("2024-03-07", "SITWG", false), ("2024-03-08", (string?)null, false), ("2024-03-11", "SITAG", true),
                ("2024-03-12", "QWG", false), ("2024-03-13", "DAG", false),
            ],
            import.UpcomingMeetings.Select(u => (u.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.Group, u.Extraordinary)));
        Assert.Equal("MHHS Migration Framework Development Workshop 3", import.UpcomingMeetings[1].Name);
        Assert.All(import.UpcomingMeetings, u => Assert.Null(u.Number));

        var announced = PapersImportPlan.Create(import).AnnouncedMeetings;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(MhhsSampleData.AnnouncedMeetings()), System.Text.Json.JsonSerializer.Serialize(announced));
    }

    [Fact]
    public void Dag34_UpcomingEvents_AreTheTwoWebinarsAndTheOpenDay()
    {
        var events = Plan("dag-34-2024-03-13-papers.txt").Events;
        Assert.Equal(MhhsSampleData.Events(), events);
        // Spelled out, so a change to the sample alone cannot make this pass.
        var openDay = Assert.Single(events, e => e.Kind == EventKind.OpenDay);
        Assert.Equal((new DateOnly(2024, 4, 23), "MHHS Open Day", "Elexon's offices, 350 Euston Rd, London NW1 3AW", true),
            (openDay.Date, openDay.Title, openDay.Place, openDay.Online));
        var first = events[0];
        Assert.Equal((new DateOnly(2024, 3, 7), new TimeOnly(10, 30), new TimeOnly(11, 30), "the Pre-Qualification Submission"),
            (first.Date, first.Start, first.End, first.About));
    }

    [Fact]
    public void SeedPapers_GroupUpdates_MatchFieldByField()
    {
        var parsed = SeedPapers.SelectMany(f => Plan(f).GroupUpdates).ToList();
        var expected = MhhsSampleData.GroupUpdates();

        static object Key(GroupUpdate u) => new { u.GroupCode, u.MeetingDate, u.Order, u.Topic, u.Source, Crs = string.Join(",", u.ChangeRequests), Releases = string.Join(",", u.Releases), Docs = string.Join(",", u.Documents) };
        Assert.Equal(expected.Select(Key), parsed.Select(Key));

        // Each text is the topic's own: no heading left in front, and it does not run into the next topic.
        for (var i = 0; i < parsed.Count; i++)
        {
            var u = parsed[i];
            Assert.False(string.IsNullOrWhiteSpace(u.Text), $"{u.Citation} #{u.Order} has no text");
            Assert.DoesNotContain(u.Topic + ":", u.Text, StringComparison.Ordinal);
            if (i + 1 < parsed.Count && parsed[i + 1].Source == u.Source) Assert.DoesNotContain(parsed[i + 1].Topic, u.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("papers available", u.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Headline Report", u.Text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal("The PSG approved CR042, which adjusts a Tier 2 migration milestone date.",
            Assert.Single(parsed, u => u.Topic == "CR042 Decision").Text);
        Assert.Equal("PSG, 7 February 2024 · DAG 34 papers", Assert.Single(parsed, u => u.Topic == "CR042 Decision").Citation);
        Assert.EndsWith("decision whether to raise it for Impact Assessment", Assert.Single(parsed, u => u.Topic == "Decision on CR007").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tmag6_AgendaItemsForOtherGroups_AreNotUpdates()
    {
        var updates = Plan("tmag-06-2022-06-15-papers.txt").GroupUpdates;
        Assert.All(updates, u => Assert.Equal(("CCAG", new DateOnly(2022, 5, 25)), (u.GroupCode, u.MeetingDate)));
        Assert.Equal(4, updates.Count);
    }

    [Fact]
    public void OtherLayouts_UpdatesFromHeadingsAndDashLists_AreRead()
    {
        const string text = """
            Updates from DAG 16 February 2023

            CR015 Impact Assessment: DAG agreed to raise CR015 to Impact Assessment, closing 3 March 2023.

            Design Release 3.1: DAG approved the release of MHHS-DEL1234 (v1.2) for Design Interim Release 3.1.

            DAG papers available here.

            Upcoming Meetings

            - DAG 22 – 8 March 2023, 10:00-12:30
            - Extraordinary PSG (PSG): 15 March 2023
            - 20 March 2023: Code Drafting Working Group (CDWG)

            Forthcoming Events:

            • MHHS Webinar: 21 March 2023: a webinar at 14:00 – 15:00 on Tuesday 21 March 2023 focusing on migration.
            """;
        var import = PapersParser.Parse(text, "psg-20-2023-03-01-papers.txt");

        Assert.Equal(
            [("DAG", 1, "CR015 Impact Assessment", "CR015", ""), ("DAG", 2, "Design Release 3.1", "", "Design Release 3.1,Design Interim Release 3.1")],
            import.GroupUpdates.Select(u => (u.Group, u.Order, u.Topic, string.Join(",", u.ChangeRequests), string.Join(",", u.Releases))));
        Assert.Contains("MHHS-DEL1234", import.GroupUpdates[1].Documents);
        Assert.Equal(new DateOnly(2023, 2, 16), import.GroupUpdates[0].MeetingDate);

        Assert.Equal(
            [("DAG", "22", false, "2023-03-08", "10:00"), ("PSG", null, true, "2023-03-15", null), ("CDWG", null, false, "2023-03-20", null)],
            import.UpcomingMeetings.Select(u => (u.Group, u.Number, u.Extraordinary, u.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.Start?.ToString("HH:mm", CultureInfo.InvariantCulture))));

        var webinar = Assert.Single(import.Events);
        Assert.Equal((EventKind.Webinar, "MHHS Webinar", new TimeOnly(14, 0), new TimeOnly(15, 0), "migration"),
            (webinar.Kind, webinar.Title, webinar.Start, webinar.End, webinar.About));
    }
}
