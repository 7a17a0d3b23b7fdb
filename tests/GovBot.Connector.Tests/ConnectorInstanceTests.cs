using GovBot.Connector.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Connector.Tests;

/// <summary>
/// Every connector request names the sending instance in its User-Agent, so that with several instances on one
/// storage account (App Service scale-out) a send is traced to the instance that made it.
/// </summary>
public sealed class ConnectorInstanceTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    private static async Task<string?> UserAgentOfASendAsync(Dictionary<string, string?> settings)
    {
        string? userAgent = null;
        var handler = new FakeHttpHandler();
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        services.AddBotConnector(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _ => { });
        services.AddHttpClient(BotConnectorServiceCollectionExtensions.ConnectorHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new CapturingHandler(handler, ua => userAgent = ua));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectorClient>();
        await client.SendToConversationAsync(ServiceUrl, "19:general@thread.tacv2", Activity.Message("hello"), CancellationToken.None);
        Assert.Single(handler.Requests);
        return userAgent;
    }

    [Fact]
    public async Task TheUserAgentNamesAppServicesInstanceId()
    {
        var userAgent = await UserAgentOfASendAsync(new() { ["WEBSITE_INSTANCE_ID"] = "4f0c9e6b1a2d" });

        Assert.Equal("GovBot/1.0 (instance 4f0c9e6b1a2d)", userAgent);
        Assert.Equal("4f0c9e6b1a2d", ConnectorInstance.FromUserAgent(userAgent));
    }

    [Fact]
    public async Task WithoutAnInstanceId_TheMachineNameIsUsed()
    {
        var userAgent = await UserAgentOfASendAsync([]);

        Assert.Equal(ConnectorInstance.Name(new ConfigurationBuilder().Build()), ConnectorInstance.FromUserAgent(userAgent));
        Assert.Equal(new string(Environment.MachineName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').Take(64).ToArray()), ConnectorInstance.FromUserAgent(userAgent));
    }

    [Theory]
    [InlineData("a b(c)d", "abcd")]
    [InlineData("((()))", "unknown")]
    public void OnlySafeCharactersAreKept(string raw, string expected) =>
        Assert.Equal(expected, ConnectorInstance.Name(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WEBSITE_INSTANCE_ID"] = raw }).Build()));

    /// <summary>Reads the User-Agent as it goes on the wire (the client's default headers are applied by then).</summary>
    private sealed class CapturingHandler(HttpMessageHandler inner, Action<string?> seen) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen(request.Headers.UserAgent.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
