using GovBot.Features.Search;
using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Decisions;

/// <summary>Decisions recorded at meetings (shown on change requests); no questions of its own yet.</summary>
public sealed class DecisionsFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<DecisionStore>();
        feature.Services.AddSingleton<ISearchSource, DecisionSearchSource>();
        feature.Tables(TableNames.Decisions);
    }
}
