using System.Net.Http;
using GovBot.Connector;

namespace GovBot.Features.Outbox;

/// <summary>What one proactive send came to, as far as the sender can know.</summary>
public enum OutboxOutcome
{
    Delivered,
    /// <summary>Teams refused it and showed nothing (412, 429, 5xx, or no connection): sending again cannot duplicate it.</summary>
    Retry,
    /// <summary>403/404: the bot was removed, the user blocked it, or the conversation is gone.</summary>
    Unreachable,
    /// <summary>Refused for good (another 4xx, or a serviceUrl GovBot does not trust).</summary>
    Failed,
    /// <summary>The request went out and no answer came back (connection dropped, timeout): Teams may show it, so never again.</summary>
    Unknown,
}

/// <summary>A send's outcome: the activity id when delivered, else a short reason with no personal data; <see cref="Throttled"/> for a 429.</summary>
public sealed record OutboxResult(OutboxOutcome Outcome, string? ActivityId, string? Error, bool Throttled = false)
{
    public static OutboxResult Delivered(string? activityId) => new(OutboxOutcome.Delivered, activityId, null);
}

/// <summary>The one classification of send errors every proactive sender uses.</summary>
public static class OutboxErrors
{
    /// <summary>
    /// Classifies a failed send. Returns null for what is not a send failure (the caller's own cancellation, a bug):
    /// the caller lets that propagate.
    /// </summary>
    public static OutboxResult? Classify(Exception error, CancellationToken callerToken) => error switch
    {
        ConnectorException { StatusCode: 403 or 404 } e => new(OutboxOutcome.Unreachable, null, Describe(e)),
        ConnectorException { StatusCode: 412 or 429 or >= 500 } e => new(OutboxOutcome.Retry, null, Describe(e), e.StatusCode == 429),
        ConnectorException e => new(OutboxOutcome.Failed, null, Describe(e)),
        // No connection was made: nothing reached Teams.
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError }
            => new(OutboxOutcome.Retry, null, "connection failed"),
        // The request may have been sent and the answer was lost (e.g. the connection dropped mid-response).
        HttpRequestException => new(OutboxOutcome.Unknown, null, "no answer (connection lost)"),
        OperationCanceledException when !callerToken.IsCancellationRequested => new(OutboxOutcome.Unknown, null, "timed out"),
        _ => null,
    };

    private static string Describe(ConnectorException e) => e.StatusCode == 0
        ? (e.ErrorCode ?? "not sent")
        : $"HTTP {e.StatusCode} {(e.StatusCode is 403 or 404 ? e.ErrorCode ?? e.SubCode : e.ErrorCode)}".Trim();
}
