using GovBot.Bot;

namespace GovBot.Features.Outbox;

/// <summary>
/// The proactive outbox every feature that writes first (reminders, notices) sends through: one delivery state
/// machine, one error classification, one pacer within Teams' limits (docs/notices.md, docs/reminders.md).
/// </summary>
public sealed class OutboxFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature) => feature.Services.AddOutbox();
}
