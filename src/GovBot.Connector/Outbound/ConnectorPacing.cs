namespace GovBot.Connector;

/// <summary>One HTTP attempt the connector is about to make (or has just had refused).</summary>
/// <param name="Attempt">1 for the first attempt, 2 and up for the connector's own retries.</param>
public readonly record struct ConnectorAttempt(HttpMethod Method, string ServiceUrl, string? ConversationId, int Attempt);

/// <summary>
/// A hook that paces a <see cref="ConnectorClient"/> (see <see cref="ConnectorClient.WithPacer"/>): consulted before
/// every HTTP attempt, the connector's retries included, and told of every 429 with its Retry-After. The connector
/// knows nothing of what is being sent or why; the caller decides the limits.
/// </summary>
public interface IConnectorPacer
{
    /// <summary>Returns when the attempt may go out.</summary>
    ValueTask WaitAsync(ConnectorAttempt attempt, CancellationToken ct);

    /// <summary>The service answered 429; <paramref name="retryAfter"/> is its Retry-After, when it gave one.</summary>
    void OnThrottled(ConnectorAttempt attempt, TimeSpan? retryAfter);
}
