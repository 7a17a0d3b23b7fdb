using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Groups;
using GovBot.SampleData;

namespace GovBot.Tests.SampleData;

/// <summary>
/// Checks the hand-built sample against the real papers in ../shared/fixtures/mhhs-papers (found by
/// walking up to the folder holding GovBot.sln), plus its internal consistency.
/// </summary>
public sealed partial class MhhsSampleDataTests
{
    private static readonly GovernanceDataSet Data = MhhsSampleData.Build();

    private static readonly Dictionary<string, string> PaperFiles = new()
    {
        ["TMAG 6"] = "tmag-06-2022-06-15-papers.txt",
        ["DAG 14"] = "dag-14-2022-08-10-papers.txt",
        ["DAG 34"] = "dag-34-2024-03-13-papers.txt",
        ["historic"] = "historic-governance-groups-page.txt",
    };

    // ---------- Against the papers ----------

    [Fact]
    public void Dag33_07_owner_and_status_are_as_in_the_DAG_34_papers()
    {
        var action = Data.Actions.Single(a => a.Ref == "DAG33-07");
        Assert.Equal("Elexon Change Raiser (Mike Ceney)", action.OwnerText);
        Assert.Equal(ActionStatus.RecommendClosed, action.Status);
        var row = RowOf("DAG 34", action.Ref);
        Assert.Contains(action.OwnerText, row, StringComparison.Ordinal);
        Assert.Contains("RECOMMEND CLOSED", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TMAG 6", 4)]
    [InlineData("DAG 14", 26)]
    [InlineData("DAG 34", 15)]
    public void Every_action_row_of_a_paper_is_in_the_sample_with_its_owner_due_date_and_status(string paper, int rows)
    {
        var text = Paper(paper);
        var refsInPaper = ActionRef().Matches(text).Select(m => m.Value).ToHashSet();
        var fromPaper = Data.Actions.Where(a => a.History.Any(h => h.AuthorName == $"Imported from {paper} papers")).ToList();

        Assert.Equal(rows, refsInPaper.Count);
        Assert.Equal(refsInPaper.Order(), fromPaper.Select(a => a.Ref).Order());
        foreach (var action in fromPaper)
        {
            var row = RowOf(paper, action.Ref);
            Assert.True(row.Contains(action.OwnerText, StringComparison.Ordinal), $"{action.Ref}: owner '{action.OwnerText}' not in row '{row}'");
            Assert.True(row.Contains(Uk(action.Due!.Value), StringComparison.Ordinal), $"{action.Ref}: due date not in row");
            Assert.True(StatusWordings(action.Status).Any(w => row.Contains(w, StringComparison.Ordinal)), $"{action.Ref}: status {action.Status} not in row '{row}'");
            if (paper != "DAG 34")
            {
                // These papers give the raised date; DAG 34 does not (the sample uses the raising meeting's date).
                Assert.True(row.Contains(Uk(action.Raised!.Value), StringComparison.Ordinal), $"{action.Ref}: raised date not in row");
            }
        }
    }

    [Fact]
    public void Every_action_claiming_a_source_paper_appears_in_that_paper()
    {
        foreach (var action in Data.Actions)
        {
            foreach (var update in action.History.Where(h => h.AuthorName.StartsWith("Imported from ", StringComparison.Ordinal)))
            {
                var paper = update.AuthorName["Imported from ".Length..^" papers".Length];
                Assert.True(PaperFiles.ContainsKey(paper), $"{action.Ref}: unknown source '{paper}'");
                Assert.Contains(action.Ref, Paper(paper), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Each_DAG_34_checklist_item_matches_the_papers_checklist()
    {
        var text = Paper("DAG 34");
        var start = text.IndexOf("Participant Checklist:", StringComparison.Ordinal);
        Assert.True(start >= 0, "Participant checklist not found in the DAG 34 papers");
        var section = text[start..text.IndexOf("You can view the Participant Checklist", start, StringComparison.Ordinal)];
        var items = Data.Checklist.Where(c => c.Source == "DAG 34").OrderBy(c => c.Number).ToList();

        Assert.Equal(11, items.Count);
        Assert.All(items, i => Assert.Equal(new DateOnly(2024, 3, 13), i.Published));
        foreach (var item in items)
        {
            var from = section.IndexOf($" {item.Number}.", StringComparison.Ordinal);
            var to = section.IndexOf($" {item.Number + 1}.", from + 1, StringComparison.Ordinal);
            var entry = section[from..(to < 0 ? section.Length : to)];
            Assert.Equal(entry.Contains("REMINDER:", StringComparison.Ordinal), item.IsReminder);
            if (item.Deadline is { } deadline)
            {
                var written = deadline.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
                Assert.True(entry.Contains($"the deadline is {written}", StringComparison.Ordinal), $"item {item.Number}: '{written}' not in '{entry}'");
            }
            else
            {
                Assert.DoesNotContain("deadline", entry, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void CR043_is_at_decision_and_its_tally_is_the_DAG_34_table()
    {
        var cr = Data.ChangeRequests.Single(c => c.Id == "CR043");
        Assert.Equal(ChangeRequestStage.Decision, cr.Stage);
        Assert.Null(cr.Outcome);
        Assert.Equal("IR8", cr.TargetRelease);
        var totals = (cr.Tally.Sum(t => t.Yes), cr.Tally.Sum(t => t.No), cr.Tally.Sum(t => t.Abstain), cr.Tally.Sum(t => t.NoReply));
        Assert.Equal((12, 0, 4, 176), totals);

        var text = Paper("DAG 34");
        Assert.Contains($"Totals {totals.Item1} {totals.Item2} {totals.Item3} {totals.Item4}", text, StringComparison.Ordinal);
        foreach (var row in cr.Tally)
        {
            var written = $"{row.Constituency} {Cell(row.Yes)} {Cell(row.No)} {Cell(row.Abstain)} {Cell(row.NoReply)}";
            Assert.True(text.Contains(written, StringComparison.Ordinal), $"'{written}' not in the DAG 34 papers");
        }

        static string Cell(int n) => n == 0 ? "-" : n.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void DAG_34_decisions_and_milestone_are_in_the_papers()
    {
        var text = Paper("DAG 34");
        var decisions = Data.Decisions.Where(d => d.GroupCode == "DAG" && d.MeetingNumber == "34").ToList();
        Assert.Equal([94, 95, 96], decisions.Select(d => d.Number).Order());
        Assert.All(decisions, d => Assert.Contains($"DECISION [{d.Number}]", text, StringComparison.Ordinal));

        var m = Data.Milestones.Single(x => x.Id == "T3-DB-0099");
        Assert.Contains($"{m.Id} {m.Responsible} {m.Title} Wed {m.Baseline:dd/MM/yy} Wed {m.Forecast:dd/MM/yy}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DAG_34_agenda_items_have_the_papers_slots_and_leads()
    {
        var text = Paper("DAG 34");
        var dag34 = Data.Meetings.Single(m => m.Title == "DAG 34");
        Assert.Equal(12, dag34.Agenda.Count);
        foreach (var item in dag34.Agenda)
        {
            Assert.Contains($"{item.Start:HH\\:mm}-{item.End:HH\\:mm}", text, StringComparison.Ordinal);
            Assert.Contains(item.Lead!, text, StringComparison.Ordinal);
            Assert.Contains(item.Title, text, StringComparison.Ordinal);
        }
        Assert.Contains(Data.Meetings, m => m.Title == "DAG 35" && m.Date == new DateOnly(2024, 4, 10) && m.Start == new TimeOnly(10, 0));
    }

    [Fact]
    public void Every_DAG_and_TMAG_meeting_on_the_historic_page_is_present()
    {
        var listed = HistoricMeeting().Matches(Paper("historic"))
            .Select(m => (Group: m.Groups["group"].Value, Number: m.Groups["number"].Value, Date: DateOnly.ParseExact(m.Groups["date"].Value, "dd/MM/yyyy", CultureInfo.InvariantCulture)))
            .Distinct()
            .ToList();
        Assert.True(listed.Count(l => l.Group == "DAG") >= 43, "expected the historic page to list at least 43 DAG meetings");

        foreach (var (group, number, date) in listed.Where(l => l.Group == "DAG"))
        {
            Assert.True(Data.Meetings.Any(m => m.GroupCode == "DAG" && m.Number == number && m.Date == date), $"DAG {number} on {date} missing");
        }
        // TMAG 15 is listed under two dates (its headline report under TMAG 16's date): require the number and the date.
        foreach (var (group, number, date) in listed.Where(l => l.Group == "TMAG"))
        {
            Assert.Contains(Data.Meetings, m => m.GroupCode == "TMAG" && m.Number == number);
            Assert.Contains(Data.Meetings, m => m.GroupCode == "TMAG" && m.Date == date);
        }
    }

    // ---------- Internal consistency ----------

    [Fact]
    public void Ids_and_refs_are_unique()
    {
        AssertUnique(Data.Groups.Select(g => g.Code));
        AssertUnique(Data.People.Select(p => p.Id));
        AssertUnique(Data.People.Select(p => p.EntraObjectId!));
        AssertUnique(Data.People.Select(p => p.Email));
        AssertUnique(Data.Meetings.Select(m => m.Title));
        AssertUnique(Data.Actions.Select(a => a.Ref));
        AssertUnique(Data.Decisions.Select(d => $"{d.GroupCode} [{d.Number}]"));
        AssertUnique(Data.ChangeRequests.Select(c => c.Id));
        AssertUnique(Data.Checklist.Select(c => c.Id));
        AssertUnique(Data.Milestones.Select(m => m.Id));
        AssertUnique(Data.Memberships.Select(m => $"{m.GroupCode}/{m.PersonId}/{m.Role}"));
    }

    [Fact]
    public void People_have_slug_ids_and_guid_entra_ids()
    {
        Assert.All(Data.People, p =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)+$", p.Id);
            Assert.True(Guid.TryParse(p.EntraObjectId, out _), $"{p.Id}: Entra object id is not a GUID");
            Assert.Matches(@"^[a-z]+\.[a-z]+@[a-z-]+\.example$", p.Email);
        });
    }

    [Fact]
    public void Every_reference_to_a_group_or_person_resolves()
    {
        var groups = Data.Groups.ToDictionary(g => g.Code);
        var people = Data.People.Select(p => p.Id).ToHashSet();

        Assert.All(Data.Groups, g =>
        {
            if (g.ParentCode is { } parent) Assert.Contains(parent, groups.Keys);
            if (g.ChairPersonId is { } chair) Assert.Contains(chair, people);
            if (g.SecretariatPersonId is { } sec) Assert.Contains(sec, people);
        });
        Assert.All(Data.Memberships, m =>
        {
            Assert.Contains(m.GroupCode, groups.Keys);
            Assert.Contains(m.PersonId, people);
        });
        // A programme workshop the papers announce belongs to no group.
        Assert.All(Data.Meetings.Where(m => m.GroupCode != GovBot.Features.Meetings.Meeting.ProgrammeCode), m => Assert.Contains(m.GroupCode, groups.Keys));
        Assert.All(Data.Decisions, d => Assert.Contains(d.GroupCode, groups.Keys));
        Assert.All(Data.Actions, a =>
        {
            Assert.Contains(a.GroupCode, groups.Keys);
            Assert.NotEmpty(a.Owners);
            foreach (var owner in a.Owners)
            {
                switch (owner.Kind)
                {
                    case OwnerPartyKind.Person:
                        Assert.Contains(owner.Value, people);
                        break;
                    case OwnerPartyKind.GroupMembers:
                        Assert.Contains(Data.Memberships, m => m.GroupCode == owner.Value && m.Role == MembershipRole.Member);
                        break;
                    case OwnerPartyKind.GroupChair:
                        Assert.NotNull(groups[owner.Value].ChairPersonId);
                        break;
                    case OwnerPartyKind.Pmo:
                        Assert.Contains(Data.People, p => p.IsPmo);
                        break;
                }
            }
        });
        var decisionRefs = Data.Decisions.Select(d => $"{d.GroupCode} [{d.Number}]").ToHashSet();
        Assert.All(Data.ChangeRequests.SelectMany(c => c.DecisionRefs), r => Assert.Contains(r, decisionRefs));
    }

    [Fact]
    public void Named_owners_resolve_to_a_person_whose_name_or_alias_is_in_the_owner_text()
    {
        var people = Data.People.ToDictionary(p => p.Id);
        foreach (var action in Data.Actions)
        {
            foreach (var owner in action.Owners.Where(o => o.Kind == OwnerPartyKind.Person))
            {
                var person = people[owner.Value];
                Assert.True(
                    person.Aliases.Prepend(person.Name).Any(n => action.OwnerText.Contains(n, StringComparison.Ordinal)),
                    $"{action.Ref}: '{action.OwnerText}' does not name {person.Name}");
            }
        }
    }

    [Fact]
    public void Action_refs_follow_the_pattern_and_match_their_group_and_meeting()
    {
        var groups = Data.Groups.ToDictionary(g => g.Code);
        Assert.All(Data.Actions, a =>
        {
            var m = Regex.Match(a.Ref, @"^(?<prefix>[A-Z]+)(?<number>\d+(\.\d+)?)-\d{2}$");
            Assert.True(m.Success, $"{a.Ref} does not follow the ref pattern");
            var prefix = m.Groups["prefix"].Value;
            Assert.True(prefix == a.GroupCode || groups[a.GroupCode].Aliases.Contains(prefix), $"{a.Ref}: prefix is not {a.GroupCode} or an alias");
            Assert.Equal(m.Groups["number"].Value.TrimStart('0'), a.MeetingNumber);
            Assert.NotEmpty(a.History);
            Assert.Equal(a.Status, a.History[^1].Status);
        });
    }

    [Fact]
    public void Import_history_is_stamped_at_nine_uk_time_on_the_meeting_day()
    {
        var dag34 = Data.Actions.Single(a => a.Ref == "DAG33-04").History.Single();
        Assert.Equal(new DateTimeOffset(2024, 3, 13, 9, 0, 0, TimeSpan.Zero), dag34.At);
        Assert.Null(dag34.AuthorPersonId);
        var dag14 = Data.Actions.Single(a => a.Ref == "DAG13-13").History.Single();
        Assert.Equal(new DateTimeOffset(2022, 8, 10, 9, 0, 0, TimeSpan.FromHours(1)), dag14.At);
    }

    [Fact]
    public void DAG_meets_on_its_cadence_since_late_2022_except_extraordinary_meetings()
    {
        var dag = Data.Groups.Single(g => g.Code == "DAG");
        Assert.True(dag.IsActive);
        Assert.False(Data.Groups.Single(g => g.Code == "TMAG").IsActive);
        var regular = Data.Meetings.Where(m => m.GroupCode == "DAG" && !m.IsExtraordinary && m.Date >= new DateOnly(2022, 11, 1)).ToList();
        Assert.True(regular.Count >= 19);
        Assert.All(regular, m => Assert.Equal(dag.Cadence!.DayIn(m.Date.Year, m.Date.Month), m.Date));
        Assert.All(Data.Meetings.Where(m => m.Number.Contains('.')), m => Assert.True(m.IsExtraordinary));
    }

    [Fact]
    public void The_demo_user_is_a_DAG_member_with_several_open_actions()
    {
        var person = Data.People.Single(p => p.Id == MhhsSampleData.DemoPersonId);
        Assert.Equal("Lee Cox", person.Name);
        Assert.Contains(Data.Memberships, m => m.GroupCode == "DAG" && m.PersonId == person.Id && m.Role == MembershipRole.Member);
        var open = Data.Actions
            .Where(a => !a.IsClosed && a.Status != ActionStatus.RecommendClosed && a.Owners.Contains(new OwnerParty(OwnerPartyKind.Person, person.Id)))
            .Select(a => a.Ref).Order().ToList();
        Assert.Equal(["DAG31-08", "DAG32-04", "DAG33-04"], open);
        Assert.True(Data.People.Single(p => p.Id == MhhsSampleData.PmoPersonId).IsPmo);
    }

    // ---------- Helpers ----------

    private static void AssertUnique(IEnumerable<string> values)
    {
        var duplicates = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicates: {string.Join(", ", duplicates)}");
    }

    private static string Uk(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string[] StatusWordings(ActionStatus status) => status switch
    {
        ActionStatus.Open => ["Open – outstanding", "Open"],
        ActionStatus.Ongoing => ["ONGOING"],
        ActionStatus.RecommendClosed => ["RECOMMEND CLOSE", "Recommend closed"],
        ActionStatus.Closed => ["Closed"],
        _ => [],
    };

    /// <summary>The text of an action row: from the ref to the start of the next row.</summary>
    private static string RowOf(string paper, string actionRef)
    {
        var text = Paper(paper);
        var start = text.IndexOf(actionRef, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{actionRef} not in the {paper} papers");
        // Rows start where a ref first appears; later mentions ("see ACTION DAG12-03") are cross-references.
        var next = ActionRef().Matches(text)
            .GroupBy(m => m.Value)
            .Select(g => g.First().Index)
            .Where(i => i > start)
            .DefaultIfEmpty(Math.Min(text.Length, start + 1500))
            .Min();
        return text[start..next];
    }

    private static readonly Dictionary<string, string> Cache = new();

    /// <summary>A paper's text with every run of whitespace collapsed to one space (PDF extraction wraps rows).</summary>
    private static string Paper(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var text))
            {
                text = Whitespace().Replace(File.ReadAllText(Path.Combine(PapersFolder(), PaperFiles[name])), " ");
                Cache[name] = text;
            }
            return text;
        }
    }

    private static string PapersFolder()
    {
        var folder = RepoPaths.PapersFolder;
        Assert.True(
            PaperFiles.Values.All(f => File.Exists(Path.Combine(folder, f))),
            $"These tests need the real MHHS papers ({string.Join(", ", PaperFiles.Values)}) in {folder}, i.e. ../shared/fixtures/mhhs-papers next to the folder holding GovBot.sln.");
        return folder;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(?:DAG|TMAG|TAG)\d+(?:\.\d+)?-\d{2}\b")]
    private static partial Regex ActionRef();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \S+ (?<date>\d{2}/\d{2}/\d{4}) (?:Extraordinary )?(?<group>DAG|TMAG) ?(?:Extraordinary )?(?<number>\d+(?:\.\d+)?)\b")]
    private static partial Regex HistoricMeeting();
}
