using Microsoft.Extensions.DependencyInjection;
using System.Net;
using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GovBot.Connector.Tests;

/// <summary>The inbound authentication matrix, end to end through the real endpoint on Kestrel.</summary>
public sealed class AuthenticationTests(TestIssuer issuer) : IClassFixture<TestIssuer>
{
    private async Task<(HttpStatusCode Status, TurnRecorder Recorder, string Logs)> PostAsync(
        string? authorization, string? activity = null, Dictionary<string, string?>? extraConfig = null, Action<IServiceCollection>? services = null, string environment = "Development")
    {
        var config = BotHost.AuthenticatedConfig(issuer);
        foreach (var (key, value) in extraConfig ?? [])
        {
            config[key] = value;
        }

        var recorder = new TurnRecorder();
        await using var host = await BotHost.StartAsync(config, r => r.OnActivity<RecordingActivityHandler>(ActivityTypes.Message), environment, services: s =>
        {
            TurnRecorder.Register(s, recorder);
            services?.Invoke(s);
        });
        using var response = await host.PostAsync(activity ?? Activities.Message(), authorization);
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, string.Join("\n", host.Logs.Entries.Select(e => e.Message)));
        return (response.StatusCode, recorder, string.Join("\n", host.Logs.Entries.Select(e => e.Message)));
    }

    private async Task AssertRejected(string reason, string? authorization, string? activity = null, Dictionary<string, string?>? extraConfig = null, HttpStatusCode expected = HttpStatusCode.Unauthorized, string environment = "Development")
    {
        var (status, recorder, logs) = await PostAsync(authorization, activity, extraConfig, environment: environment);
        Assert.Equal(expected, status);
        Assert.True(logs.Contains("rejected: " + reason + " (", StringComparison.Ordinal), $"expected the log to say \"rejected: {reason}\"; it says:\n{logs}");
        await Task.Delay(50);
        Assert.False(recorder.TryRead(out _), "a rejected activity must not reach a handler");
    }

    [Fact]
    public async Task Auth_ValidChannelToken_IsAccepted()
    {
        var (status, recorder, _) = await PostAsync("Bearer " + issuer.ChannelToken());
        Assert.Equal(HttpStatusCode.OK, status);
        var (activity, _) = await recorder.NextAsync();
        Assert.Equal("act-1", activity.Id);
    }

    [Fact]
    public async Task Auth_ValidEntraTokenFromOwnTenant_IsAccepted()
    {
        var (status, recorder, _) = await PostAsync("Bearer " + issuer.EntraToken(TestIssuer.EntraIssuer));
        Assert.Equal(HttpStatusCode.OK, status);
        await recorder.NextAsync();
    }

    [Fact]
    public async Task Auth_ValidEntraTokenFromBotFrameworkTenantV1_IsAccepted()
    {
        var (status, _, _) = await PostAsync("Bearer " + issuer.EntraToken("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public Task Auth_NoHeader_Returns401() => AssertRejected("no Authorization header", null);

    [Fact]
    public Task Auth_WrongScheme_Returns401() => AssertRejected("not a Bearer token", "Basic " + issuer.ChannelToken());

    [Fact]
    public Task Auth_MalformedJwt_Returns401() => AssertRejected("malformed token", "Bearer not.a.jwt");

    [Fact]
    public Task Auth_UnknownKey_Returns401() => AssertRejected("unknown signing key", "Bearer " + issuer.ChannelToken(key: issuer.UnknownKey));

    [Fact]
    public Task Auth_UnsignedAlgNoneToken_Returns401()
    {
        static string B64(string json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var unsigned = B64("""{"alg":"none","typ":"JWT"}""") + "." + B64($$$"""{"iss":"https://api.botframework.com","aud":"{{{TestIssuer.AppId}}}","serviceurl":"{{{TestIssuer.ServiceUrl}}}","exp":{{{exp}}}}""") + ".";
        return AssertRejected("algorithm not allowed", "Bearer " + unsigned);
    }

    [Fact]
    public Task Auth_Hs256TokenWithGuessableSecret_Returns401()
    {
        var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes("dummy-secret-key-dummy-secret-key-0123456789"));
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = TestIssuer.ChannelIssuer,
            Audience = TestIssuer.AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = TestIssuer.ServiceUrl },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        return AssertRejected("algorithm not allowed", "Bearer " + token);
    }

    [Fact]
    public Task Auth_WrongIssuer_Returns401() => AssertRejected("issuer not accepted", "Bearer " + issuer.ChannelToken(issuer: "https://api.botframework.evil"));

    [Fact]
    public Task Auth_EntraTokenFromOtherTenant_Returns401() =>
        AssertRejected("issuer not accepted", "Bearer " + issuer.EntraToken("https://login.microsoftonline.com/12345678-0000-0000-0000-000000000000/v2.0"));

    [Fact]
    public Task Auth_WrongAudience_Returns401() => AssertRejected("wrong audience", "Bearer " + issuer.ChannelToken(audience: "22222222-2222-2222-2222-222222222222"));

    [Fact]
    public Task Auth_EntraTokenWrongAudience_Returns401() => AssertRejected("wrong audience", "Bearer " + issuer.EntraToken(TestIssuer.EntraIssuer, audience: "https://graph.microsoft.com"));

    [Fact]
    public Task Auth_ExpiredToken_Returns401() => AssertRejected("token expired", "Bearer " + issuer.ChannelToken(expires: DateTime.UtcNow.AddMinutes(-6)));

    [Fact]
    public async Task Auth_TokenExpiredWithinClockSkew_IsAccepted()
    {
        var (status, _, _) = await PostAsync("Bearer " + issuer.ChannelToken(expires: DateTime.UtcNow.AddMinutes(-3)));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public Task Auth_NotYetValidToken_Returns401() =>
        AssertRejected("token not yet valid", "Bearer " + issuer.ChannelToken(notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddHours(1)));

    [Fact]
    public Task Auth_MissingServiceUrlClaim_Returns401() => AssertRejected("missing serviceurl claim", "Bearer " + issuer.ChannelToken(serviceUrl: null));

    [Fact]
    public Task Auth_MismatchedServiceUrlClaim_Returns401() =>
        AssertRejected("serviceurl claim mismatch", "Bearer " + issuer.ChannelToken(), Activities.Message(serviceUrl: "https://attacker.example/amer/"));

    [Fact]
    public Task Auth_KeyWithoutChannelEndorsement_Returns403() =>
        AssertRejected("signing key not endorsed for the channel", "Bearer " + issuer.ChannelToken(key: issuer.WebChatOnlyKey), expected: HttpStatusCode.Forbidden);

    [Fact]
    public async Task Auth_KeyEndorsedForTheActivitysChannel_IsAccepted()
    {
        var (status, _, _) = await PostAsync("Bearer " + issuer.ChannelToken(key: issuer.WebChatOnlyKey), Activities.Message(channelId: "webchat"));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public Task Auth_TenantNotAllowed_Returns401() =>
        AssertRejected("tenant not allowed", "Bearer " + issuer.ChannelToken(), extraConfig: new() { ["Bot:AllowedTenants"] = "aaaaaaaa-0000-0000-0000-000000000000, bbbbbbbb-0000-0000-0000-000000000000" });

    [Fact]
    public async Task Auth_AppClockStartedInThePast_TokensAreStillCheckedOnRealTime()
    {
        // An app may run its own clock from 2024 for a demo (Clock__StartAt); a token issued now must still be valid.
        var appClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));
        var (status, _, _) = await PostAsync("Bearer " + issuer.ChannelToken(), services: s => s.AddSingleton<TimeProvider>(appClock));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public Task Auth_NoAllowedTenants_OnlyOurOwnTenantIsAccepted() =>
        AssertRejected("tenant not allowed", "Bearer " + issuer.ChannelToken(), Activities.Message(tenantId: "cccccccc-0000-0000-0000-000000000000"));

    [Fact]
    public async Task Auth_TenantInAllowedList_IsAccepted()
    {
        var (status, _, _) = await PostAsync("Bearer " + issuer.ChannelToken(), extraConfig: new() { ["Bot:AllowedTenants"] = "aaaaaaaa-0000-0000-0000-000000000000," + TestIssuer.TenantId });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public Task Auth_MetadataUnreachable_Returns401() =>
        AssertRejected("signing keys unavailable", "Bearer " + issuer.ChannelToken(), extraConfig: new() { ["Bot:Authentication:ChannelOpenIdMetadataUrl"] = "http://127.0.0.1:1/.well-known/openidconfiguration" });

    [Fact]
    public async Task Auth_AcceptedChannelActivity_TrustsItsServiceUrl()
    {
        var config = BotHost.AuthenticatedConfig(issuer);
        config["Bot:TrustedServiceUrls"] = "";
        const string serviceUrl = "https://smba.trafficmanager.net/emea/";
        await using var host = await BotHost.StartAsync(config, r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message));
        var trusted = (ITrustedServiceUrls)host.App.Services.GetService(typeof(ITrustedServiceUrls))!;
        Assert.False(trusted.IsTrusted(serviceUrl));
        using var response = await host.PostAsync(Activities.Message(serviceUrl: serviceUrl), "Bearer " + issuer.ChannelToken(serviceUrl: serviceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(trusted.IsTrusted(serviceUrl));
    }

    [Fact]
    public async Task Auth_RejectedActivity_DoesNotTrustItsServiceUrl()
    {
        var config = BotHost.AuthenticatedConfig(issuer);
        await using var host = await BotHost.StartAsync(config, r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message));
        var trusted = (ITrustedServiceUrls)host.App.Services.GetService(typeof(ITrustedServiceUrls))!;
        using var response = await host.PostAsync(Activities.Message(serviceUrl: "https://attacker.example/"), "Bearer " + issuer.ChannelToken(serviceUrl: "https://attacker.example/", key: issuer.UnknownKey));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(trusted.IsTrusted("https://attacker.example/"));
    }

    [Fact]
    public async Task Auth_RejectionLog_NeverContainsTheToken()
    {
        var token = issuer.ChannelToken(audience: "33333333-3333-3333-3333-333333333333");
        await using var host = await BotHost.StartAsync(BotHost.AuthenticatedConfig(issuer), r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message));
        using var response = await host.PostAsync(Activities.Message(text: "very private words"), "Bearer " + token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("wrong audience", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(token[..40], StringComparison.Ordinal) || e.Message.Contains("very private words", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_InDevelopmentWithoutAppId_AcceptsUnauthenticatedRequestsAndWarnsLoudly()
    {
        var recorder = new TurnRecorder();
        await using var host = await BotHost.StartAsync([], r => r.OnActivity<RecordingActivityHandler>(ActivityTypes.Message), "Development", services: s => TurnRecorder.Register(s, recorder));
        using var response = await host.PostAsync(Activities.Message());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await recorder.NextAsync();
        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("ANONYMOUS MODE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Anonymous_OutsideDevelopment_RefusesToStart(string environment)
    {
        var app = BotHost.Build([], r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message), environment, new ListLoggerProvider());
        await using (app)
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Bot__AppId", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Options_PlainHttpMetadataFromNonLoopbackHost_RefusesToStart()
    {
        var config = BotHost.AuthenticatedConfig(issuer);
        config["Bot:Authentication:ChannelOpenIdMetadataUrl"] = "http://metadata.example.com/.well-known/openidconfiguration";
        var app = BotHost.Build(config, r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message), "Production", new ListLoggerProvider());
        await using (app)
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("ChannelOpenIdMetadataUrl", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Options_SingleTenantWithoutSecretOrCertificate_RefusesToStartWithClearMessage()
    {
        var config = BotHost.AuthenticatedConfig(issuer);
        config.Remove("Bot:ClientSecret");
        var app = BotHost.Build(config, r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message), "Production", new ListLoggerProvider());
        await using (app)
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("UserAssignedMSI", ex.Message, StringComparison.Ordinal);
        }
    }

    // Entra-issued tokens: the calling app must be us or listed in Bot:AllowedCallers; ver is required (issue 14).

    [Fact]
    public Task Auth_EntraV2TokenFromAnUnrelatedApp_Returns403() =>
        AssertRejected("calling app not allowed", "Bearer " + issuer.EntraToken(TestIssuer.EntraIssuer, caller: "0badc0de-0000-0000-0000-000000000042"), expected: HttpStatusCode.Forbidden);

    [Fact]
    public Task Auth_EntraV1TokenFromAnUnrelatedApp_Returns403() =>
        AssertRejected("calling app not allowed", "Bearer " + issuer.EntraToken($"https://sts.windows.net/{TestIssuer.TenantId}/", caller: "0badc0de-0000-0000-0000-000000000042", version: "1.0"), expected: HttpStatusCode.Forbidden);

    [Fact]
    public Task Auth_EntraTokenWithoutVer_Returns403() =>
        AssertRejected("no ver claim", "Bearer " + issuer.EntraToken(TestIssuer.EntraIssuer, version: null), expected: HttpStatusCode.Forbidden);

    [Fact]
    public Task Auth_EntraV2TokenWithoutAzp_Returns403() =>
        AssertRejected("no calling app claim", "Bearer " + issuer.EntraToken(TestIssuer.EntraIssuer, caller: null), expected: HttpStatusCode.Forbidden);

    [Fact]
    public async Task Auth_EntraV1TokenFromOurOwnApp_IsAccepted()
    {
        var (status, _, _) = await PostAsync("Bearer " + issuer.EntraToken($"https://sts.windows.net/{TestIssuer.TenantId}/", version: "1.0"));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Auth_EntraTokenFromAnAllowedCaller_IsAccepted()
    {
        const string caller = "0badc0de-0000-0000-0000-000000000042";
        var (status, _, _) = await PostAsync("Bearer " + issuer.EntraToken(TestIssuer.EntraIssuer, caller: caller), extraConfig: new() { ["Bot:AllowedCallers"] = "aaaaaaaa-0000-0000-0000-000000000000, " + caller.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Auth_AcceptedEntraActivity_NeverTrustsItsServiceUrl()
    {
        // An Entra token proves who called, not where Teams is: its activity's serviceUrl must not become a place the
        // bot's token is sent to, even when the token carries a matching serviceurl claim.
        var config = BotHost.AuthenticatedConfig(issuer);
        config["Bot:TrustedServiceUrls"] = "";
        const string serviceUrl = "https://collector.example/";
        var recorder = new TurnRecorder();
        await using var host = await BotHost.StartAsync(config, r => r.OnActivity<RecordingActivityHandler>(ActivityTypes.Message), services: s => TurnRecorder.Register(s, recorder));
        var trusted = host.App.Services.GetRequiredService<ITrustedServiceUrls>();
        using var response = await host.PostAsync(Activities.Message(serviceUrl: serviceUrl), "Bearer " + issuer.EntraToken(TestIssuer.EntraIssuer, serviceUrl: serviceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await recorder.NextAsync();
        Assert.False(trusted.IsTrusted(serviceUrl));
    }

    [Fact]
    public async Task Options_AllowedCallerThatIsNotAGuid_RefusesToStart()
    {
        var config = BotHost.AuthenticatedConfig(issuer);
        config["Bot:AllowedCallers"] = "my-other-app";
        var app = BotHost.Build(config, r => r.OnActivity<OtherMessageHandler>(ActivityTypes.Message), "Production", new ListLoggerProvider());
        await using (app)
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Bot__AllowedCallers", ex.Message, StringComparison.Ordinal);
            Assert.Contains("my-other-app", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TrustedServiceUrls_RememberedListIsBounded_LeastRecentlyUsedGoesFirst()
    {
        var trusted = new TrustedServiceUrls(Options.Create(new BotOptions { TrustedServiceUrls = "" }));
        trusted.Remember("https://smba.trafficmanager.net/emea/");
        for (var i = 0; i < TrustedServiceUrls.MaxRemembered + 50; i++)
        {
            trusted.Remember($"https://host{i}.example/");
            Assert.True(trusted.IsTrusted("https://smba.trafficmanager.net/emea/")); // in use: kept
        }

        Assert.False(trusted.IsTrusted("https://host0.example/"));
        Assert.True(trusted.IsTrusted($"https://host{TrustedServiceUrls.MaxRemembered + 49}.example/"));
        var kept = Enumerable.Range(0, TrustedServiceUrls.MaxRemembered + 50).Count(i => trusted.IsTrusted($"https://host{i}.example/"));
        Assert.True(kept < TrustedServiceUrls.MaxRemembered, $"{kept} remembered");
    }

    // Channels (issue 14): never skip the endorsement check; outside Development only Bot:AllowedChannels.

    [Fact]
    public Task Auth_EmptyChannelId_Returns403() =>
        AssertRejected("no channelId", "Bearer " + issuer.ChannelToken(), Activities.Message(channelId: ""), expected: HttpStatusCode.Forbidden);

    [Fact]
    public Task Auth_ProductionWebChatActivity_Returns403() =>
        AssertRejected("channel not allowed", "Bearer " + issuer.ChannelToken(key: issuer.WebChatOnlyKey), Activities.Message(channelId: "webchat"), expected: HttpStatusCode.Forbidden, environment: "Production");

    [Fact]
    public async Task Auth_ProductionTeamsActivity_IsAccepted_AndOtherChannelsWhenListed()
    {
        var (teams, _, _) = await PostAsync("Bearer " + issuer.ChannelToken(), environment: "Production");
        Assert.Equal(HttpStatusCode.OK, teams);
        var (webchat, _, _) = await PostAsync("Bearer " + issuer.ChannelToken(key: issuer.WebChatOnlyKey), Activities.Message(channelId: "webchat"),
            new() { ["Bot:AllowedChannels"] = "msteams, webchat" }, environment: "Production");
        Assert.Equal(HttpStatusCode.OK, webchat);
    }
}
