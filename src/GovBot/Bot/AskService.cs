using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.People;
using GovBot.Features.Groups;
using GovBot.Recognition;
using Microsoft.Extensions.Caching.Memory;

namespace GovBot.Bot;

/// <summary>From a question in plain English to the card that answers it: recognise, then hand to the feature that answers the intent.</summary>
public sealed class AskService(
    QuestionRecogniser recogniser,
    AnswerRoutes answers,
    GroupStore groupStore,
    PersonStore people,
    IServiceProvider services,
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
        return recogniser.Recognise(text, context);
    }

    /// <param name="page">Page of a long list ("Show more"), from 0.</param>
    public async Task<JsonObject> AnswerAsync(string text, Caller caller, ITurnContext turn, int page, CancellationToken cancellationToken)
    {
        var intent = await RecogniseAsync(text, cancellationToken);
        return answers.TryGet(intent.GetType(), out var answer)
            ? await answer(services, intent, new AskContext(text, caller, turn, page), cancellationToken)
            : CommonCards.Error($"I understood that ({intent.Explanation}), but this GovBot does not offer it.", "help");
    }
}
