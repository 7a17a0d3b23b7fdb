using GovBot.Features.Search;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Connector;
using GovBot.Storage;

namespace GovBot.Features.Meetings;

/// <summary>Meetings: the next one of a group (recorded, or expected from its cadence), upcoming ones, one meeting's agenda.</summary>
public sealed class MeetingsFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<MeetingStore>();
        feature.Services.AddSingleton<MeetingQueries>();
        feature.Services.AddSingleton<MeetingAnswers>();
        feature.Services.AddSingleton<ISearchSource, MeetingSearchSource>();
        feature.Tables(TableNames.Meetings, TableNames.MeetingsByMonth)
            .Questions(MeetingGrammar.Register)
            .Answer<NextMeeting, MeetingAnswers>((answers, intent, _, ct) => answers.NextAsync(intent.GroupCode, ct))
            .Answer<UpcomingMeetings, MeetingAnswers>((answers, intent, ask, ct) => answers.UpcomingAsync(intent, ask.Text, ask.Page, ct))
            .Answer<ShowMeeting, MeetingAnswers>((answers, intent, _, ct) => answers.ShowAsync(intent.GroupCode, intent.Number, ct))
            .CardVerbs<MeetingCardActions>([MeetingCardActions.ShowVerb]);
    }
}

/// <summary>A meeting opened in place from a list or a group's card.</summary>
internal sealed class MeetingCardActions(MeetingAnswers meetings) : ICardActionHandler
{
    public const string ShowVerb = "meeting.show";

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        CardData.String(action.Data, "group", 12) is { } group && CardData.String(action.Data, "number", 12) is { } number
            ? InvokeResponse.Card(await meetings.ShowAsync(group, number, cancellationToken))
            : InvokeResponse.Error(400, "BadRequest", "This button's data is incomplete. Ask me again and use the new card.");
}
