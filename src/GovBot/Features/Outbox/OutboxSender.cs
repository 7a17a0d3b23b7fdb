using GovBot.Connector;

namespace GovBot.Features.Outbox;

/// <summary>
/// The one way GovBot sends proactively (reminders, notices, and whatever comes next). A sender: writes its ledger
/// rows Pending; calls <see cref="AdmitAsync"/>; claims Pending → Sending (<see cref="OutboxLedger"/>); calls
/// <see cref="SendAsync"/>, whose every HTTP attempt (the connector's Retry-After retries included) passes the
/// <see cref="OutboxPacer"/>; and records <see cref="OutboxStateMachine.After"/> of the result. A copy whose outcome is
/// Unknown is reported, never sent again.
/// </summary>
public sealed class OutboxSender(ConnectorClient connector, OutboxPacer pacer)
{
    private readonly ConnectorClient _paced = connector.WithPacer(pacer);

    /// <summary>Before claiming <paramref name="copies"/> copies: waits for their turn at the tenant rate.</summary>
    public Task AdmitAsync(int copies, CancellationToken cancellationToken) => pacer.AdmitAsync(copies, cancellationToken);

    /// <summary>Posts a new message to a conversation. Cancellation through <paramref name="cancellationToken"/> propagates; everything else is a result.</summary>
    public async Task<OutboxResult> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _paced.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
            return OutboxResult.Delivered(response.Id);
        }
        catch (Exception e) when (OutboxErrors.Classify(e, cancellationToken) is { } result)
        {
            return result;
        }
    }

    /// <summary>Replaces a message already delivered (an update is idempotent: the same card again).</summary>
    public async Task<OutboxResult> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await _paced.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
            return OutboxResult.Delivered(activityId);
        }
        catch (Exception e) when (OutboxErrors.Classify(e, cancellationToken) is { } result)
        {
            return result;
        }
    }
}
