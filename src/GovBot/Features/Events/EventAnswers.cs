using System.Text.Json.Nodes;
using GovBot.Clock;

namespace GovBot.Features.Events;

/// <summary>Answers questions about events and days: <see cref="EventQueries"/> read, <see cref="EventCards"/> draw.</summary>
internal sealed class EventAnswers(EventQueries queries, TimeProvider clock)
{
    public async Task<JsonObject> ListAsync(ListEvents intent, string query, int page, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var window = EventQueries.Window(intent.Window, today);
        var events = await queries.ListAsync(window, intent.Kind, cancellationToken);
        return EventCards.List(events, today, EventCards.ListTitle(intent.Kind, window), query, page);
    }

    public async Task<JsonObject> NextAsync(NextEvent intent, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var next = await queries.NextAsync(intent.Kind, today, cancellationToken);
        return next is null ? EventCards.NoneComing(intent.Kind, today) : EventCards.Event(next, today);
    }

    public async Task<JsonObject> DayAsync(WhatsOn intent, CancellationToken cancellationToken) =>
        EventCards.Day(await queries.DayAsync(intent.Day, cancellationToken), UkTime.Today(clock));
}
