using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Hosting;

/// <summary>The settings infra/main.bicep gives the App Service: managed identity everywhere, no secrets. Checked by configuration validation, not by reaching Azure.</summary>
public class ProductionConfigurationTests
{
    private static Dictionary<string, string?> AzureSettings() => new()
    {
        ["Bot:AppId"] = "6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70",
        ["Bot:TenantId"] = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        ["Bot:AppType"] = "UserAssignedMSI",
        ["AZURE_CLIENT_ID"] = "6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70",
        ["Storage:TableEndpoint"] = "https://govbotprod.table.core.windows.net",
        ["Storage:QueueEndpoint"] = "https://govbotprod.queue.core.windows.net",
        ["Storage:BlobEndpoint"] = "https://govbotprod.blob.core.windows.net",
        ["Storage:TablePrefix"] = "govbot",
        ["Storage:ConnectionString"] = "",
        ["Directory:Source"] = "Graph",
        ["Pmo:GroupId"] = "0b6c7d2e-1111-4a2b-8c3d-9e8f7a6b5c4d",
        ["Notices:LinkSigningKey"] = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
        ["Notices:PublicBaseUrl"] = "https://app-govbot-prod.azurewebsites.net/",
    };

    private static WebApplicationFactory<Program> App(Dictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        });

    [Fact]
    public async Task ManagedIdentityConfiguration_Starts_AndIsLive()
    {
        await using var app = App(AzureSettings());
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Bot:AppId", "", "Bot:AppId")]
    [InlineData("Bot:AppType", "MultiTenant", "AppType")]
    [InlineData("Pmo:GroupId", "pmo-team", "Pmo:GroupId")]
    [InlineData("Directory:Source", "LDAP", "Directory:Source")]
    [InlineData("Notices:LinkSigningKey", "", "Notices:LinkSigningKey")]
    [InlineData("Notices:LinkSigningKey", "c2hvcnQ=", "Notices:LinkSigningKey")]
    public void BadProductionConfiguration_FailsAtStart_WithAClearMessage(string key, string value, string named)
    {
        var settings = AzureSettings();
        settings[key] = value;
        using var app = App(settings);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
            ?? throw new Xunit.Sdk.XunitException($"expected an options validation error, got {error}");
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }
}
