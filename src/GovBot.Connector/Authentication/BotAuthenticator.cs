using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GovBot.Connector.Authentication;

/// <summary>
/// Outcome of inbound authentication. <see cref="Failure"/> is a short reason for logs, never returned to the caller;
/// <see cref="FailureStatus"/> is 401, or 403 where the Bot Framework spec asks for it (a calling app, channel or
/// endorsement refused for an otherwise valid token).
/// </summary>
public sealed record BotAuthenticationResult(bool Succeeded, bool IsAnonymous, string? Failure)
{
    public int FailureStatus { get; init; } = 401;

    /// <summary>
    /// True only for a Bot Connector (channel) token whose <c>serviceurl</c> claim matched the activity: only then may
    /// the activity's serviceUrl be remembered as a place the bot's token may go. Entra-path tokens never qualify.
    /// </summary>
    public bool MayTrustServiceUrl { get; init; }

    internal static BotAuthenticationResult Fail(string reason) => new(false, false, reason);

    internal static BotAuthenticationResult Forbid(string reason) => new(false, false, reason) { FailureStatus = 403 };
}

/// <summary>A token checked on its own (signature, issuer, audience, lifetime, calling app), before the body is read.</summary>
public sealed record BotToken(BotAuthenticationResult Result)
{
    public bool Succeeded => Result.Succeeded;

    internal bool IsChannelToken { get; init; }

    internal string? ServiceUrlClaim { get; init; }

    internal string? Kid { get; init; }

    internal OpenIdConnectConfiguration? Configuration { get; init; }
}

/// <summary>
/// Validates the inbound request in two steps: the token alone before the body is read (so an unauthenticated caller
/// cannot make us read or parse anything), then the activity against that token.
/// </summary>
public interface IBotAuthenticator
{
    Task<BotToken> ValidateTokenAsync(string? authorizationHeader, CancellationToken ct);

    BotAuthenticationResult Authorize(BotToken token, Activity activity);
}

/// <summary>
/// Bot Framework inbound authentication:
/// channel tokens (issuer <c>https://api.botframework.com</c>, keys from the channel OpenID metadata, <c>serviceurl</c>
/// claim = activity serviceUrl, signing key endorsed for the activity's channelId) and Entra tokens (the Bot
/// Framework tenants' and our tenant's v1/v2 issuers, keys from the Entra metadata, <c>ver</c> required and the
/// calling app — <c>appid</c> for v1, <c>azp</c> for v2 — our own app id or one of <c>Bot:AllowedCallers</c>).
/// Audience = our app id, RS256/384/512, 5 minutes skew on <see cref="TimeProvider"/>. Fails closed when keys cannot
/// be fetched. Outside Development only the channels of <c>Bot:AllowedChannels</c> are accepted; an empty channelId
/// never is. A token that passed is remembered (by a hash of the whole token) for
/// <see cref="BotAuthenticationOptions.ValidatedTokenCacheTime"/>, never past its expiry nor across a key refresh, since
/// the Bot Connector sends the same token with many activities; <see cref="Authorize"/> still checks every activity.
/// </summary>
public sealed partial class BotAuthenticator : IBotAuthenticator
{
    public const string MetadataHttpClientName = "GovBot.Connector.OpenIdMetadata";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
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
    private readonly HashSet<string> _allowedCallers;
    private readonly HashSet<string>? _allowedChannels;
    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);

    /// <summary>Bound on remembered tokens; legitimate callers use few at a time, and only valid ones are kept.</summary>
    internal const int MaxValidatedTokens = 1024;

    /// <summary>A token that passed, the key manager it was checked with, and until when it may be reused.</summary>
    private sealed record ValidatedToken(BotToken Token, IConfigurationManager<OpenIdConnectConfiguration> Manager, DateTimeOffset Until);

    public BotAuthenticator(IOptions<BotOptions> options, IHostEnvironment environment, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<BotAuthenticator> logger)
    {
        _options = options.Value;
        _environment = environment;
        _time = time;
        _logger = logger;
        _allowedTenants = new HashSet<string>(_options.GetAllowedTenants(), StringComparer.OrdinalIgnoreCase);
        _allowedCallers = new HashSet<string>(_options.GetAllowedCallers(), StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(_options.AppId))
        {
            _allowedCallers.Add(_options.AppId.Trim());
        }

        // Development keeps every channel (the Emulator, tests); anywhere else only the listed ones (default msteams).
        _allowedChannels = environment.IsDevelopment() ? null : new HashSet<string>(_options.GetAllowedChannels(), StringComparer.OrdinalIgnoreCase);

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

    public async Task<BotToken> ValidateTokenAsync(string? authorizationHeader, CancellationToken ct)
    {
        var token = await ValidateTokenCoreAsync(authorizationHeader, ct).ConfigureAwait(false);
        if (!token.Succeeded)
        {
            LogRejected(_logger, token.Result.Failure ?? "unknown", null);
        }

        return token;
    }

    public BotAuthenticationResult Authorize(BotToken token, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(activity);
        var result = token.Succeeded ? AuthorizeCore(token, activity) : token.Result;
        if (result.Succeeded && _allowedTenants.Count > 0 && (activity.TenantId is not { } tenant || !_allowedTenants.Contains(tenant)))
        {
            result = BotAuthenticationResult.Fail("tenant not allowed");
        }

        if (!result.Succeeded && token.Succeeded)
        {
            LogRejected(_logger, result.Failure ?? "unknown", activity.ChannelId);
        }

        return result;
    }

    /// <summary>Both steps at once (for callers that already hold the activity).</summary>
    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct) =>
        Authorize(await ValidateTokenAsync(authorizationHeader, ct).ConfigureAwait(false), activity);

    private BotAuthenticationResult AuthorizeCore(BotToken token, Activity activity)
    {
        if (token.Result.IsAnonymous)
        {
            return token.Result;
        }

        if (token.ServiceUrlClaim is not null && !string.Equals(token.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("serviceurl claim mismatch");
        }

        // An empty channelId would skip the endorsement check below (the SDKs let it pass); we never do.
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return BotAuthenticationResult.Forbid("no channelId");
        }

        if (_allowedChannels is not null && !_allowedChannels.Contains(activity.ChannelId))
        {
            return BotAuthenticationResult.Forbid("channel not allowed");
        }

        if (token.IsChannelToken && !IsEndorsed(token.Configuration!, token.Kid, activity.ChannelId))
        {
            return BotAuthenticationResult.Forbid("signing key not endorsed for the channel");
        }

        return new BotAuthenticationResult(true, false, null) { MayTrustServiceUrl = token.IsChannelToken };
    }

    private async Task<BotToken> ValidateTokenCoreAsync(string? authorizationHeader, CancellationToken ct)
    {
        if (_options.IsAnonymous)
        {
            // Belt and braces: options validation already refuses this outside Development.
            return new BotToken(_environment.IsDevelopment()
                ? new BotAuthenticationResult(true, true, null)
                : BotAuthenticationResult.Fail("anonymous mode outside Development"));
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return new BotToken(BotAuthenticationResult.Fail("no Authorization header"));
        }

        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new BotToken(BotAuthenticationResult.Fail("not a Bearer token"));
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        var cacheKey = _options.Authentication.ValidatedTokenCacheTime > TimeSpan.Zero ? CacheKey(token) : null;
        if (cacheKey is not null && await RememberedAsync(cacheKey, ct).ConfigureAwait(false) is { } remembered)
        {
            return remembered;
        }

        if (!_handler.CanReadToken(token))
        {
            return new BotToken(BotAuthenticationResult.Fail("malformed token"));
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return new BotToken(BotAuthenticationResult.Fail("malformed token"));
        }

        // Refused on the header alone: "none" and HMAC tokens never reach key lookup (nor force a key refresh).
        if (!Algorithms.Contains(unvalidated.Alg, StringComparer.Ordinal))
        {
            return new BotToken(BotAuthenticationResult.Fail("algorithm not allowed"));
        }

        var isChannelToken = string.Equals(unvalidated.Issuer, _options.Authentication.ChannelIssuer, StringComparison.Ordinal);
        if (!isChannelToken && !_entraIssuers.Contains(unvalidated.Issuer ?? string.Empty))
        {
            return new BotToken(BotAuthenticationResult.Fail("issuer not accepted"));
        }

        var manager = isChannelToken ? _channelMetadata! : _entraMetadata!;
        var issuers = isChannelToken ? [_options.Authentication.ChannelIssuer] : _entraIssuers.ToArray();
        var (validated, configuration, failure) = await ValidateAsync(token, manager, issuers, ct).ConfigureAwait(false);
        if (validated is null || configuration is null)
        {
            return new BotToken(BotAuthenticationResult.Fail(failure ?? "invalid token"));
        }

        var serviceUrlClaim = Claim(validated, "serviceurl");
        if (isChannelToken && string.IsNullOrEmpty(serviceUrlClaim))
        {
            return new BotToken(BotAuthenticationResult.Fail("missing serviceurl claim"));
        }

        if (!isChannelToken && CheckCaller(validated) is { } refused)
        {
            return new BotToken(refused);
        }

        var accepted = new BotToken(new BotAuthenticationResult(true, false, null))
        {
            IsChannelToken = isChannelToken,
            ServiceUrlClaim = serviceUrlClaim,
            Kid = validated.Kid,
            Configuration = configuration,
        };
        if (cacheKey is not null)
        {
            Remember(cacheKey, accepted, manager, validated.ValidTo);
        }

        return accepted;
    }

    /// <summary>SHA-256 of the whole token (its UTF-16 code units): the cache never holds the token itself.</summary>
    private static string CacheKey(string token) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(token.AsSpan())));

    /// <summary>
    /// The earlier result for this exact token, while it is within its cache time and before its expiry, and only if the
    /// signing keys it was checked against are still the current ones (after a key refresh it is checked again in full).
    /// </summary>
    private async Task<BotToken?> RememberedAsync(string cacheKey, CancellationToken ct)
    {
        if (!_validated.TryGetValue(cacheKey, out var entry))
        {
            return null;
        }

        if (_time.GetUtcNow() >= entry.Until)
        {
            _validated.TryRemove(cacheKey, out _);
            return null;
        }

        OpenIdConnectConfiguration current;
        try
        {
            current = await entry.Manager.GetConfigurationAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The full check fails closed and logs it.
            _validated.TryRemove(cacheKey, out _);
            return null;
        }

        if (!ReferenceEquals(current, entry.Token.Configuration))
        {
            _validated.TryRemove(cacheKey, out _);
            return null;
        }

        return entry.Token;
    }

    private void Remember(string cacheKey, BotToken token, IConfigurationManager<OpenIdConnectConfiguration> manager, DateTime expiresUtc)
    {
        var now = _time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(expiresUtc, DateTimeKind.Utc));
        var until = now + _options.Authentication.ValidatedTokenCacheTime;
        if (expires < until)
        {
            until = expires;
        }

        if (until <= now)
        {
            return;
        }

        if (_validated.Count >= MaxValidatedTokens)
        {
            foreach (var (key, entry) in _validated)
            {
                if (entry.Until <= now)
                {
                    _validated.TryRemove(key, out _);
                }
            }

            if (_validated.Count >= MaxValidatedTokens)
            {
                _validated.Clear();
            }
        }

        _validated[cacheKey] = new ValidatedToken(token, manager, until);
    }

    /// <summary>Entra-path tokens: the calling app (<c>appid</c> in v1, <c>azp</c> in v2) must be us or an allowed caller.</summary>
    private BotAuthenticationResult? CheckCaller(JsonWebToken token)
    {
        var caller = Claim(token, "ver") switch
        {
            "1.0" => Claim(token, "appid"),
            "2.0" => Claim(token, "azp"),
            null or "" => null,
            _ => "",
        };
        return caller switch
        {
            null when string.IsNullOrEmpty(Claim(token, "ver")) => BotAuthenticationResult.Forbid("no ver claim"),
            "" => BotAuthenticationResult.Forbid("unsupported ver claim"),
            null => BotAuthenticationResult.Forbid("no calling app claim (appid/azp)"),
            _ when !_allowedCallers.Contains(caller) => BotAuthenticationResult.Forbid("calling app not allowed"),
            _ => null,
        };
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetClaim(type, out var claim) && !string.IsNullOrEmpty(claim.Value) ? claim.Value : null;

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
                ValidAlgorithms = Algorithms,
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
