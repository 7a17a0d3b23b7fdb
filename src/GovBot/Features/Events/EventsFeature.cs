using GovBot.Bot;
using GovBot.Features.Search;
using GovBot.Storage;

namespace GovBot.Features.Events;

/// <summary>Programme events the papers announce (webinars, open days), and "what's on" a day: meetings and events together.</summary>
public sealed class EventsFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<EventStore>();
        feature.Services.AddSingleton<EventQueries>();
        feature.Services.AddSingleton<EventAnswers>();
        feature.Services.AddSingleton<ISearchSource, EventSearchSource>();
        feature.Tables(TableNames.Events)
            .Questions(EventGrammar.Register)
            .Answer<ListEvents, EventAnswers>((answers, intent, ask, ct) => answers.ListAsync(intent, ask.Text, ask.Page, ct))
            .Answer<NextEvent, EventAnswers>((answers, intent, _, ct) => answers.NextAsync(intent, ct))
            .Answer<WhatsOn, EventAnswers>((answers, intent, _, ct) => answers.DayAsync(intent, ct));
    }
}
