using System.Text.Json.Nodes;
using GovBot.Clock;
using GovBot.Features.GroupUpdates;
using GovBot.Recognition;

namespace GovBot.Features.ChangeRequests;

/// <summary>Answers questions about change requests: <see cref="ChangeRequestQueries"/> read, <see cref="ChangeRequestCards"/> draw.</summary>
internal sealed class ChangeRequestAnswers(ChangeRequestQueries queries, GroupUpdateQueries updates, TimeProvider clock)
{
    public async Task<JsonObject> ShowAsync(string id, CancellationToken cancellationToken)
    {
        // The CR's row and the groups' updates about it are read together: one round trip.
        var crTask = queries.GetAsync(id, cancellationToken);
        var saidTask = updates.AboutChangeRequestAsync(id, cancellationToken);
        await Task.WhenAll(crTask, saidTask);
        return crTask.Result is not { } cr ? ChangeRequestCards.NotFound(id) : ChangeRequestCards.Detail(cr, UkTime.Today(clock), saidTask.Result);
    }

    public async Task<JsonObject> ListAsync(ListChangeRequests intent, string query, int page, CancellationToken cancellationToken)
    {
        var matching = await queries.ListAsync(intent.Stage, intent.OpenOnly, cancellationToken);
        return ChangeRequestCards.List(matching, UkTime.Today(clock), ChangeRequestCards.ListTitle(intent.Stage, intent.OpenOnly), query, page);
    }
}
