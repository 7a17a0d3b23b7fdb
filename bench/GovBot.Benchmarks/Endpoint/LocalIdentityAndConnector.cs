using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovBot.Benchmarks;

/// <summary>
/// Everything a bot talks to, on one loopback Kestrel server in this process:
/// <list type="bullet">
/// <item>a local Entra-style token issuer: OpenID metadata (/entra/v2.0/.well-known/openid-configuration, for GovBot)
/// and JWKS (/{tenant}/discovery/v2.0/keys, where the Agents SDK looks under its authority), with a generated RSA key;</item>
/// <item>a managed-identity token endpoint in the App Service style (/msi/token, IDENTITY_ENDPOINT/IDENTITY_HEADER),
/// so both bots get their outbound token without reaching Entra;</item>
/// <item>a fake Bot Connector (/v3/conversations/{id}/activities[/{replyTo}]) that counts replies and completes the
/// waiter registered for the activity each reply answers.</item>
/// </list>
/// </summary>
public sealed class LocalIdentityAndConnector : IAsyncDisposable
{
    public const string AppId = "5f0c1e2d-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    public const string TenantId = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
    public const string IdentityHeader = "bench-identity-header";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "bench-key" };
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _waiters = new();
    private WebApplication? _app;
    private long _replies;
    private long _unauthenticatedReplies;
    private long _msiCalls;

    public string BaseUrl { get; private set; } = "";
    public static string Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";
    public string EntraMetadataUrl => BaseUrl + "/entra/v2.0/.well-known/openid-configuration";
    public string AgentsSdkAuthority => $"{BaseUrl}/{TenantId}";
    public string ManagedIdentityEndpoint => BaseUrl + "/msi/token";
    public string ServiceUrl => BaseUrl + "/";
    public long Replies => Interlocked.Read(ref _replies);
    public long UnauthenticatedReplies => Interlocked.Read(ref _unauthenticatedReplies);
    public long ManagedIdentityCalls => Interlocked.Read(ref _msiCalls);

    /// <summary>Bytes of the last reply's body (the card's size on the wire).</summary>
    public int LastReplyBytes { get; private set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/entra/v2.0/.well-known/openid-configuration", () => Results.Text(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = $"{BaseUrl}/{TenantId}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        _app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Text(Jwks(), "application/json"));
        _app.MapGet("/msi/token", (HttpRequest request) =>
        {
            Interlocked.Increment(ref _msiCalls);
            if (request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
            {
                return Results.StatusCode(401);
            }

            var resource = request.Query["resource"].ToString();
            var expires = DateTimeOffset.UtcNow.AddHours(1);
            return Results.Text(new JsonObject
            {
                ["access_token"] = Sign(resource.Length > 0 ? resource : "https://api.botframework.com", new Dictionary<string, object>()),
                ["expires_on"] = expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = resource,
                ["token_type"] = "Bearer",
                ["client_id"] = AppId,
            }.ToJsonString(), "application/json");
        });
        _app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpRequest request, string replyToId) => ReplyAsync(request, replyToId));
        _app.MapPost("/v3/conversations/{conversationId}/activities", (HttpRequest request) => ReplyAsync(request, null));
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    /// <summary>
    /// A token as Entra issues it to a calling service: our tenant's v2 issuer, audience = the bot's app id, calling app
    /// (<c>azp</c>) = the bot's own app id, as for the Emulator (GovBot refuses any other caller unless Bot__AllowedCallers lists it).
    /// </summary>
    public string InboundToken() => Sign(AppId, new Dictionary<string, object>
    {
        ["ver"] = "2.0",
        ["tid"] = TenantId,
        ["azp"] = AppId,
    });

    /// <summary>Completes when the reply to ACTIVITYID reaches the connector (its value: the number of replies so far).</summary>
    public Task<int> WaitForReplyAsync(string activityId)
    {
        var waiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[activityId] = waiter;
        return waiter.Task;
    }

    public void Forget(string activityId) => _waiters.TryRemove(activityId, out _);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> ReplyAsync(HttpRequest request, string? replyToId)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        LastReplyBytes = (int)(request.ContentLength ?? body.RootElement.GetRawText().Length);
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _unauthenticatedReplies);
        }

        var count = (int)Interlocked.Increment(ref _replies);
        var answered = replyToId ?? (body.RootElement.TryGetProperty("replyToId", out var r) ? r.GetString() : null);
        if (answered is not null && _waiters.TryRemove(answered, out var waiter))
        {
            waiter.TrySetResult(count);
        }

        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
    }

    private string Sign(string audience, Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private string Jwks()
    {
        var p = _key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = _key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            }),
        }.ToJsonString();
    }
}
