using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Clock;
using GovBot.Recognition;

namespace GovBot.Features.Checklist;

/// <summary>Answers "what deadlines are coming up" and "what do LDSOs need to do": participant-checklist items in the window.</summary>
internal sealed class ChecklistAnswers(ChecklistStore checklist, ChecklistQueries queries, TimeProvider clock)
{
    /// <summary>Without a window, the next two months: checklist deadlines are set weeks ahead.</summary>
    private const int DefaultWindowDays = 61;

    public async Task<JsonObject> DeadlinesAsync(ListDeadlines intent, Caller caller, string query, int page, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var window = intent.Window ?? new DateRange(today, today.AddDays(DefaultWindowDays));
        var items = await checklist.ListWithDeadlineBetweenAsync(window.From, window.To, cancellationToken);
        var ordered = items.OrderBy(i => i.Deadline).ThenBy(i => i.Number).ToList();
        // A member's card marks the items that apply to them, when their constituency is known.
        var mine = caller.Person is null ? [] : Constituencies.OfPerson(caller.Person, caller.Memberships);
        return ChecklistCards.Deadlines(ordered, today, query, page, yours: mine.Count > 0 ? mine : null);
    }

    public async Task<JsonObject> ForAudienceAsync(ListChecklistFor intent, Caller caller, string query, int page, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var window = intent.Window ?? new DateRange(today, today.AddDays(DefaultWindowDays));
        var audience = intent.Mine ? (caller.Person is null ? [] : Constituencies.OfPerson(caller.Person, caller.Memberships)) : intent.Constituencies;
        var view = await queries.ForAudienceAsync(audience, window, cancellationToken);
        return ChecklistCards.ForAudience(view, intent.Mine, caller.Person?.Organisation, today, query, page);
    }
}
