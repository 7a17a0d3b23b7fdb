using GovBot.Features.Search;
using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Actions;

/// <summary>The action log: "my open actions", one action's card, and the changes made from it (updates, closure, due dates).</summary>
public sealed class ActionsFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<ActionStore>();
        feature.Services.AddSingleton<ActionWriteLocks>();
        feature.Services.AddSingleton<ActionQueries>();
        feature.Services.AddSingleton<ActionCommands>();
        feature.Services.AddSingleton<ActionAnswers>();
        feature.Services.AddSingleton<ISearchSource, ActionSearchSource>();
        feature.Tables(TableNames.Actions, TableNames.ActionIndex)
            .Questions(ActionGrammar.Register)
            .Answer<ListActions, ActionAnswers>((answers, intent, ask, ct) => answers.ListAsync(intent, ask.Caller, ask.Text, ask.Page, ct))
            .Answer<ShowAction, ActionAnswers>((answers, intent, ask, ct) => answers.ShowAsync(intent.Ref, ask.Caller, ct))
            .CardVerbs<ActionCardHandler>(ActionCardHandler.Verbs);
    }
}
