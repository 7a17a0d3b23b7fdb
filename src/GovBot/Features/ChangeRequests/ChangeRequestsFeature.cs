using GovBot.Features.Search;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Connector;
using GovBot.Storage;

namespace GovBot.Features.ChangeRequests;

/// <summary>Change requests: one CR's progress, votes and decisions, and lists by stage.</summary>
public sealed class ChangeRequestsFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<ChangeRequestStore>();
        feature.Services.AddSingleton<ChangeRequestQueries>();
        feature.Services.AddSingleton<ChangeRequestAnswers>();
        feature.Services.AddSingleton<ISearchSource, ChangeRequestSearchSource>();
        feature.Tables(TableNames.ChangeRequests)
            .Questions(ChangeRequestGrammar.Register)
            .Answer<ShowChangeRequest, ChangeRequestAnswers>((answers, intent, _, ct) => answers.ShowAsync(intent.Id, ct))
            .Answer<ListChangeRequests, ChangeRequestAnswers>((answers, intent, ask, ct) => answers.ListAsync(intent, ask.Text, ask.Page, ct))
            .CardVerbs<ChangeRequestCardActions>([ChangeRequestCardActions.ShowVerb]);
    }
}

/// <summary>A change request opened in place from a list.</summary>
internal sealed class ChangeRequestCardActions(ChangeRequestAnswers changeRequests) : ICardActionHandler
{
    public const string ShowVerb = "cr.show";

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        CardData.String(action.Data, "id", 8) is { } id
            ? InvokeResponse.Card(await changeRequests.ShowAsync(id, cancellationToken))
            : InvokeResponse.Error(400, "BadRequest", "This button's data is incomplete. Ask me again and use the new card.");
}
