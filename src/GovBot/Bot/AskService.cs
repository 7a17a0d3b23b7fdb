using System.Text.Json.Nodes;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.Directory;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Groups;
using GovBot.Features.Help;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using GovBot.Recognition;
using Microsoft.Extensions.Caching.Memory;

namespace GovBot.Bot;

/// <summary>From a question in plain English to the card that answers it.</summary>
public sealed class AskService(
    ActionAnswers actions,
    MeetingAnswers meetings,
    ChangeRequestAnswers changeRequests,
    ChecklistAnswers checklist,
    MilestoneAnswers milestones,
    GroupAnswers groups,
    GroupStore groupStore,
    PersonStore people,
    IEnumerable<IIntentHandler> capabilityHandlers,
    IMemoryCache cache,
    TimeProvider clock)
{
    /// <summary>Group and people names change rarely; the recogniser's vocabulary is reused for a minute.</summary>
    private static readonly TimeSpan VocabularyLifetime = TimeSpan.FromMinutes(1);

    public async Task<Intent> RecogniseAsync(string text, CancellationToken cancellationToken)
    {
        var vocabulary = await cache.GetOrCreateAsync("recognition-vocabulary", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = VocabularyLifetime;
            var groupsTask = groupStore.ListAsync(cancellationToken);
            var peopleTask = people.ListAsync(cancellationToken);
            await Task.WhenAll(groupsTask, peopleTask);
            return (Groups: groupsTask.Result, People: peopleTask.Result);
        });
        var context = RecognitionContext.From(UkTime.Today(clock), vocabulary.Groups, vocabulary.People);
        return QuestionRecogniser.Recognise(text, context);
    }

    /// <param name="page">Page of a long list ("Show more"), from 0.</param>
    public async Task<JsonObject> AnswerAsync(string text, Caller caller, ITurnContext turn, int page, CancellationToken cancellationToken)
    {
        var intent = await RecogniseAsync(text, cancellationToken);
        return intent switch
        {
            ListActions list => await actions.ListAsync(list, caller, text, page, cancellationToken),
            ShowAction show => await actions.ShowAsync(show.Ref, caller, cancellationToken),
            NextMeeting next => await meetings.NextAsync(next.GroupCode, cancellationToken),
            UpcomingMeetings upcoming => await meetings.UpcomingAsync(upcoming, text, page, cancellationToken),
            ShowMeeting meeting => await meetings.ShowAsync(meeting.GroupCode, meeting.Number, cancellationToken),
            ShowChangeRequest cr => await changeRequests.ShowAsync(cr.Id, cancellationToken),
            ListChangeRequests crs => await changeRequests.ListAsync(crs, text, page, cancellationToken),
            ListDeadlines deadlines => await checklist.DeadlinesAsync(deadlines, text, page, cancellationToken),
            ListMilestones => await milestones.ListAsync(text, page, cancellationToken),
            ShowGroup group => await groups.ShowAsync(group.GroupCode, cancellationToken),
            ShowHelp => HelpCards.Help(),
            ShowWelcome => HelpCards.Welcome(caller.DisplayName),
            Unknown unknown => HelpCards.Unknown(unknown.Text, unknown.Suggestions),
            _ when capabilityHandlers.FirstOrDefault(h => h.CanHandle(intent)) is { } handler
                => await handler.HandleAsync(intent, caller, turn, cancellationToken),
            _ => CommonCards.Error($"I understood that ({intent.Explanation}), but this GovBot does not offer it.", "help"),
        };
    }
}
