using GovBot.Bot;
using GovBot.Storage;

namespace GovBot.Features.Reminders;

/// <summary>
/// Reminders ahead of checklist deadlines and action due dates, to people and subscribed channels, and the commands
/// that set them: "reminders off", "subscribe DAG", "subscriptions", the PMO's "reminder report".
/// </summary>
public sealed class RemindersFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddGovBotReminders(feature.Configuration);
        feature.Tables(TableNames.ReminderLedger, TableNames.ReminderState)
            .Questions(ReminderGrammar.Register)
            .Answer<SetReminders, ReminderIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .Answer<ShowReminderSettings, ReminderIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .Answer<Subscribe, ReminderIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .Answer<Unsubscribe, ReminderIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .Answer<ListSubscriptions, ReminderIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .Answer<ReminderReport, ReminderIntentHandler>((handler, intent, ask, ct) => handler.HandleAsync(intent, ask.Caller, ask.Turn, ct))
            .CardVerbs<ReminderCardActions>(ReminderCardActions.Verbs);
    }
}
