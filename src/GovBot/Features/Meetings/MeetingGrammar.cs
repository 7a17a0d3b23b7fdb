using System.Text.RegularExpressions;
using GovBot.Recognition;

namespace GovBot.Features.Meetings;

internal sealed record NextMeeting(string GroupCode, string Explanation) : Intent(Explanation);

/// <summary>Meetings of every group; <see cref="Window"/> null means "from today on".</summary>
internal sealed record UpcomingMeetings(DateRange? Window, string? GroupCode, string Explanation) : Intent(Explanation), IPagedIntent;

/// <summary>One numbered meeting ("agenda for DAG 34").</summary>
internal sealed record ShowMeeting(string GroupCode, string Number, string Explanation) : Intent(Explanation);

/// <summary>Questions about meetings: "next DAG meeting", "meetings next week", "agenda for DAG 34".</summary>
internal static partial class MeetingGrammar
{
    /// <summary>The topic of questions about meetings.</summary>
    public const string Topic = "meetings";

    public static void Register(Grammar grammar) => grammar
        .Topic(Topic, MeetingWordRegex())
        // First of the phrase rules: a group with a number names one meeting ("DAG 34"), unless actions are asked for.
        .Rule(RuleOrder.Phrase + 10, "numbered meeting", ShowMeetingRule)
        // After the action list ("next DAG actions" is about actions).
        .Rule(RuleOrder.Phrase + 40, "next meeting", NextMeetingRule)
        .Rule(RuleOrder.Phrase + 50, "upcoming meetings", UpcomingRule)
        .Examples("next DAG meeting", "upcoming meetings", "agenda for DAG 34")
        .Help("Meetings", "next DAG meeting", "upcoming meetings", "meetings next week", "agenda for DAG 34");

    private static ShowMeeting? ShowMeetingRule(Question q) =>
        q.Group is { MeetingNumber: { } number } g && !q.Mentions(Actions.ActionGrammar.Topic)
            ? new ShowMeeting(g.Code, number, $"meeting {g.Code} {number} ({g.Describe()})")
            : null;

    private static NextMeeting? NextMeetingRule(Question q) =>
        q.Group is { } g && (NextWordRegex().IsMatch(q.Rest) || WhenRegex().IsMatch(q.Rest)) && !PluralMeetingsRegex().IsMatch(q.Rest)
            ? new NextMeeting(g.Code, $"next meeting of {g.Describe()}")
            : null;

    private static UpcomingMeetings? UpcomingRule(Question q)
    {
        if (!q.Mentions(Topic) && !(q.Group is not null && NextWordRegex().IsMatch(q.Rest))) return null;
        var why = new List<string>();
        if (q.Group is { } g) why.Add(g.Describe());
        if (q.Window is { } w) why.Add(w.Describe());
        return new UpcomingMeetings(q.Window?.Range, q.Group?.Code, QuestionText.Join("upcoming meetings", why));
    }

    [GeneratedRegex(@"\b(?:meetings?|agendas?|papers|meet|meeting dates?|calendar)\b")] private static partial Regex MeetingWordRegex();
    [GeneratedRegex(@"\bmeetings\b")] private static partial Regex PluralMeetingsRegex();
    [GeneratedRegex(@"\b(?:next|upcoming|coming up|forthcoming|soon|future)\b")] private static partial Regex NextWordRegex();
    [GeneratedRegex(@"\bwhen\b")] private static partial Regex WhenRegex();
}
