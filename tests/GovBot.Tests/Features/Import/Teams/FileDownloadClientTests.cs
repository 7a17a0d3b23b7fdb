using System.Net;
using GovBot.Features.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Features.Import;

/// <summary>
/// The file download client against a real server on 127.0.0.1 (plain http, allowed only through the test-only
/// registration): allow-listed hosts only, every redirect re-checked, non-public addresses refused after DNS.
/// </summary>
public sealed class FileDownloadClientTests : IAsyncLifetime
{
    private WebApplication? _server;
    private int _secretHits;

    private string Base => _server!.Urls.First().TrimEnd('/');
    private int Port => new Uri(Base).Port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/file", () => Results.Text("the papers"));
        _server.MapGet("/secret", () =>
        {
            Interlocked.Increment(ref _secretHits);
            return Results.Text("internal");
        });
        _server.MapGet("/to-file", () => Results.Redirect("/file"));
        _server.MapGet("/to-forbidden-host", () => Results.Redirect("https://files.example.com/secret"));
        _server.MapGet("/to-localhost", () => Results.Redirect($"https://localhost:{Port}/secret"));
        _server.MapGet("/to-metadata", () => Results.Redirect("https://169.254.169.254/metadata/instance"));
        _server.MapGet("/loop", () => Results.Redirect("/loop"));
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private static ServiceProvider Services(string environment = "Development", bool loopbackForTests = true, string? allowedHosts = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        services.AddOptions<FileDownloadOptions>().Configure(o =>
        {
            if (allowedHosts is not null) o.AllowedHosts = allowedHosts;
        });
        services.AddHttpClient(FileDownloadClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(FileDownloadClient.CreateHandler);
        services.AddSingleton<FileDownloadClient>();
        if (loopbackForTests) services.AddSingleton(new FileDownloadLoopbackForTestsOnly());
        return services.BuildServiceProvider();
    }

    private static Task<FileDownload> Download(ServiceProvider services, string url) =>
        services.GetRequiredService<FileDownloadClient>().DownloadAsync(url, 1024 * 1024, CancellationToken.None);

    [Fact]
    public async Task AllowedServer_AndARedirectOnIt_AreDownloaded()
    {
        await using var services = Services();
        Assert.Equal("the papers", System.Text.Encoding.UTF8.GetString((await Download(services, Base + "/file")).Bytes!));
        Assert.Equal("the papers", System.Text.Encoding.UTF8.GetString((await Download(services, Base + "/to-file")).Bytes!));
    }

    [Fact]
    public async Task RedirectToAHostNotOnTheList_IsNotFollowed()
    {
        await using var services = Services();
        var download = await Download(services, Base + "/to-forbidden-host");
        Assert.Equal(FileDownloadProblem.NotAllowed, download.Problem);
        Assert.Equal("files.example.com", download.Detail);
    }

    [Fact]
    public async Task RedirectToAnAllowedNameThatResolvesToLoopback_IsRefusedAfterDns()
    {
        await using var services = Services(allowedHosts: "localhost,*.sharepoint.com");
        var download = await Download(services, Base + "/to-localhost");
        Assert.Equal(FileDownloadProblem.NotAllowed, download.Problem);
        Assert.Contains("non-public address", download.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _secretHits);
    }

    [Fact]
    public async Task RedirectToTheCloudMetadataAddress_IsRefused()
    {
        await using var services = Services();
        var download = await Download(services, Base + "/to-metadata");
        Assert.Equal(FileDownloadProblem.NotAllowed, download.Problem);
    }

    [Fact]
    public async Task WithoutTheTestRegistration_LoopbackIsRefused_EvenWhenItsNameIsAllowed()
    {
        await using var services = Services(loopbackForTests: false, allowedHosts: "localhost");
        Assert.Equal(FileDownloadProblem.NotHttps, (await Download(services, Base + "/file")).Problem);
        var byName = await Download(services, $"https://localhost:{Port}/secret");
        Assert.Equal(FileDownloadProblem.NotAllowed, byName.Problem);
        Assert.Equal(0, _secretHits);
    }

    [Fact]
    public async Task EndlessRedirects_StopAtTheLimit()
    {
        await using var services = Services();
        var download = await Download(services, Base + "/loop");
        Assert.Equal(FileDownloadProblem.Failed, download.Problem);
        Assert.Equal("too many redirects", download.Detail);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task TheTestRegistration_IsRefusedOutsideDevelopment(string environment)
    {
        await using var services = Services(environment);
        var ex = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<FileDownloadClient>());
        Assert.Contains("tests only", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.0.10")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("168.63.129.16")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void NonPublicAddresses_AreForbidden(string address) => Assert.True(FileDownloadClient.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("52.104.1.1")]
    [InlineData("13.107.136.9")]
    [InlineData("2603:1000:4::10")]
    public void PublicAddresses_AreNot(string address) => Assert.False(FileDownloadClient.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("contoso-my.sharepoint.com", true)]
    [InlineData("CONTOSO.SharePoint.com.", true)]
    [InlineData("agency.sharepoint.us", true)]
    [InlineData("sharepoint.com", false)]
    [InlineData("evilsharepoint.com", false)]
    [InlineData("contoso.sharepoint.com.evil.example", false)]
    [InlineData("files.example.com", false)]
    public void DefaultAllowList(string host, bool allowed) => Assert.Equal(allowed, new FileDownloadOptions().IsAllowedHost(host));

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("*")]
    [InlineData("*.*.example.com")]
    [InlineData(" , ")]
    public void BadAllowList_IsReportedAtStart(string hosts)
    {
        var result = new FileDownloadOptionsValidator().Validate(null, new FileDownloadOptions { AllowedHosts = hosts });
        Assert.True(result.Failed);
        Assert.Contains("FileImport:AllowedHosts", result.FailureMessage, StringComparison.Ordinal);
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "GovBot.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
