using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.Recognition;

namespace GovBot.Features.ChangeRequests;

/// <summary>Answers questions about change requests. The table is small (one partition, ~100 rows), so lists read it whole.</summary>
public sealed class ChangeRequestAnswers(ChangeRequestStore changeRequests, TimeProvider clock)
{
    public async Task<JsonObject> ShowAsync(string id, CancellationToken cancellationToken)
    {
        var cr = (await changeRequests.GetAsync(id, cancellationToken))?.Value;
        return cr is null
            ? CommonCards.Error($"I have no record of **{id}**. Try **open change requests** to see the ones I know.", "open change requests")
            : ChangeRequestCards.Detail(cr, UkTime.Today(clock));
    }

    public async Task<JsonObject> ListAsync(ListChangeRequests intent, string query, int page, CancellationToken cancellationToken)
    {
        var all = await changeRequests.ListAsync(cancellationToken);
        var matching = all
            .Where(cr => intent.Stage is null || cr.Stage == intent.Stage)
            .Where(cr => !intent.OpenOnly || IsOpen(cr))
            .OrderBy(cr => cr.Stage)
            .ThenBy(cr => cr.Id, StringComparer.Ordinal)
            .ToList();
        var title = intent.Stage is { } stage
            ? $"Change requests in {ChangeRequestCards.StageWords(stage).ToLowerInvariant()}"
            : intent.OpenOnly ? "Open change requests" : "Change requests";
        return ChangeRequestCards.List(matching, UkTime.Today(clock), title, query, page);
    }

    /// <summary>Open: not yet decided, or approved and still being implemented.</summary>
    private static bool IsOpen(ChangeRequest cr) =>
        cr.Stage != ChangeRequestStage.Closed && cr.Outcome is not (ChangeRequestOutcome.Rejected or ChangeRequestOutcome.Withdrawn or ChangeRequestOutcome.RescindedAndReplaced);
}
