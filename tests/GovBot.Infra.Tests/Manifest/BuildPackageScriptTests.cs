using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Manifest;

/// <summary>manifest/build-package.mjs refuses to build a package that Teams would reject or that points at the wrong bot.</summary>
public sealed class BuildPackageScriptTests
{
    [Fact]
    public async Task MissingValues_FailWithOneMessageNamingEach()
    {
        var env = BuiltPackageFixture.Environment(("BOT_APP_ID", null), ("PRIVACY_URL", null), ("BOT_DOMAIN", ""));
        var result = await BuildAsync(env);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("BOT_APP_ID is missing", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("PRIVACY_URL is missing", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("BOT_DOMAIN is missing", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("TERMS_URL", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BOT_APP_ID", "govbot")]
    [InlineData("TEAMS_APP_ID", "1234-5678")]
    [InlineData("BOT_APP_ID", "6f1d2c3b4a594e879d102b3c4d5e6f70")]
    public async Task NonGuidIds_AreRejected(string name, string value)
    {
        var result = await BuildAsync(BuiltPackageFixture.Environment((name, value)));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{name} must be a GUID", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PRIVACY_URL", "http://example.org/privacy", "must be an https:// URL")]
    [InlineData("BOT_DOMAIN", "https://govbot.azurewebsites.net/api/messages", "must be a host name")]
    [InlineData("APP_VERSION", "v2", "must look like 1.2.3")]
    public async Task MalformedValues_AreRejected(string name, string value, string message)
    {
        var result = await BuildAsync(BuiltPackageFixture.Environment((name, value)));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{name} {message}", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLineOptions_WinOverTheEnvironment()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "govbot-manifest-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await ProcessRunner.NodeAsync(
                ["manifest/build-package.mjs", "--out", outDir, "--bot-app-id", "11111111-2222-3333-4444-555555555555"],
                BuiltPackageFixture.Environment(("BOT_APP_ID", "not-a-guid")));

            Assert.True(result.ExitCode == 0, result.ToString());
            var manifest = await File.ReadAllTextAsync(Path.Combine(outDir, "manifest.json"));
            Assert.Contains("\"botId\": \"11111111-2222-3333-4444-555555555555\"", manifest, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    private static async Task<ProcessResult> BuildAsync(Dictionary<string, string?> env)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "govbot-manifest-" + Guid.NewGuid().ToString("N"));
        var result = await ProcessRunner.NodeAsync(["manifest/build-package.mjs", "--out", outDir], env);
        Assert.False(File.Exists(Path.Combine(outDir, "govbot.zip")), "no package may be written when a value is wrong");
        return result;
    }
}
