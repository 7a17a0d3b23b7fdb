using GovBot.Features.Search;
using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Milestones;

/// <summary>The programme plan's milestones with their RAG status.</summary>
public sealed class MilestonesFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<MilestoneStore>();
        feature.Services.AddSingleton<MilestoneAnswers>();
        feature.Services.AddSingleton<ISearchSource, MilestoneSearchSource>();
        feature.Tables(TableNames.Milestones)
            .Questions(MilestoneGrammar.Register)
            .Answer<ListMilestones, MilestoneAnswers>((answers, _, ask, ct) => answers.ListAsync(ask.Text, ask.Page, ct));
    }
}
