using System.Net;
using GovBot.Tests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace GovBot.Tests.Hosting;

public sealed class HealthEndpointTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task Readyz_StorageReachable_200()
    {
        using var factory = App(Azurite.ConnectionString);
        using var client = factory.CreateClient();

        var ready = await WaitUntilReadyAsync(client);
        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Readyz_IsNotReadyUntilTheSampleDataIsLoaded()
    {
        using var factory = App(Azurite.ConnectionString, seed: true);
        using var client = factory.CreateClient();

        var ready = await WaitUntilReadyAsync(client);

        // The first 200 comes only after start-up loaded the data: a question asked now has answers.
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.False(await new GovBot.Features.Groups.GroupStore(Tables).IsEmptyAsync(CancellationToken.None));
    }

    private static async Task<HttpResponseMessage> WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline) return response;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Readyz_StorageOnClosedPort_503WithGenericBody_WhileHealthzStays200()
    {
        var port = AzuriteFixture.FreePort();
        var closed = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                     "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                     $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        using var factory = App(closed);
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", body);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private WebApplicationFactory<Program> App(string connectionString, bool seed = false) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:TablePrefix"] = Prefix,
                ["SampleData:SeedWhenEmpty"] = seed ? "true" : "false",
            }));
        });
}

public sealed class StartupSeedingTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    public async Task EmptyStorage_SeededAtStartOnlyWhenEnabled(string environment, string? seedWhenEmpty, bool expectSeeded)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = Prefix,
        };
        if (seedWhenEmpty is not null) settings["SampleData:SeedWhenEmpty"] = seedWhenEmpty;
        if (environment != "Development")
        {
            // Outside Development the bot must have an identity (anonymous mode is refused); no token is fetched at start.
            settings["Bot:AppId"] = "6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70";
            settings["Bot:TenantId"] = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
            settings["Bot:AppType"] = "UserAssignedMSI";
            settings["Notices:LinkSigningKey"] = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
            settings["Notices:PublicBaseUrl"] = "https://govbot.example/";
        }
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        });
        using var client = factory.CreateClient();
        var groups = new GovBot.Features.Groups.GroupStore(Tables);

        var seeded = false;
        for (var i = 0; i < 40 && !seeded; i++)
        {
            seeded = !await groups.IsEmptyAsync(CancellationToken.None);
            if (!seeded) await Task.Delay(100);
        }

        Assert.Equal(expectSeeded, seeded);
        if (expectSeeded)
        {
            Assert.Equal(GovBot.SampleData.MhhsSampleData.Build().Groups.Count, (await groups.ListAsync(CancellationToken.None)).Count);
        }
    }
}
