using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovBot.Connector;

/// <summary>Configuration section <c>Bot</c> (environment: <c>Bot__AppId</c>, <c>Bot__Authentication__ChannelOpenIdMetadataUrl</c>, …).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string SingleTenantAppType = "SingleTenant";
    public const string UserAssignedMsiAppType = "UserAssignedMSI";
    public const string DefaultTrustedServiceUrls = "https://smba.trafficmanager.net/";
    public const string DefaultAllowedChannels = "msteams";

    /// <summary>The bot's Entra app id (for UserAssignedMSI: the managed identity's client id). Empty = anonymous (Development only).</summary>
    public string? AppId { get; set; }

    /// <summary>The bot's home tenant.</summary>
    public string? TenantId { get; set; }

    /// <summary><c>SingleTenant</c> (default) or <c>UserAssignedMSI</c>.</summary>
    public string? AppType { get; set; }

    /// <summary>Development only; production uses a managed identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path to a PEM/PFX certificate with private key. Development only.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Comma-separated tenant ids whose activities are accepted. Empty = only our own <see cref="TenantId"/> (any tenant in anonymous development mode).</summary>
    public string? AllowedTenants { get; set; }

    /// <summary>
    /// Comma-separated app ids (GUIDs) that may call the bot with an Entra-issued token (<c>appid</c>/<c>azp</c>), besides
    /// our own <see cref="AppId"/>. Empty = only our own app. Bot Connector tokens from Teams are not affected.
    /// </summary>
    public string? AllowedCallers { get; set; }

    /// <summary>Comma-separated channelIds accepted outside Development (default <c>msteams</c>).</summary>
    public string? AllowedChannels { get; set; } = DefaultAllowedChannels;

    /// <summary>Comma-separated serviceUrl prefixes trusted to receive the bot's token before any activity arrived from them.</summary>
    public string? TrustedServiceUrls { get; set; } = DefaultTrustedServiceUrls;

    /// <summary>How long an invoke handler may run before the endpoint gives up (Teams waits 5-15 s).</summary>
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public BotAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>True when no app id is configured: no inbound token check, no outbound token (Development only).</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    public bool IsManagedIdentity => string.Equals(AppType, UserAssignedMsiAppType, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> GetAllowedTenants() =>
        Split(AllowedTenants) is { Length: > 0 } listed ? listed
        : string.IsNullOrWhiteSpace(TenantId) ? []
        : [TenantId.Trim()];

    public IReadOnlyList<string> GetTrustedServiceUrls() => Split(TrustedServiceUrls);

    public IReadOnlyList<string> GetAllowedCallers() => Split(AllowedCallers);

    public IReadOnlyList<string> GetAllowedChannels() => Split(AllowedChannels);

    private static string[] Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class BotAuthenticationOptions
{
    public const string DefaultChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public const string DefaultChannelIssuer = "https://api.botframework.com";

    public string ChannelOpenIdMetadataUrl { get; set; } = DefaultChannelOpenIdMetadataUrl;

    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    public string ChannelIssuer { get; set; } = DefaultChannelIssuer;

    /// <summary>Entra authority host used to build the accepted v1/v2 issuers (sovereign clouds differ).</summary>
    public string EntraV2IssuerHost { get; set; } = "https://login.microsoftonline.com";

    public string EntraV1IssuerHost { get; set; } = "https://sts.windows.net";

    /// <summary>
    /// How long a token that passed the full check (signature, issuer, audience, lifetime, calling app) is remembered,
    /// so the same token on the next activities skips the signature check: never past the token's own expiry, and
    /// never across a refresh of the signing keys. Zero turns it off. The checks against each activity always run.
    /// </summary>
    public TimeSpan ValidatedTokenCacheTime { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Start-up validation of <see cref="BotOptions"/> with messages that say what to set.</summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var errors = new List<string>();
        if (options.IsAnonymous)
        {
            if (!environment.IsDevelopment())
            {
                errors.Add($"Bot:AppId (Bot__AppId) is not configured. Anonymous mode (no inbound token validation) is only allowed in the Development environment; the current environment is '{environment.EnvironmentName}'. Set Bot__AppId, Bot__TenantId and Bot__AppType.");
            }
        }
        else
        {
            if (!Guid.TryParse(options.AppId, out _))
            {
                errors.Add("Bot:AppId (Bot__AppId) must be the bot's Entra application (client) id, a GUID.");
            }

            if (string.IsNullOrWhiteSpace(options.TenantId))
            {
                errors.Add("Bot:TenantId (Bot__TenantId) is required when Bot:AppId is set (SingleTenant and UserAssignedMSI bots belong to one tenant).");
            }

            var appType = string.IsNullOrWhiteSpace(options.AppType) ? BotOptions.SingleTenantAppType : options.AppType;
            if (!string.Equals(appType, BotOptions.SingleTenantAppType, StringComparison.OrdinalIgnoreCase) && !options.IsManagedIdentity)
            {
                errors.Add($"Bot:AppType (Bot__AppType) must be '{BotOptions.SingleTenantAppType}' or '{BotOptions.UserAssignedMsiAppType}', not '{options.AppType}'.");
            }
            else if (!options.IsManagedIdentity && string.IsNullOrWhiteSpace(options.ClientSecret) && string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                errors.Add("Bot:AppType is SingleTenant but neither Bot:ClientSecret (Bot__ClientSecret) nor Bot:CertificatePath (Bot__CertificatePath) is set. In production use Bot__AppType=UserAssignedMSI.");
            }
        }

        CheckMetadataUrl(errors, "Bot:Authentication:ChannelOpenIdMetadataUrl", options.Authentication.ChannelOpenIdMetadataUrl);
        CheckMetadataUrl(errors, "Bot:Authentication:EntraOpenIdMetadataUrl", options.Authentication.EntraOpenIdMetadataUrl);
        if (string.IsNullOrWhiteSpace(options.Authentication.ChannelIssuer))
        {
            errors.Add("Bot:Authentication:ChannelIssuer must not be empty.");
        }

        if (options.Authentication.ValidatedTokenCacheTime < TimeSpan.Zero || options.Authentication.ValidatedTokenCacheTime > TimeSpan.FromHours(1))
        {
            errors.Add("Bot:Authentication:ValidatedTokenCacheTime must be between 00:00:00 (off) and 01:00:00.");
        }

        foreach (var url in options.GetTrustedServiceUrls())
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsHttpsOrLoopbackHttp(uri))
            {
                errors.Add($"Bot:TrustedServiceUrls entry '{url}' must be an absolute https URL (plain http only on a loopback host).");
            }
        }

        foreach (var caller in options.GetAllowedCallers())
        {
            if (!Guid.TryParse(caller, out _))
            {
                errors.Add($"Bot:AllowedCallers (Bot__AllowedCallers) entry '{caller}' must be an Entra application (client) id, a GUID.");
            }
        }

        if (!environment.IsDevelopment() && options.GetAllowedChannels().Count == 0)
        {
            errors.Add($"Bot:AllowedChannels (Bot__AllowedChannels) must list at least one channel outside Development (default '{BotOptions.DefaultAllowedChannels}').");
        }

        if (options.InvokeTimeout <= TimeSpan.Zero)
        {
            errors.Add("Bot:InvokeTimeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckMetadataUrl(List<string> errors, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !IsHttpsOrLoopbackHttp(uri))
        {
            errors.Add($"{key} must be an absolute https URL (plain http is accepted only from a loopback host), not '{value}'.");
        }
    }

    internal static bool IsHttpsOrLoopbackHttp(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
