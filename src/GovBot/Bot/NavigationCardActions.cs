using GovBot.Connector;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Meetings;
using GovBot.Recognition;

namespace GovBot.Bot;

/// <summary>Buttons that open something in place: a meeting, a change request, the next page of a list.</summary>
public sealed class NavigationCardActions(CallerResolver callers, AskService ask, MeetingAnswers meetings, ChangeRequestAnswers changeRequests) : ICardActionHandler
{
    public const string MeetingShowVerb = "meeting.show";
    public const string ChangeRequestShowVerb = "cr.show";
    public const string ListMoreVerb = "list.more";

    public static readonly IReadOnlyList<string> Verbs = [MeetingShowVerb, ChangeRequestShowVerb, ListMoreVerb];

    /// <summary>Far beyond any real list; stops a hand-made payload from asking for absurd pages.</summary>
    private const int MaxPage = 1000;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        switch (action.Verb)
        {
            case MeetingShowVerb when CardData.String(action.Data, "group", 12) is { } group && CardData.String(action.Data, "number", 12) is { } number:
                return InvokeResponse.Card(await meetings.ShowAsync(group, number, cancellationToken));
            case ChangeRequestShowVerb when CardData.String(action.Data, "id", 8) is { } id:
                return InvokeResponse.Card(await changeRequests.ShowAsync(id, cancellationToken));
            case ListMoreVerb when CardData.String(action.Data, "query", Recognition.QuestionRecogniser.MaxLength) is { } query
                                   && CardData.Int(action.Data, "page") is { } page && page is >= 0 and <= MaxPage:
                // Only lists have pages; any other question (a command such as "subscribe DAG") is not run from here.
                if (await ask.RecogniseAsync(query, cancellationToken) is not (ListActions or UpcomingMeetings or ListChangeRequests or ListDeadlines or ListMilestones))
                {
                    return InvokeResponse.Error(400, "BadRequest", "This \"Show more\" button is not for a list. Ask me your question again.");
                }
                var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
                return InvokeResponse.Card(await ask.AnswerAsync(query, caller, turn, page, cancellationToken));
            default:
                return InvokeResponse.Error(400, "BadRequest", "This button's data is incomplete. Ask me again and use the new card.");
        }
    }
}
