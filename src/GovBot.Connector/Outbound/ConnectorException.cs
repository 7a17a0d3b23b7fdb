namespace GovBot.Connector;

/// <summary>
/// A Connector call failed. <see cref="StatusCode"/> is the HTTP status (0 when no request was sent, e.g.
/// <see cref="UntrustedServiceUrlCode"/>); <see cref="ErrorCode"/> the service's <c>error.code</c>
/// (e.g. <c>ConversationNotFound</c>), <see cref="SubCode"/> its <c>error.subCode</c> (e.g. <c>MessageWritesBlocked</c>).
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Error code used when the bot refused to send its token to a serviceUrl it does not trust.</summary>
    public const string UntrustedServiceUrlCode = "UntrustedServiceUrl";

    public ConnectorException(int statusCode, string? errorCode, string message, string? subCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        SubCode = subCode;
    }

    public int StatusCode { get; }

    public string? ErrorCode { get; }

    public string? SubCode { get; }

    /// <summary>True when either the code or the sub-code equals <paramref name="code"/> (ordinal, case-insensitive).</summary>
    public bool HasCode(string code) =>
        string.Equals(ErrorCode, code, StringComparison.OrdinalIgnoreCase) || string.Equals(SubCode, code, StringComparison.OrdinalIgnoreCase);
}
