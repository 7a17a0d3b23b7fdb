using System.Text.Json.Nodes;
using GovBot.Clock;
using GovBot.Features.Groups;
using GovBot.Recognition;

namespace GovBot.Features.Meetings;

/// <summary>Answers questions about meetings (the next one of a group, upcoming ones, one meeting): <see cref="MeetingQueries"/> read, <see cref="MeetingCards"/> draw.</summary>
internal sealed class MeetingAnswers(MeetingQueries queries, TimeProvider clock)
{
    public async Task<JsonObject> NextAsync(string groupCode, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var (group, next, expected) = await queries.NextAsync(groupCode, today, cancellationToken);
        if (group is null) return MeetingCards.NoSuchGroup(groupCode);
        // Historic or ad hoc: the group card says why there is no next meeting.
        return next is null ? GroupCards.Group(group, today) : MeetingCards.Meeting(next, today, expected, group.Name);
    }

    public async Task<JsonObject> UpcomingAsync(UpcomingMeetings intent, string query, int page, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var window = MeetingQueries.UpcomingWindow(intent.Window, today);
        var upcoming = await queries.UpcomingAsync(window, intent.GroupCode, cancellationToken);
        return MeetingCards.Upcoming(upcoming, today, query, page, MeetingCards.UpcomingTitle(intent.GroupCode, window));
    }

    public async Task<JsonObject> ShowAsync(string groupCode, string number, CancellationToken cancellationToken)
    {
        var meeting = await queries.GetAsync(groupCode, number, cancellationToken);
        return meeting is null ? MeetingCards.NoSuchMeeting(groupCode, number) : MeetingCards.Meeting(meeting, UkTime.Today(clock));
    }
}
