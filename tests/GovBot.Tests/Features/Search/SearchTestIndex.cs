using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using GovBot.Features.Search;
using GovBot.SampleData;

namespace GovBot.Tests.Features.Search;

/// <summary>The sample data set's records as the feature sources index them (without storage).</summary>
internal static class SearchTestIndex
{
    /// <summary>The day of the DAG 34 checklist ("updated to 06/03/2024").</summary>
    public static readonly DateOnly Today = new(2024, 3, 6);

    public static IReadOnlyList<SearchDocument> SampleDocuments()
    {
        var data = MhhsSampleData.Build();
        var names = data.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var groupNames = data.Groups.ToDictionary(g => g.Code, g => g.Name, StringComparer.Ordinal);
        var seats = data.Memberships.ToLookup(m => m.PersonId, StringComparer.Ordinal);
        return
        [
            .. data.Actions.Select(ActionSearchSource.Document),
            .. data.Meetings.Select(MeetingSearchSource.Document),
            .. data.ChangeRequests.Select(ChangeRequestSearchSource.Document),
            .. data.Decisions.Select(DecisionSearchSource.Document),
            .. data.Checklist.Select(ChecklistSearchSource.Document),
            .. data.Milestones.Select(MilestoneSearchSource.Document),
            .. data.Events.Select(EventSearchSource.Document),
            .. data.GroupUpdates.Select(GroupUpdateSearchSource.Document),
            .. data.Groups.Select(g => GroupSearchSource.Document(g, data.Groups, names)),
            .. data.People.Select(p => PeopleSearchSource.Document(p, seats[p.Id], groupNames)),
        ];
    }

    public static SearchIndex Sample()
    {
        var index = new SearchIndex();
        foreach (var source in SampleDocuments().GroupBy(d => d.Source)) index.ReplaceSource(source.Key, [.. source]);
        return index;
    }
}
