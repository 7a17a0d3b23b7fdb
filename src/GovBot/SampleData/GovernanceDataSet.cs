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

namespace GovBot.SampleData;

/// <summary>A whole body of governance data, as loaded by <c>govbot seed sample</c> or built by an import.</summary>
public sealed record GovernanceDataSet(
    IReadOnlyList<Group> Groups,
    IReadOnlyList<Person> People,
    IReadOnlyList<GroupMembership> Memberships,
    IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<ChangeRequest> ChangeRequests,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<Milestone> Milestones)
{
    /// <summary>Events the papers announce.</summary>
    public IReadOnlyList<ProgrammeEvent> Events { get; init; } = [];

    /// <summary>Other groups' updates the papers report.</summary>
    public IReadOnlyList<GroupUpdate> GroupUpdates { get; init; } = [];
}
