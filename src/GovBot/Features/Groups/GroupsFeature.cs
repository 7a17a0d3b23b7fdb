using GovBot.Features.Search;
using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Groups;

/// <summary>Governance groups and their members: "what is MCAG".</summary>
public sealed class GroupsFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<GroupStore>();
        feature.Services.AddSingleton<MembershipStore>();
        feature.Services.AddSingleton<GroupAnswers>();
        feature.Services.AddSingleton<ISearchSource, GroupSearchSource>();
        feature.Services.AddSingleton<ISearchSource, PeopleSearchSource>();
        feature.Tables(TableNames.Groups, TableNames.Memberships)
            .Questions(GroupGrammar.Register)
            .Answer<ShowGroup, GroupAnswers>((answers, intent, _, ct) => answers.ShowAsync(intent.GroupCode, ct))
            .Answer<ShowGroupChair, GroupAnswers>((answers, intent, _, ct) => answers.ChairAsync(intent.GroupCode, ct));
    }
}
