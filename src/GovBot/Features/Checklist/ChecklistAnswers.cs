using System.Text.Json.Nodes;
using GovBot.Clock;
using GovBot.Recognition;

namespace GovBot.Features.Checklist;

/// <summary>Answers "what deadlines are coming up": participant-checklist items with a deadline in the window.</summary>
public sealed class ChecklistAnswers(ChecklistStore checklist, TimeProvider clock)
{
    /// <summary>Without a window, the next two months: checklist deadlines are set weeks ahead.</summary>
    private const int DefaultWindowDays = 61;

    public async Task<JsonObject> DeadlinesAsync(ListDeadlines intent, string query, int page, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var window = intent.Window ?? new DateRange(today, today.AddDays(DefaultWindowDays));
        var items = await checklist.ListWithDeadlineBetweenAsync(window.From, window.To, cancellationToken);
        var ordered = items.OrderBy(i => i.Deadline).ThenBy(i => i.Number).ToList();
        return ChecklistCards.Deadlines(ordered, today, query, page);
    }
}
