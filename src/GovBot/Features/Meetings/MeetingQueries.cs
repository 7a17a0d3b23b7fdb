using System.Globalization;
using GovBot.Features.Groups;
using GovBot.Recognition;

namespace GovBot.Features.Meetings;

/// <summary>Reads of meetings for questions: records only, no cards. Expected meetings come from a group's cadence.</summary>
public sealed class MeetingQueries(MeetingStore meetings, GroupStore groups)
{
    /// <summary>"Upcoming" without a window means the next four weeks.</summary>
    private const int DefaultWindowDays = 27;

    public async Task<Meeting?> GetAsync(string groupCode, string number, CancellationToken cancellationToken) =>
        (await meetings.GetAsync(groupCode, number, cancellationToken))?.Value;

    /// <summary>The group (null when unknown) and its next meeting, as <see cref="NextMeetingAsync"/> finds it.</summary>
    public async Task<(Group? Group, Meeting? Meeting, bool Expected)> NextAsync(string groupCode, DateOnly today, CancellationToken cancellationToken)
    {
        var group = (await groups.GetAsync(groupCode, cancellationToken))?.Value;
        if (group is null) return (null, null, false);
        var (next, expected) = await NextMeetingAsync(group, today, cancellationToken);
        return (group, next, expected);
    }

    /// <summary>The group's next scheduled meeting on or after today, or one computed from its cadence (marked expected).</summary>
    public async Task<(Meeting? Meeting, bool Expected)> NextMeetingAsync(Group group, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var all = await meetings.ListByGroupAsync(group.Code, cancellationToken);
        var scheduled = all.Where(m => m.Date >= today).OrderBy(m => m.Date).FirstOrDefault();
        if (scheduled is not null) return (scheduled, false);
        if (!group.IsActive || group.Cadence is not { } cadence) return (null, false);
        return (Expected(group, cadence, cadence.NextOnOrAfter(today), all), true);
    }

    /// <summary>The window asked for (the next four weeks by default; never before today).</summary>
    public static DateRange UpcomingWindow(DateRange? asked, DateOnly today)
    {
        var window = asked ?? new DateRange(today, today.AddDays(DefaultWindowDays));
        return window.From < today ? window with { From = today } : window;
    }

    /// <summary>Meetings in the window, scheduled and expected from cadences, by date, start and group.</summary>
    public async Task<IReadOnlyList<UpcomingMeeting>> UpcomingAsync(DateRange window, string? groupCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var scheduledTask = meetings.ListBetweenAsync(window.From, window.To, cancellationToken);
        var groupsTask = groups.ListAsync(cancellationToken);
        await Task.WhenAll(scheduledTask, groupsTask);
        var allGroups = groupsTask.Result.ToDictionary(g => g.Code);
        var scheduled = scheduledTask.Result.Where(m => groupCode is null || m.GroupCode == groupCode).ToList();

        var upcoming = scheduled.Select(m => new UpcomingMeeting(m, false, allGroups.GetValueOrDefault(m.GroupCode)?.Name)).ToList();
        // Active groups with a cadence but nothing scheduled that month still meet: show the expected date.
        foreach (var group in allGroups.Values.Where(g => g.IsActive && g.Cadence is not null && (groupCode is null || g.Code == groupCode)))
        {
            for (var month = new DateOnly(window.From.Year, window.From.Month, 1); month <= window.To; month = month.AddMonths(1))
            {
                var day = group.Cadence!.DayIn(month.Year, month.Month);
                // An extraordinary meeting is called in addition to the regular one, so it does not stand in for it.
                var hasMeetingThatMonth = scheduled.Any(m => m.GroupCode == group.Code && !m.IsExtraordinary && m.Date.Year == day.Year && m.Date.Month == day.Month);
                if (day >= window.From && day <= window.To && !hasMeetingThatMonth)
                {
                    upcoming.Add(new UpcomingMeeting(Expected(group, group.Cadence, day, []), true, group.Name));
                }
            }
        }
        return upcoming.OrderBy(u => u.Meeting.Date).ThenBy(u => u.Meeting.Start).ThenBy(u => u.Meeting.GroupCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>A meeting GovBot expects from the cadence: numbered after the group's last numbered meeting when there is one.</summary>
    private static Meeting Expected(Group group, MeetingCadence cadence, DateOnly date, IReadOnlyList<Meeting> known)
    {
        var last = known.Where(m => !m.IsExtraordinary)
            .Select(m => int.TryParse(m.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .Max();
        var number = last is { } n ? (n + 1).ToString(CultureInfo.InvariantCulture) : "(expected)";
        return new Meeting(group.Code, number, false, date, cadence.Start, cadence.End, null, null, [], []);
    }
}
