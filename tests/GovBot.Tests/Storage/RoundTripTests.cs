using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;

namespace GovBot.Tests.Storage;

public sealed class RoundTripTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Group_RoundTripsEveryField()
    {
        var store = new GroupStore(Tables);
        var group = TestData.Group();
        var bare = TestData.Group("CCAG") with { ParentCode = null, Cadence = null, Purpose = null, ChairPersonId = null, SecretariatPersonId = null, Aliases = [], IsActive = false };
        await store.CreateAsync(group, Ct);
        await store.UpsertAsync(bare, Ct);

        AssertSame(group, (await store.GetAsync("DAG", Ct))!.Value);
        AssertSame(bare, (await store.GetAsync("CCAG", Ct))!.Value);
        Assert.Equal(["CCAG", "DAG"], (await store.ListAsync(Ct)).Select(g => g.Code));
        Assert.Null(await store.GetAsync("NOPE", Ct));
    }

    [Fact]
    public async Task Person_RoundTripsEveryField()
    {
        var store = new PersonStore(Tables);
        var person = TestData.Person();
        var bare = new Person("no-oid", null, "No Oid", "", null, []);
        await store.CreateAsync(person, Ct);
        await store.UpsertAsync(bare, Ct);

        AssertSame(person, (await store.GetAsync(person.Id, Ct))!.Value);
        AssertSame(bare, (await store.GetAsync(bare.Id, Ct))!.Value);
        Assert.Equal(2, (await store.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Meeting_RoundTripsAgendaDocumentsDatesAndTimes()
    {
        var store = new MeetingStore(Tables);
        var meeting = TestData.Meeting();
        var bare = new Meeting("DAG", "10.1", true, new DateOnly(2023, 1, 5), null, null, null, null, [], []);
        await store.CreateAsync(meeting, Ct);
        await store.UpsertAsync(bare, Ct);

        AssertSame(meeting, (await store.GetAsync("DAG", "34", Ct))!.Value);
        AssertSame(bare, (await store.GetAsync("DAG", "10.1", Ct))!.Value);
        Assert.Equal(["10.1", "34"], (await store.ListByGroupAsync("DAG", Ct)).Select(m => m.Number));
    }

    [Fact]
    public async Task Action_RoundTripsOwnersHistoryEnumsAndNulls()
    {
        var store = new ActionStore(Tables);
        var action = TestData.Action();
        var bare = new ActionItem("DAG10.1-03", "DAG", null, null, "Text", "", [], null, ActionStatus.Open, null, []);
        await store.CreateAsync(action, Ct);
        await store.UpsertAsync(bare, Ct);

        AssertSame(action, (await store.GetAsync(action.Ref, Ct))!.Value);
        AssertSame(bare, (await store.GetAsync(bare.Ref, Ct))!.Value);
    }

    [Fact]
    public async Task Action_HistoryLongerThanOneColumn_IsSplitAndRestored()
    {
        var store = new ActionStore(Tables);
        var history = Enumerable.Range(0, 400)
            .Select(i => new ActionUpdate(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), "ian-smith", "Ian Smith",
                $"Update {i}: " + new string('x', 200) + " – “quoted” £", ActionStatus.Ongoing, null))
            .ToList();
        var action = TestData.Action() with { History = history };

        await store.UpsertAsync(action, Ct);

        AssertSame(action, (await store.GetAsync(action.Ref, Ct))!.Value);
    }

    [Fact]
    public async Task Decision_RoundTripsAndListsByGroupInNumberOrder()
    {
        var store = new DecisionStore(Tables);
        await store.UpsertAsync(TestData.Decision(100), Ct);
        await store.CreateAsync(TestData.Decision(95) with { Outcome = "SRO approved" }, Ct);
        await store.UpsertAsync(TestData.Decision(7) with { GroupCode = "CCAG" }, Ct);

        var dag = await store.ListByGroupAsync("DAG", Ct);

        Assert.Equal([95, 100], dag.Select(d => d.Number));
        AssertSame(TestData.Decision(95) with { Outcome = "SRO approved" }, dag[0]);
    }

    [Fact]
    public async Task ChangeRequest_RoundTripsKeyDatesTallyAndRefs()
    {
        var store = new ChangeRequestStore(Tables);
        var cr = TestData.ChangeRequest();
        var decided = TestData.ChangeRequest("CR001") with { Stage = ChangeRequestStage.Closed, Outcome = ChangeRequestOutcome.AppealedToIpa, Raiser = null, KeyDates = [], Tally = [], DecisionRefs = [], ImpactAssessmentOpens = null, ImpactAssessmentCloses = null, TargetRelease = null, Summary = null };
        await store.CreateAsync(cr, Ct);
        await store.UpsertAsync(decided, Ct);

        AssertSame(cr, (await store.GetAsync("CR043", Ct))!.Value);
        AssertSame(decided, (await store.GetAsync("CR001", Ct))!.Value);
        Assert.Equal(["CR001", "CR043"], (await store.ListAsync(Ct)).Select(c => c.Id));
    }

    [Fact]
    public async Task Meeting_AnnouncedWithoutNumber_RoundTripsNameAndSource()
    {
        var store = new MeetingStore(Tables);
        var workshop = new Meeting(Meeting.ProgrammeCode, "2024-03-08", false, new DateOnly(2024, 3, 8), null, null, null, null, [], [], "Migration Framework Workshop 3", "DAG 34 papers");
        await store.UpsertAsync(workshop, Ct);

        var read = (await store.GetAsync(Meeting.ProgrammeCode, "2024-03-08", Ct))!.Value;
        AssertSame(workshop, read);
        Assert.Equal("Migration Framework Workshop 3", read.Title);
        Assert.False(read.IsNumbered);
        Assert.Equal([workshop.Title], (await store.ListBetweenAsync(new(2024, 3, 8), new(2024, 3, 8), Ct)).Select(m => m.Title));
    }

    [Fact]
    public async Task Event_RoundTripsAndListsByDayRange()
    {
        var store = new EventStore(Tables);
        var webinar = new ProgrammeEvent(new(2024, 3, 12), "MHHS Webinar: Change of Supplier – “process”", EventKind.Webinar, new(12, 30), new(13, 0), null, true, "the Change of Supplier process", "DAG 34 papers");
        var openDay = new ProgrammeEvent(new(2024, 4, 23), "MHHS Open Day", EventKind.OpenDay, null, null, "Elexon's offices", true, null, "DAG 34 papers");
        await store.UpsertAsync(openDay, Ct);
        await store.UpsertAsync(webinar, Ct);
        await store.UpsertAsync(webinar, Ct); // the same event again is the same row

        AssertSame(webinar, (await store.GetAsync(webinar, Ct))!.Value);
        Assert.Equal([webinar, openDay], await store.ListBetweenAsync(new(2024, 3, 12), new(2024, 4, 23), Ct));
        Assert.Equal([webinar], await store.ListBetweenAsync(new(2024, 3, 1), new(2024, 3, 12), Ct));
        Assert.Empty(await store.ListBetweenAsync(new(2024, 3, 13), new(2024, 4, 22), Ct));
        Assert.Equal([webinar, openDay], await store.ListAllAsync(Ct)); // the search index's read
    }

    [Fact]
    public async Task GroupUpdate_RoundTrips_ByGroupAndByChangeRequest_AndDropsCopiesItNoLongerEarns()
    {
        var store = new GroupUpdateStore(Tables);
        var older = new GroupUpdate("PSG", new(2023, 2, 1), 2, "CR015", "PSG agreed to raise CR015 to Impact Assessment.", "DAG 20.1 papers", ["CR015", "CR013"], ["Release 3"], ["MHHS-DEL100"]);
        var newer = new GroupUpdate("DAG", new(2023, 2, 16), 1, "", "DAG discussed CR015.", "PSG 12 papers", ["CR015"], [], []);
        await store.UpsertAsync(older, Ct);
        await store.UpsertAsync(newer, Ct);

        AssertSame(older, (await store.GetAsync("PSG", new(2023, 2, 1), 2, Ct))!.Value);
        AssertSame<IReadOnlyList<GroupUpdate>>([newer, older], await store.ListByChangeRequestAsync("CR015", Ct));
        AssertSame<IReadOnlyList<GroupUpdate>>([older], await store.ListByGroupAsync("PSG", Ct));
        AssertSame<IReadOnlyList<GroupUpdate>>([newer, older], await store.ListAllAsync(Ct)); // the search index's read: no copies by CR

        await store.UpsertAsync(older with { ChangeRequests = ["CR015"] }, Ct);
        Assert.Empty(await store.ListByChangeRequestAsync("CR013", Ct));
    }

    [Fact]
    public async Task ChecklistItem_RoundTripsWithAndWithoutDeadline()
    {
        var store = new ChecklistStore(Tables);
        var deadline = TestData.ChecklistItem(1, new DateOnly(2024, 4, 26));
        var info = TestData.ChecklistItem(2, null) with { Link = null, Source = null, IsReminder = false };
        await store.UpsertAsync(deadline, Ct);
        await store.UpsertAsync(info, Ct);

        AssertSame(deadline, (await store.GetAsync(deadline.Id, deadline.Deadline, Ct))!.Value);
        AssertSame(info, (await store.GetAsync(info.Id, null, Ct))!.Value);
        Assert.Equal(2, (await store.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Milestone_RoundTripsRagAndDates()
    {
        var store = new MilestoneStore(Tables);
        var milestone = TestData.Milestone();
        var bare = new Milestone("T3-XX-0001", "Bare", "DIP provider", null, null, null, null, null, null);
        await store.UpsertAsync(milestone, Ct);
        await store.UpsertAsync(bare, Ct);

        AssertSame(milestone, (await store.GetAsync(milestone.Id, Ct))!.Value);
        AssertSame(bare, (await store.GetAsync(bare.Id, Ct))!.Value);
        Assert.Equal(2, (await store.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Membership_ListedByGroupAndByPerson()
    {
        var store = new MembershipStore(Tables);
        await store.UpsertAsync(TestData.Membership("DAG", "ian-smith", MembershipRole.Chair), Ct);
        await store.UpsertAsync(TestData.Membership("CCAG", "ian-smith") with { Constituency = null }, Ct);
        await store.UpsertAsync(TestData.Membership("DAG", "kate-goodman"), Ct);

        var byGroup = await store.ListByGroupAsync("DAG", Ct);
        var byPerson = await store.ListByPersonAsync("ian-smith", Ct);

        Assert.Equal(["ian-smith", "kate-goodman"], byGroup.Select(m => m.PersonId).Order());
        Assert.Equal(2, byPerson.Count);
        AssertSame(TestData.Membership("CCAG", "ian-smith") with { Constituency = null }, byPerson[0]);
        AssertSame(TestData.Membership("DAG", "ian-smith", MembershipRole.Chair), byPerson[1]);
    }

    [Fact]
    public async Task Membership_Deleted_NoLongerListedEitherWay()
    {
        var store = new MembershipStore(Tables);
        var seat = TestData.Membership();
        await store.UpsertAsync(seat, Ct);

        await store.DeleteAsync(seat, Ct);

        Assert.Empty(await store.ListByGroupAsync("DAG", Ct));
        Assert.Empty(await store.ListByPersonAsync("ian-smith", Ct));
    }
}
