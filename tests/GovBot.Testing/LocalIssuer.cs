using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovBot.Testing;

/// <summary>
/// Locally generated RSA keys published through an in-process OpenID metadata endpoint (real HTTP on loopback):
/// /channel/... mimics login.botframework.com (keys carry endorsements), /entra/... mimics Entra. Point
/// <c>Bot:Authentication:ChannelOpenIdMetadataUrl</c> / <c>EntraOpenIdMetadataUrl</c> at it and sign tokens with it.
/// Shared by the connector tests and the app's Production-mode journeys.
/// </summary>
public class LocalIssuer : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "99999999-8888-7777-6666-555555555555";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private WebApplication? _app;

    public RsaSecurityKey ChannelKey { get; } = NewKey("channel-key");
    public RsaSecurityKey WebChatOnlyKey { get; } = NewKey("webchat-only-key");
    public RsaSecurityKey EntraKey { get; } = NewKey("entra-key");
    public RsaSecurityKey UnknownKey { get; } = NewKey("channel-key-unknown");

    public string BaseUrl { get; private set; } = "";
    public string ChannelMetadataUrl => BaseUrl + "/channel/.well-known/openidconfiguration";
    public string EntraMetadataUrl => BaseUrl + "/entra/v2.0/.well-known/openid-configuration";
    public static string EntraIssuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/channel/.well-known/openidconfiguration", () => Results.Text(Metadata(ChannelIssuer, BaseUrl + "/channel/keys"), "application/json"));
        _app.MapGet("/channel/keys", () => Results.Text(Jwks((ChannelKey, ["msteams", "emulator"]), (WebChatOnlyKey, ["webchat"])), "application/json"));
        _app.MapGet("/entra/v2.0/.well-known/openid-configuration", () => Results.Text(Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", BaseUrl + "/entra/keys"), "application/json"));
        _app.MapGet("/entra/keys", () => Results.Text(Jwks((EntraKey, null)), "application/json"));
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A channel (Bot Connector) token as Teams sends it, with overridable parts.</summary>
    public string ChannelToken(
        string? issuer = ChannelIssuer,
        string? audience = AppId,
        string? serviceUrl = ServiceUrl,
        SecurityKey? key = null,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Sign(issuer, audience, claims, key ?? ChannelKey, notBefore, expires);
    }

    /// <summary>
    /// An Entra-issued token (Emulator / agent style). By default a v2 token whose calling app (<c>azp</c>) is our own
    /// app id; <paramref name="version"/> "1.0" puts the caller in <c>appid</c> instead, null leaves <c>ver</c> out.
    /// </summary>
    public string EntraToken(string issuer, string audience = AppId, string? caller = AppId, string? version = "2.0", string? serviceUrl = null)
    {
        var claims = new Dictionary<string, object> { ["tid"] = TenantId };
        if (version is not null)
        {
            claims["ver"] = version;
        }

        if (caller is not null)
        {
            claims[version == "1.0" ? "appid" : "azp"] = caller;
        }

        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Sign(issuer, audience, claims, EntraKey, null, null);
    }

    private static string Sign(string? issuer, string? audience, Dictionary<string, object> claims, SecurityKey key, DateTime? notBefore, DateTime? expires)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddHours(1);
        var nbf = notBefore ?? (exp < now ? exp.AddHours(-1) : now.AddMinutes(-1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = nbf,
            IssuedAt = nbf,
            Expires = exp,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    private static string Metadata(string issuer, string jwksUri) => new JsonObject
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    private static string Jwks(params (RsaSecurityKey Key, string[]? Endorsements)[] keys)
    {
        var array = new JsonArray();
        foreach (var (key, endorsements) in keys)
        {
            var p = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)JsonValue.Create(e)).ToArray());
            }

            array.Add(jwk);
        }

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }
}
