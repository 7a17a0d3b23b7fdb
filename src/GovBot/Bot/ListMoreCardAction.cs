using GovBot.Cards;
using GovBot.Connector;
using GovBot.Recognition;

namespace GovBot.Bot;

/// <summary>"Show more" under a long list: the question is asked again for the next page.</summary>
public sealed class ListMoreCardAction(CallerResolver callers, AskService ask) : ICardActionHandler
{
    public const string Verb = "list.more";

    /// <summary>Far beyond any real list; stops a hand-made payload from asking for absurd pages.</summary>
    private const int MaxPage = 1000;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (CardData.String(action.Data, "query", QuestionRecogniser.MaxLength) is not { } query
            || CardData.Int(action.Data, "page") is not { } page || page is < 0 or > MaxPage)
        {
            return InvokeResponse.Error(400, "BadRequest", "This button's data is incomplete. Ask me again and use the new card.");
        }
        // Only lists have pages; any other question (a command such as "subscribe DAG") is not run from here.
        if (await ask.RecogniseAsync(query, cancellationToken) is not IPagedIntent)
        {
            return InvokeResponse.Error(400, "BadRequest", "This \"Show more\" button is not for a list. Ask me your question again.");
        }
        var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
        return InvokeResponse.Card(await ask.AnswerAsync(query, caller, turn, page, cancellationToken));
    }
}
