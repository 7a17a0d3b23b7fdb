using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using GovBot.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GovBot.Tests.Observability;

public class GovBotTelemetryTests
{
    [Fact]
    public async Task WithoutConnectionString_TracesAndMetricsAreSetUp_ButNothingIsExported()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "";
        builder.AddGovBotTelemetry();
        await using var app = builder.Build();

        Assert.False(GovBotTelemetry.UsesAzureMonitor(app.Configuration));
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void ConnectionString_TurnsOnAzureMonitor_WithTheManagedIdentityFromTheAuthenticationString()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=AAD;ClientId=6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70",
        }).Build();
        var options = new AzureMonitorExporterOptions();

        GovBotTelemetry.ConfigureAzureMonitor(options, configuration);

        Assert.True(GovBotTelemetry.UsesAzureMonitor(configuration));
        Assert.StartsWith("InstrumentationKey=", options.ConnectionString, StringComparison.Ordinal);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70")]
    public void EntraCredential_OnlyForAadAuthorization(string? authenticationString)
    {
        Assert.Null(GovBotTelemetry.EntraCredential(authenticationString));
    }

    [Theory]
    [InlineData("Authorization=AAD")]
    [InlineData("Authorization=aad; ClientId=6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70")]
    public void EntraCredential_IsAManagedIdentity(string authenticationString)
    {
        Assert.IsType<ManagedIdentityCredential>(GovBotTelemetry.EntraCredential(authenticationString));
    }
}
