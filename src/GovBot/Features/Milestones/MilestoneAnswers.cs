using System.Text.Json.Nodes;
using GovBot.Clock;

namespace GovBot.Features.Milestones;

/// <summary>Answers "milestones": the programme's milestones, soonest forecast first.</summary>
internal sealed class MilestoneAnswers(MilestoneStore milestones, TimeProvider clock)
{
    public async Task<JsonObject> ListAsync(string query, int page, CancellationToken cancellationToken)
    {
        var all = await milestones.ListAsync(cancellationToken);
        var ordered = all.OrderBy(m => m.Forecast ?? m.Baseline ?? DateOnly.MaxValue).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        return MilestoneCards.List(ordered, UkTime.Today(clock), query, page);
    }
}
