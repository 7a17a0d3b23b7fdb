using System.Text.Json.Nodes;
using GovBot.Clock;
using GovBot.Recognition;

namespace GovBot.Features.ChangeRequests;

/// <summary>Answers questions about change requests: <see cref="ChangeRequestQueries"/> read, <see cref="ChangeRequestCards"/> draw.</summary>
public sealed class ChangeRequestAnswers(ChangeRequestQueries queries, TimeProvider clock)
{
    public async Task<JsonObject> ShowAsync(string id, CancellationToken cancellationToken)
    {
        var cr = await queries.GetAsync(id, cancellationToken);
        return cr is null ? ChangeRequestCards.NotFound(id) : ChangeRequestCards.Detail(cr, UkTime.Today(clock));
    }

    public async Task<JsonObject> ListAsync(ListChangeRequests intent, string query, int page, CancellationToken cancellationToken)
    {
        var matching = await queries.ListAsync(intent.Stage, intent.OpenOnly, cancellationToken);
        return ChangeRequestCards.List(matching, UkTime.Today(clock), ChangeRequestCards.ListTitle(intent.Stage, intent.OpenOnly), query, page);
    }
}
