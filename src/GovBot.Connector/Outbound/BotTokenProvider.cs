using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Connector;

/// <summary>The bot's outbound token for the Connector (<c>https://api.botframework.com/.default</c>); null in anonymous mode.</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken ct);
}

/// <summary>
/// Gets the bot's token from a <see cref="TokenCredential"/> (client secret, certificate or user-assigned managed
/// identity, chosen from <see cref="BotOptions"/>) and caches it until five minutes before it expires.
/// </summary>
public sealed partial class BotTokenProvider : IBotTokenProvider, IDisposable
{
    public const string BotFrameworkScope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;

    public BotTokenProvider(IOptions<BotOptions> options, TimeProvider time, ILogger<BotTokenProvider> logger)
        : this(CreateCredential(options.Value), time, logger)
    {
    }

    /// <summary>For tests and custom credentials; a null credential means anonymous (no token).</summary>
    public BotTokenProvider(TokenCredential? credential, TimeProvider time, ILogger<BotTokenProvider> logger)
    {
        _credential = credential;
        _time = time;
        _logger = logger;
    }

    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        if (_credential is null)
        {
            return null;
        }

        if (_cached is { } fresh && fresh.ExpiresOn - RefreshMargin > _time.GetUtcNow())
        {
            return fresh.Token;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && again.ExpiresOn - RefreshMargin > _time.GetUtcNow())
            {
                return again.Token;
            }

            var token = await _credential.GetTokenAsync(new TokenRequestContext([BotFrameworkScope]), ct).ConfigureAwait(false);
            _cached = token;
            LogTokenAcquired(_logger, token.ExpiresOn);
            return token.Token;
        }
        catch (AuthenticationFailedException ex)
        {
            LogTokenFailed(_logger, ex);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    internal static TokenCredential? CreateCredential(BotOptions options)
    {
        if (options.IsAnonymous)
        {
            return null;
        }

        if (options.IsManagedIdentity)
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.AppId!));
        }

        var tenant = string.IsNullOrWhiteSpace(options.TenantId) ? "botframework.com" : options.TenantId;
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new ClientCertificateCredential(tenant, options.AppId, options.CertificatePath);
        }

        return new ClientSecretCredential(tenant, options.AppId, options.ClientSecret);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Bot token acquired; expires {ExpiresOn}")]
    private static partial void LogTokenAcquired(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Could not acquire the bot's token")]
    private static partial void LogTokenFailed(ILogger logger, Exception exception);
}
