using GovBot.Features.Meetings;
using GovBot.Recognition;

namespace GovBot.Features.Events;

/// <summary>Everything on one day: the meetings (recorded, or expected from a cadence) and the events.</summary>
internal sealed record DayAgenda(DateOnly Day, IReadOnlyList<UpcomingMeeting> Meetings, IReadOnlyList<ProgrammeEvent> Events);

/// <summary>Reads of events for questions: records only.</summary>
internal sealed class EventQueries(EventStore events, MeetingQueries meetings)
{
    /// <summary>"Next webinar" looks this far ahead at most (one range read either way).</summary>
    private const int NextHorizonDays = 730;

    /// <summary>"Events" without a window: the next three months.</summary>
    private const int DefaultWindowDays = 91;

    public static DateRange Window(DateRange? asked, DateOnly today) =>
        asked ?? new DateRange(today, today.AddDays(DefaultWindowDays - 1));

    /// <summary>Events of <paramref name="kind"/> (any when null) in the window, soonest first.</summary>
    public async Task<IReadOnlyList<ProgrammeEvent>> ListAsync(DateRange window, EventKind? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var found = await events.ListBetweenAsync(window.From, window.To, cancellationToken);
        return found.Where(e => kind is null || e.Kind == kind).ToList();
    }

    /// <summary>The next event of <paramref name="kind"/> (any when null) on or after today, or null.</summary>
    public async Task<ProgrammeEvent?> NextAsync(EventKind? kind, DateOnly today, CancellationToken cancellationToken)
    {
        var coming = await ListAsync(new DateRange(today, today.AddDays(NextHorizonDays)), kind, cancellationToken);
        return coming.Count > 0 ? coming[0] : null;
    }

    /// <summary>Meetings and events on <paramref name="day"/>: the meetings' month partition and the events' range, read together.</summary>
    public async Task<DayAgenda> DayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var window = new DateRange(day, day);
        var meetingsTask = meetings.UpcomingAsync(window, null, cancellationToken);
        var eventsTask = events.ListBetweenAsync(day, day, cancellationToken);
        await Task.WhenAll(meetingsTask, eventsTask);
        return new DayAgenda(day, meetingsTask.Result, eventsTask.Result);
    }
}
