using GovBot.Clock;
using GovBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Storage;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("test-run", "Storage:TablePrefix 'test-run' is not valid: use letters and digits only")]
    [InlineData("1abc", "starting with a letter")]
    [InlineData("t_x", "Storage:TablePrefix 't_x' is not valid")]
    public async Task BadTablePrefix_StartFailsWithClearMessage(string prefix, string expected)
    {
        var message = await StartFailureAsync(new() { ["Storage:TablePrefix"] = prefix });

        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task OverlongTablePrefix_StartFailsWithClearMessage()
    {
        var message = await StartFailureAsync(new() { ["Storage:TablePrefix"] = "t" + new string('a', 60) });

        Assert.Contains("at most 47 are allowed", message);
    }

    [Fact]
    public async Task NoConnectionStringAndNoEndpoint_StartFails()
    {
        var message = await StartFailureAsync(new() { ["Storage:ConnectionString"] = "" });

        Assert.Contains("Storage:ConnectionString is empty and Storage:TableEndpoint is not set", message);
    }

    [Theory]
    [InlineData("Storage:NetworkTimeout", "00:00:00.01", "Storage:NetworkTimeout must be between 100 ms and 5 minutes")]
    [InlineData("Storage:MaxRetries", "-1", "Storage:MaxRetries must be 0-10")]
    [InlineData("Storage:MaxRetryDelay", "00:00:00.1", "Storage:MaxRetryDelay must be at least RetryDelay")]
    public async Task BadStorageRetrySettings_StartFailsWithClearMessage(string key, string value, string expected)
    {
        var message = await StartFailureAsync(new() { [key] = value });

        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("6 March 2024")]
    [InlineData("2024-03-06T09:00:00")]
    [InlineData("2024-13-06T09:00:00Z")]
    public async Task BadClockStartAt_StartFailsWithClearMessage(string startAt)
    {
        var message = await StartFailureAsync(new() { ["Clock:StartAt"] = startAt });

        Assert.Contains($"Clock:StartAt '{startAt}' is not an ISO 8601 instant with an offset", message);
    }

    [Theory]
    [InlineData("2024-03-06T09:00:00Z")]
    [InlineData("2024-03-06T09:00:00+00:00")]
    [InlineData("2024-07-01T10:00:00+01:00")]
    public void GoodClockStartAt_ClockStartsThere(string startAt)
    {
        using var services = Build(new() { ["Clock:StartAt"] = startAt });

        var clock = services.GetRequiredService<TimeProvider>();

        var expected = DateTimeOffset.Parse(startAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsType<StartAtTimeProvider>(clock);
        Assert.InRange(clock.GetUtcNow() - expected, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void NoClockStartAt_SystemClock()
    {
        using var services = Build([]);

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void TableEndpoint_UsesManagedIdentityClientForThatAccount()
    {
        using var services = Build(new() { ["Storage:TableEndpoint"] = "https://govbotprod.table.core.windows.net" });

        var tables = services.GetRequiredService<GovBotTables>();

        Assert.Equal("govbotprod", tables.Service.AccountName);
    }

    [Fact]
    public void BlobEndpoint_UsesManagedIdentityClient_NeverAKey()
    {
        // A connection string with a key is configured too: the endpoint must win, and the client must hold no key.
        using var services = Build(new()
        {
            ["Storage:BlobEndpoint"] = "https://govbotprod.blob.core.windows.net",
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=https;AccountName=other;AccountKey={Testing.AzuriteProcess.DevKey};EndpointSuffix=core.windows.net",
        });

        var blobs = services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>();

        Assert.Equal("govbotprod", blobs.AccountName);
        Assert.Equal(new Uri("https://govbotprod.blob.core.windows.net"), blobs.Uri);
        Assert.False(blobs.CanGenerateAccountSasUri); // only a shared-key client can sign: this one has a token credential
    }

    [Fact]
    public async Task Production_WithManagedIdentityTables_ButNoBlobEndpoint_StartFails()
    {
        var message = await StartFailureAsync(new()
        {
            ["Storage:TableEndpoint"] = "https://govbotprod.table.core.windows.net",
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=https;AccountName=govbotprod;AccountKey={Testing.AzuriteProcess.DevKey};EndpointSuffix=core.windows.net",
        });

        Assert.Contains("Storage:BlobEndpoint is not set: in Production blobs are reached only through the managed identity", message);
    }

    [Fact]
    public async Task BadBlobEndpoint_StartFails()
    {
        var message = await StartFailureAsync(new() { ["Storage:BlobEndpoint"] = "ftp://govbotprod.blob.core.windows.net" });

        Assert.Contains("Storage:BlobEndpoint must be an absolute http(s) URL", message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddGovBotClock(configuration);
        services.AddGovBotStorage(configuration);
        services.AddSingleton(GovBotFeatures.Tables);
        return services.BuildServiceProvider();
    }

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddGovBotClock(builder.Configuration);
        builder.Services.AddGovBotStorage(builder.Configuration);
        builder.Services.AddSingleton(GovBotFeatures.Tables);
        using var host = builder.Build();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        var validation = e as OptionsValidationException
                         ?? (e as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        return validation.Message;
    }
}
