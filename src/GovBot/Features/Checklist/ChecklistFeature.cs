using GovBot.Features.Search;
using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Checklist;

/// <summary>The participant checklist: deadlines, from today or in a window, and items for a constituency.</summary>
public sealed class ChecklistFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<ChecklistStore>();
        feature.Services.AddSingleton<ChecklistAnswers>();
        feature.Services.AddSingleton<ChecklistQueries>();
        feature.Services.AddSingleton<ISearchSource, ChecklistSearchSource>();
        feature.Tables(TableNames.Checklist)
            .Questions(ChecklistGrammar.Register)
            .Answer<ListDeadlines, ChecklistAnswers>((answers, intent, ask, ct) => answers.DeadlinesAsync(intent, ask.Caller, ask.Text, ask.Page, ct))
            .Answer<ListChecklistFor, ChecklistAnswers>((answers, intent, ask, ct) => answers.ForAudienceAsync(intent, ask.Caller, ask.Text, ask.Page, ct));
    }
}
