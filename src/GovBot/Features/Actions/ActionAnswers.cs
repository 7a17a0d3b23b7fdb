using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Clock;
using GovBot.Recognition;

namespace GovBot.Features.Actions;

/// <summary>Answers questions about the action log (lists, one action): <see cref="ActionQueries"/> read, <see cref="ActionCards"/> draw.</summary>
internal sealed class ActionAnswers(ActionQueries queries, TimeProvider clock)
{
    public async Task<JsonObject> ListAsync(ListActions intent, Caller caller, string query, int page, CancellationToken cancellationToken)
    {
        var filter = intent.Filter;
        if (filter.Mine && caller.Person is null) return ActionCards.CallerNotInDirectory(caller.DisplayName);
        var today = UkTime.Today(clock);
        var items = await queries.ListAsync(filter, caller, today, cancellationToken);
        return ActionCards.List(items, today, ActionCards.ListTitle(filter), query, page);
    }

    public async Task<JsonObject> ShowAsync(string reference, Caller caller, CancellationToken cancellationToken)
    {
        var stored = await queries.GetAsync(reference, cancellationToken);
        return stored is null
            ? ActionCards.NotFound(reference)
            : ActionCards.Detail(stored.Value, UkTime.Today(clock), ActionPermissions.For(caller, stored.Value).Buttons, etag: stored.ETag.ToString());
    }
}
