using GovBot.Directory;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;

namespace GovBot.SampleData;

// placeholder: replaced by the real sample data set
public static class MhhsSampleData
{
    public static GovernanceDataSet Build() => new(
        Groups:
        [
            new Group("DAG", "Design Advisory Group", 3, "PSG", new MeetingCadence(2, DayOfWeek.Wednesday, new TimeOnly(10, 0), new TimeOnly(12, 30)),
                true, "Design decisions", "jane-chair", "pmo-sec", ["design advisory group"]),
            new Group("SITAG", "System Integration & Testing Advisory Group", 3, "PSG", new MeetingCadence(3, DayOfWeek.Wednesday),
                true, null, null, "pmo-sec", []),
        ],
        People:
        [
            new Person("jane-chair", null, "Jane Chair", "jane.chair@example.org", "Programme", ["DAG Chair"]),
            new Person("pmo-sec", null, "Pat Secretary", "pmo@example.org", "Programme (PMO)", [], IsPmo: true),
        ],
        Memberships:
        [
            new GroupMembership("DAG", "jane-chair", MembershipRole.Chair, null),
            new GroupMembership("DAG", "pmo-sec", MembershipRole.Secretariat, null),
        ],
        Meetings:
        [
            new Meeting("DAG", "34", false, new DateOnly(2024, 3, 13), new TimeOnly(10, 0), new TimeOnly(12, 30), "Teams", null,
                [new AgendaItem("1", "Welcome", null, AgendaItemType.Information, "Chair", new TimeOnly(10, 0), new TimeOnly(10, 5))], []),
        ],
        Actions:
        [
            new ActionItem("DAG33-07", "DAG", "33", new DateOnly(2024, 2, 14), "Circulate the design baseline", "Programme (PMO)",
                [new OwnerParty(OwnerPartyKind.Pmo, "PMO")], new DateOnly(2024, 3, 13), ActionStatus.Open, null, []),
        ],
        Decisions: [new Decision(95, "DAG", "33", "Approved the design baseline", null)],
        ChangeRequests: [],
        Checklist: [],
        Milestones: []);
}
