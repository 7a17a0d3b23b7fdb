using System.Text.Json;
using GovBot.Connector.Authentication;
using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Connector.Tests;

/// <summary>
/// A token that passed the full check is reused for the next activities (Teams sends one connector token with many),
/// but never beyond what the full check would accept, and never instead of the checks against each activity.
/// </summary>
public sealed class ValidatedTokenCacheTests(TestIssuer issuer) : IClassFixture<TestIssuer>
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private BotAuthenticator Authenticator(TimeSpan? cacheTime = null, string environment = "Development")
    {
        var options = new BotOptions
        {
            AppId = TestIssuer.AppId,
            TenantId = TestIssuer.TenantId,
            AppType = "SingleTenant",
        };
        options.Authentication.ChannelOpenIdMetadataUrl = issuer.ChannelMetadataUrl;
        options.Authentication.EntraOpenIdMetadataUrl = issuer.EntraMetadataUrl;
        options.Authentication.ValidatedTokenCacheTime = cacheTime ?? options.Authentication.ValidatedTokenCacheTime;
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var host = new HostingEnvironment { EnvironmentName = environment };
        return new BotAuthenticator(Options.Create(options), host, http, _time, NullLogger<BotAuthenticator>.Instance);
    }

    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, ConnectorJsonContext.Default.Activity)!;

    [Fact]
    public async Task CachedToken_StillRefused_WhenTheActivitysServiceUrlDiffers()
    {
        var auth = Authenticator();
        var header = "Bearer " + issuer.ChannelToken();
        var first = await auth.ValidateTokenAsync(header, default);
        Assert.True(auth.Authorize(first, Parse(Activities.Message())).Succeeded);

        var second = await auth.ValidateTokenAsync(header, default);
        Assert.Same(first, second); // served from the cache
        var refused = auth.Authorize(second, Parse(Activities.Message(serviceUrl: "https://attacker.example/amer/")));
        Assert.False(refused.Succeeded);
        Assert.Equal("serviceurl claim mismatch", refused.Failure);
    }

    [Fact]
    public async Task CachedToken_StillRefused_ForAnotherTenantOrAChannelNotAllowed()
    {
        var auth = Authenticator(environment: "Production");
        var header = "Bearer " + issuer.ChannelToken();
        var first = await auth.ValidateTokenAsync(header, default);
        Assert.True(first.Succeeded);
        var cached = await auth.ValidateTokenAsync(header, default);
        Assert.Same(first, cached);

        Assert.True(auth.Authorize(cached, Parse(Activities.Message())).Succeeded);
        Assert.Equal("tenant not allowed", auth.Authorize(cached, Parse(Activities.Message(tenantId: "cccccccc-0000-0000-0000-000000000000"))).Failure);
        var webchat = auth.Authorize(cached, Parse(Activities.Message(channelId: "webchat")));
        Assert.Equal(("channel not allowed", 403), (webchat.Failure, webchat.FailureStatus));
    }

    [Fact]
    public async Task CachedToken_AfterItsExpiry_IsRefused_WhateverTheCacheTime()
    {
        var auth = Authenticator(cacheTime: TimeSpan.FromHours(1));
        var header = "Bearer " + issuer.ChannelToken(expires: _time.GetUtcNow().UtcDateTime.AddMinutes(2));
        Assert.True((await auth.ValidateTokenAsync(header, default)).Succeeded);

        // Past the expiry and the 5 minutes of clock skew the full check allows.
        _time.Advance(TimeSpan.FromMinutes(2 + 5) + TimeSpan.FromSeconds(1));
        var later = await auth.ValidateTokenAsync(header, default);
        Assert.False(later.Succeeded);
        Assert.Equal("token expired", later.Result.Failure);
    }

    [Fact]
    public async Task CachedToken_AfterTheCacheTime_IsCheckedInFullAgain()
    {
        var auth = Authenticator(cacheTime: TimeSpan.FromMinutes(5));
        var header = "Bearer " + issuer.ChannelToken();
        var first = await auth.ValidateTokenAsync(header, default);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Same(first, await auth.ValidateTokenAsync(header, default));

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var again = await auth.ValidateTokenAsync(header, default);
        Assert.True(again.Succeeded);
        Assert.NotSame(first, again);
    }

    [Fact]
    public async Task AlteredToken_IsNotServedFromTheCache()
    {
        var auth = Authenticator();
        var token = issuer.ChannelToken();
        Assert.True((await auth.ValidateTokenAsync("Bearer " + token, default)).Succeeded);

        // Same header and payload, a different signature: the cache key covers the whole token.
        var last = token[^2] == 'A' ? 'B' : 'A';
        var altered = token[..^2] + last + token[^1];
        var result = await auth.ValidateTokenAsync("Bearer " + altered, default);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task CacheTimeZero_ChecksEveryTokenInFull()
    {
        var auth = Authenticator(cacheTime: TimeSpan.Zero);
        var header = "Bearer " + issuer.ChannelToken();
        var first = await auth.ValidateTokenAsync(header, default);
        var second = await auth.ValidateTokenAsync(header, default);
        Assert.True(second.Succeeded);
        Assert.NotSame(first, second);
    }
}
