using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GovBot.Connector.Authentication;

/// <summary>Outcome of inbound authentication. <see cref="Failure"/> is a short reason for logs, never returned to the caller.</summary>
public sealed record BotAuthenticationResult(bool Succeeded, bool IsAnonymous, string? Failure)
{
    internal static BotAuthenticationResult Fail(string reason) => new(false, false, reason);
}

/// <summary>Validates the inbound request's token against the activity it carries.</summary>
public interface IBotAuthenticator
{
    Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct);
}

/// <summary>
/// Bot Framework inbound authentication:
/// channel tokens (issuer <c>https://api.botframework.com</c>, keys from the channel OpenID metadata, <c>serviceurl</c>
/// claim = activity serviceUrl, signing key endorsed for the activity's channelId) and Entra tokens (the Bot
/// Framework tenants' and our tenant's v1/v2 issuers, keys from the Entra metadata). Audience = our app id, RS256/384/512,
/// 5 minutes skew on <see cref="TimeProvider"/>. Fails closed when keys cannot be fetched.
/// </summary>
public sealed partial class BotAuthenticator : IBotAuthenticator
{
    public const string MetadataHttpClientName = "GovBot.Connector.OpenIdMetadata";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] BotFrameworkTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private readonly BotOptions _options;
    private readonly IHostEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly ILogger<BotAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? _channelMetadata;
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? _entraMetadata;
    private readonly HashSet<string> _entraIssuers;
    private readonly HashSet<string> _allowedTenants;

    public BotAuthenticator(IOptions<BotOptions> options, IHostEnvironment environment, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<BotAuthenticator> logger)
    {
        _options = options.Value;
        _environment = environment;
        _time = time;
        _logger = logger;
        _allowedTenants = new HashSet<string>(_options.GetAllowedTenants(), StringComparer.OrdinalIgnoreCase);

        var auth = _options.Authentication;
        _entraIssuers = new HashSet<string>(StringComparer.Ordinal);
        var tenants = BotFrameworkTenants.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(_options.TenantId))
        {
            tenants = tenants.Append(_options.TenantId.Trim());
        }

        foreach (var tenant in tenants)
        {
            _entraIssuers.Add($"{auth.EntraV1IssuerHost.TrimEnd('/')}/{tenant}/");
            _entraIssuers.Add($"{auth.EntraV2IssuerHost.TrimEnd('/')}/{tenant}/v2.0");
        }

        if (!_options.IsAnonymous)
        {
            _channelMetadata = CreateManager(auth.ChannelOpenIdMetadataUrl, httpClientFactory);
            _entraMetadata = CreateManager(auth.EntraOpenIdMetadataUrl, httpClientFactory);
        }
    }

    /// <summary>The Entra issuers accepted (for diagnostics and tests).</summary>
    public IReadOnlyCollection<string> EntraIssuers => _entraIssuers;

    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var result = await AuthenticateCoreAsync(authorizationHeader, activity, ct).ConfigureAwait(false);
        if (result.Succeeded && _allowedTenants.Count > 0 && (activity.TenantId is not { } tenant || !_allowedTenants.Contains(tenant)))
        {
            result = BotAuthenticationResult.Fail("tenant not allowed");
        }

        if (!result.Succeeded)
        {
            LogRejected(_logger, result.Failure ?? "unknown", activity.ChannelId);
        }

        return result;
    }

    private async Task<BotAuthenticationResult> AuthenticateCoreAsync(string? authorizationHeader, Activity activity, CancellationToken ct)
    {
        if (_options.IsAnonymous)
        {
            // Belt and braces: options validation already refuses this outside Development.
            return _environment.IsDevelopment()
                ? new BotAuthenticationResult(true, true, null)
                : BotAuthenticationResult.Fail("anonymous mode outside Development");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return BotAuthenticationResult.Fail("no Authorization header");
        }

        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("not a Bearer token");
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return BotAuthenticationResult.Fail("malformed token");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Fail("malformed token");
        }

        var isChannelToken = string.Equals(unvalidated.Issuer, _options.Authentication.ChannelIssuer, StringComparison.Ordinal);
        if (!isChannelToken && !_entraIssuers.Contains(unvalidated.Issuer ?? string.Empty))
        {
            return BotAuthenticationResult.Fail("issuer not accepted");
        }

        var manager = isChannelToken ? _channelMetadata! : _entraMetadata!;
        var issuers = isChannelToken ? [_options.Authentication.ChannelIssuer] : _entraIssuers.ToArray();
        var (validated, configuration, failure) = await ValidateAsync(token, manager, issuers, ct).ConfigureAwait(false);
        if (validated is null || configuration is null)
        {
            return BotAuthenticationResult.Fail(failure ?? "invalid token");
        }

        var serviceUrlClaim = validated.TryGetClaim("serviceurl", out var claim) ? claim.Value : null;
        if (isChannelToken && string.IsNullOrEmpty(serviceUrlClaim))
        {
            return BotAuthenticationResult.Fail("missing serviceurl claim");
        }

        if (serviceUrlClaim is not null && !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("serviceurl claim mismatch");
        }

        if (isChannelToken && !string.IsNullOrEmpty(activity.ChannelId) && !IsEndorsed(configuration, validated.Kid, activity.ChannelId))
        {
            return BotAuthenticationResult.Fail("signing key not endorsed for the channel");
        }

        return new BotAuthenticationResult(true, false, null);
    }

    private async Task<(JsonWebToken? Token, OpenIdConnectConfiguration? Configuration, string? Failure)> ValidateAsync(
        string token, IConfigurationManager<OpenIdConnectConfiguration> manager, string[] issuers, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await manager.GetConfigurationAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogMetadataUnavailable(_logger, ex);
                return (null, null, "signing keys unavailable");
            }

            var parameters = new TokenValidationParameters
            {
                ValidIssuers = issuers,
                ValidAudience = _options.AppId,
                IssuerSigningKeys = configuration.SigningKeys,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                LifetimeValidator = ValidateLifetime,
                TryAllIssuerSigningKeys = false,
                ClockSkew = ClockSkew,
            };

            var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
            if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
            {
                return (jwt, configuration, null);
            }

            if (attempt == 0 && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // Keys may roll over at any time: refresh once (rate-limited by the manager) and retry.
                manager.RequestRefresh();
                continue;
            }

            return (null, null, Describe(result.Exception));
        }

        return (null, null, "unknown signing key");
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + ClockSkew)
        {
            throw new SecurityTokenExpiredException("token expired");
        }

        if (notBefore is { } nbf && now < nbf.ToUniversalTime() - ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("token not yet valid");
        }

        return true;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenInvalidLifetimeException => "invalid lifetime",
        null => "invalid token",
        _ => "invalid token (" + exception.GetType().Name + ")",
    };

    internal static bool IsEndorsed(OpenIdConnectConfiguration configuration, string? kid, string channelId)
    {
        if (string.IsNullOrEmpty(kid) || configuration.JsonWebKeySet is null)
        {
            return false;
        }

        foreach (var key in configuration.JsonWebKeySet.Keys)
        {
            if (!string.Equals(key.Kid, kid, StringComparison.Ordinal) || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
            {
                continue;
            }

            foreach (var endorsement in Enumerate(endorsements))
            {
                if (string.Equals(endorsement, channelId, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> Enumerate(object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case string single:
                yield return single;
                break;
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        yield return item.GetString()!;
                    }
                }

                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { } text)
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataUrl, IHttpClientFactory httpClientFactory)
    {
        var retriever = new GuardedDocumentRetriever(httpClientFactory);
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>Fetches metadata and key documents only over https, or plain http from a loopback host, with a fresh factory client each time.</summary>
    private sealed class GuardedDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !BotOptionsValidator.IsHttpsOrLoopbackHttp(uri))
            {
                throw new InvalidOperationException("OpenID metadata and keys must be fetched over https (plain http only from a loopback host).");
            }

            var inner = new HttpDocumentRetriever(httpClientFactory.CreateClient(MetadataHttpClientName)) { RequireHttps = false };
            return inner.GetDocumentAsync(address, cancel);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Inbound activity rejected: {Reason} (channel {ChannelId})")]
    private static partial void LogRejected(ILogger logger, string reason, string? channelId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "OpenID metadata or signing keys could not be fetched; rejecting (fail closed)")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception);
}
