using System.Globalization;
using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.Features.Groups;
using GovBot.Recognition;

namespace GovBot.Features.Meetings;

/// <summary>Answers questions about meetings: the next one of a group, upcoming ones across groups, one meeting's agenda.</summary>
public sealed class MeetingAnswers(MeetingStore meetings, GroupStore groups, TimeProvider clock)
{
    /// <summary>"Upcoming" without a window means the next four weeks.</summary>
    private const int DefaultWindowDays = 27;

    public async Task<JsonObject> NextAsync(string groupCode, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var group = (await groups.GetAsync(groupCode, cancellationToken))?.Value;
        if (group is null) return CommonCards.Error($"I don't know a group called **{groupCode}**.", "upcoming meetings");
        var (next, expected) = await NextMeetingAsync(group, today, cancellationToken);
        if (next is null)
        {
            // Historic or ad hoc: the group card says why there is no next meeting.
            return GroupCards.Group(group, today);
        }
        return MeetingCards.Meeting(next, today, expected, group.Name);
    }

    /// <summary>The group's next scheduled meeting on or after today, or one computed from its cadence (marked expected).</summary>
    public async Task<(Meeting? Meeting, bool Expected)> NextMeetingAsync(Group group, DateOnly today, CancellationToken cancellationToken)
    {
        var all = await meetings.ListByGroupAsync(group.Code, cancellationToken);
        var scheduled = all.Where(m => m.Date >= today).OrderBy(m => m.Date).FirstOrDefault();
        if (scheduled is not null) return (scheduled, false);
        if (!group.IsActive || group.Cadence is not { } cadence) return (null, false);
        return (Expected(group, cadence, cadence.NextOnOrAfter(today), all), true);
    }

    public async Task<JsonObject> UpcomingAsync(UpcomingMeetings intent, string query, int page, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var window = intent.Window ?? new DateRange(today, today.AddDays(DefaultWindowDays));
        if (window.From < today) window = window with { From = today };
        var scheduledTask = meetings.ListBetweenAsync(window.From, window.To, cancellationToken);
        var groupsTask = groups.ListAsync(cancellationToken);
        await Task.WhenAll(scheduledTask, groupsTask);
        var allGroups = groupsTask.Result.ToDictionary(g => g.Code);
        var scheduled = scheduledTask.Result.Where(m => intent.GroupCode is null || m.GroupCode == intent.GroupCode).ToList();

        var upcoming = scheduled.Select(m => new UpcomingMeeting(m, false, allGroups.GetValueOrDefault(m.GroupCode)?.Name)).ToList();
        // Active groups with a cadence but nothing scheduled that month still meet: show the expected date.
        foreach (var group in allGroups.Values.Where(g => g.IsActive && g.Cadence is not null && (intent.GroupCode is null || g.Code == intent.GroupCode)))
        {
            for (var month = new DateOnly(window.From.Year, window.From.Month, 1); month <= window.To; month = month.AddMonths(1))
            {
                var day = group.Cadence!.DayIn(month.Year, month.Month);
                var hasMeetingThatMonth = scheduled.Any(m => m.GroupCode == group.Code && m.Date.Year == day.Year && m.Date.Month == day.Month);
                if (day >= window.From && day <= window.To && !hasMeetingThatMonth)
                {
                    upcoming.Add(new UpcomingMeeting(Expected(group, group.Cadence, day, []), true, group.Name));
                }
            }
        }
        var ordered = upcoming.OrderBy(u => u.Meeting.Date).ThenBy(u => u.Meeting.Start).ThenBy(u => u.Meeting.GroupCode, StringComparer.Ordinal).ToList();
        var title = intent.GroupCode is { } code ? $"Upcoming {code} meetings" : "Upcoming meetings";
        return MeetingCards.Upcoming(ordered, today, query, page, $"{title}, {UkFormat.ShortDate(window.From)} to {UkFormat.ShortDate(window.To)}");
    }

    public async Task<JsonObject> ShowAsync(string groupCode, string number, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var meeting = (await meetings.GetAsync(groupCode, number, cancellationToken))?.Value;
        if (meeting is null)
        {
            return CommonCards.Error($"I have no record of **{groupCode} {number}**.", $"next {groupCode} meeting");
        }
        return MeetingCards.Meeting(meeting, today);
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
