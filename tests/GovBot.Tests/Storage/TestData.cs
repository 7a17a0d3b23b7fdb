using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using GovBot.SampleData;

namespace GovBot.Tests.Storage;

/// <summary>Records with every field set (and some deliberately null) for round-trip tests.</summary>
internal static class TestData
{
    public static Group Group(string code = "DAG") => new(
        code, "Design Advisory Group", 3, "PSG",
        new MeetingCadence(-1, DayOfWeek.Wednesday, new TimeOnly(10, 0), new TimeOnly(12, 30)),
        true, "Advises the SRO on design", "ian-smith", "pmo-sec", ["design advisory group", "Design AG"], IsRestricted: true);

    public static Person Person(string id = "ian-smith", string? oid = "6f1c8e2a-0000-4000-8000-000000000001", string email = "Ian.Smith@example.org") =>
        new(id, oid, "Ian Smith", email, "Elexon", ["Programme (Ian Smith)", "Ian S."], IsPmo: true);

    public static GroupMembership Membership(string group = "DAG", string person = "ian-smith", MembershipRole role = MembershipRole.Member) =>
        new(group, person, role, "Large Supplier");

    public static Meeting Meeting(string group = "DAG", string number = "34", DateOnly? date = null) => new(
        group, number, number.Contains('.'), date ?? new DateOnly(2024, 3, 13), new TimeOnly(10, 0), new TimeOnly(12, 30),
        "Microsoft Teams", "https://teams.example/join?x=1#y",
        [
            new AgendaItem("1", "Welcome and introductions", null, AgendaItemType.Information, "Chair", new TimeOnly(10, 0), new TimeOnly(10, 5)),
            new AgendaItem("2", "CR043 – change freeze", "Decide whether to issue for IA", AgendaItemType.Decision, "Programme (Lee Cox)", null, null),
            new AgendaItem("3", "AOB", null, null, null, null, null),
        ],
        [
            new MeetingDocument("DAG 34 Papers", "Papers", "MHHS-DEL1056", "v1.1", "https://example.org/papers.pdf"),
            new MeetingDocument("Headline report", "HeadlineReport", null, null, null),
        ]);

    public static ActionItem Action(string reference = "DAG33-07", string group = "DAG", IReadOnlyList<OwnerParty>? owners = null, DateOnly? due = null) => new(
        reference, group, "33", new DateOnly(2024, 2, 14), "Circulate the updated design baseline to members",
        "Programme (Ian Smith), DAG members",
        owners ?? [new OwnerParty(OwnerPartyKind.Person, "ian-smith"), new OwnerParty(OwnerPartyKind.GroupMembers, "DAG")],
        due ?? new DateOnly(2024, 3, 13), ActionStatus.RecommendClosed, "Baseline circulated 1 March",
        [
            new ActionUpdate(new DateTimeOffset(2024, 2, 14, 12, 0, 0, TimeSpan.Zero), null, "Import", "Raised at DAG 33", ActionStatus.Open, new DateOnly(2024, 3, 13)),
            new ActionUpdate(new DateTimeOffset(2024, 3, 1, 9, 30, 15, TimeSpan.FromHours(0)), "ian-smith", "Ian Smith", "Baseline circulated 1 March", ActionStatus.RecommendClosed, null),
        ]);

    public static Decision Decision(int number = 95) => new(number, "DAG", "33", "DAG advised the SRO to approve CR043", null);

    public static ChangeRequest ChangeRequest(string id = "CR043") => new(
        id, "Change freeze exemption for IR8", "Elexon Change Raiser (Mike Ceney)", ChangeRequestStage.ImpactAssessment, null,
        [new KeyDate("Raised", new DateOnly(2024, 1, 10)), new KeyDate("Change Board", new DateOnly(2024, 2, 1))],
        new DateOnly(2024, 2, 5), new DateOnly(2024, 2, 19),
        [new ImpactAssessmentTally("Large Supplier", 3, 1, 0, 2), new ImpactAssessmentTally("DNO", 0, 0, 1, 5)],
        "Design Interim Release IR8", ["DAG [96]"], "Exempts the IR8 change from the change freeze.");

    public static ChecklistItem ChecklistItem(int number = 3, DateOnly? deadline = null) => new(
        new DateOnly(2024, 3, 6), number, "REMINDER: respond to the CR043 impact assessment – the deadline is Friday 26 April 2024",
        deadline, IsReminder: true, "https://example.org/cr043", "DAG 34");

    public static Milestone Milestone(string id = "T3-DB-0099") => new(
        id, "Design baseline approved", "Programme", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 20),
        Rag.OnTrack, Rag.AtRisk, null, "Slipped while CR043 is assessed");

    public static GovernanceDataSet DataSet() => new(
        [Group("DAG"), Group("SITAG") with { Name = "SITAG", Cadence = null, Aliases = [] }],
        [Person(), Person("pat-pmo", null, "pat@example.org") with { IsPmo = true, Aliases = [] }],
        [Membership(), Membership("SITAG", "pat-pmo", MembershipRole.Secretariat)],
        [Meeting(), Meeting("SITAG", "5", new DateOnly(2024, 3, 20))],
        [Action(), Action("SITAG05-01", "SITAG", [new OwnerParty(OwnerPartyKind.Pmo, "PMO")], new DateOnly(2024, 4, 2))],
        [Decision(95), Decision(96)],
        [ChangeRequest("CR043"), ChangeRequest("CR044")],
        [ChecklistItem(1, new DateOnly(2024, 4, 26)), ChecklistItem(2, null)],
        [Milestone("T3-DB-0099"), Milestone("T3-DB-0100")]);
}
