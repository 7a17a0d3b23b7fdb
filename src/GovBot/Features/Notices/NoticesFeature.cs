using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Notices;

/// <summary>Meeting notices from the PMO: compose, preview, send to a group's members and channels, track delivery and answers.</summary>
public sealed class NoticesFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddGovBotNotices(feature.Configuration);
        feature.Tables(TableNames.Notices, TableNames.NoticeDeliveries, TableNames.NoticeResponses)
            .Questions(NoticeGrammar.Register)
            .Answer<PostNotice, NoticeIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .Answer<NoticeReport, NoticeIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .CardVerbs<NoticeCardActions>(NoticeCardActions.Verbs);
    }

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGovBotNotices();
}
