using System.Text.Json.Nodes;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Search;

namespace GovBot.Features.Decisions;

/// <summary>Decisions of every group in the search index, opening the meeting that took them.</summary>
internal sealed class DecisionSearchSource(DecisionStore store, GroupStore groups) : ISearchSource
{
    public const string SourceName = "decisions";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<SearchDocument>();
        foreach (var group in await groups.ListAsync(cancellationToken))
        {
            all.AddRange((await store.ListByGroupAsync(group.Code, cancellationToken)).Select(Document));
        }
        return all;
    }

    internal static SearchDocument Document(Decision d) =>
        new(SourceName, $"{d.GroupCode}|{d.Number}", SearchKind.Decision, $"{d.GroupCode} decision {d.Number}",
            d.Text + (d.Outcome is { } o ? $". Outcome: {o}" : ""))
        {
            Status = d.Outcome ?? "Pending",
            GroupCode = d.GroupCode,
            Citation = $"{d.GroupCode} {d.MeetingNumber} decisions · DECISION [{d.Number}]",
            Open = new SearchOpen($"Open {d.GroupCode} {d.MeetingNumber}", MeetingCards.ShowVerb, new JsonObject { ["group"] = d.GroupCode, ["number"] = d.MeetingNumber }),
        };
}
