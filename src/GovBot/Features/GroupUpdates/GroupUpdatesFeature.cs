using GovBot.Bot;
using GovBot.Features.Search;
using GovBot.Storage;

namespace GovBot.Features.GroupUpdates;

/// <summary>What governance groups decided and discussed, as other groups' papers report it, linked to the CRs it mentions.</summary>
public sealed class GroupUpdatesFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<GroupUpdateStore>();
        feature.Services.AddSingleton<GroupUpdateQueries>();
        feature.Services.AddSingleton<GroupUpdateAnswers>();
        feature.Services.AddSingleton<ISearchSource, GroupUpdateSearchSource>();
        feature.Tables(TableNames.GroupUpdates, TableNames.GroupUpdatesByRef)
            .Questions(GroupUpdateGrammar.Register)
            .Answer<ShowGroupUpdates, GroupUpdateAnswers>((answers, intent, ask, ct) => answers.ShowAsync(intent, ask.Text, ask.Page, ct));
    }
}
