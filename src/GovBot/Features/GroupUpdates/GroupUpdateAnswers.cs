using System.Text.Json.Nodes;
using GovBot.Clock;

namespace GovBot.Features.GroupUpdates;

/// <summary>Answers "updates from DAG", "what did PSG decide on CR042": <see cref="GroupUpdateQueries"/> read, <see cref="GroupUpdateCards"/> draw.</summary>
internal sealed class GroupUpdateAnswers(GroupUpdateQueries queries, TimeProvider clock)
{
    public async Task<JsonObject> ShowAsync(ShowGroupUpdates intent, string query, int page, CancellationToken cancellationToken)
    {
        var updates = await queries.ListAsync(intent.GroupCode, intent.ChangeRequestId, cancellationToken);
        return GroupUpdateCards.List(updates, UkTime.Today(clock), GroupUpdateCards.Title(intent.GroupCode, intent.ChangeRequestId), query, page);
    }
}
