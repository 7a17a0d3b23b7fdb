using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Manifest;

/// <summary>The built package (manifest/build-package.mjs): layout, substituted values, schema validity.</summary>
public sealed class AppPackageTests(BuiltPackageFixture package) : IClassFixture<BuiltPackageFixture>
{
    [Fact]
    public void Build_Succeeds()
    {
        Assert.True(package.BuildResult.ExitCode == 0, package.BuildResult.ToString());
    }

    [Fact]
    public void Package_HoldsManifestAndBothIcons_AtTheRoot()
    {
        Build_Succeeds();
        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Package_IconsAreTheCommittedFiles()
    {
        Build_Succeeds();
        Assert.Equal(File.ReadAllBytes(Repo.Path("manifest", "color.png")), package.Entries["color.png"]);
        Assert.Equal(File.ReadAllBytes(Repo.Path("manifest", "outline.png")), package.Entries["outline.png"]);
    }

    [Fact]
    public void Package_Manifest_HasIdsDomainAndUrlsSubstituted()
    {
        Build_Succeeds();
        var m = package.Manifest;
        Assert.Equal(BuiltPackageFixture.TeamsAppId, (string?)m["id"]);
        Assert.Equal(BuiltPackageFixture.BotAppId, (string?)m["bots"]![0]!["botId"]);
        Assert.Equal("1.4.2", (string?)m["version"]);
        Assert.Equal(BuiltPackageFixture.PrivacyUrl, (string?)m["developer"]!["privacyUrl"]);
        Assert.Equal(BuiltPackageFixture.TermsUrl, (string?)m["developer"]!["termsOfUseUrl"]);
        Assert.Equal($"https://{BuiltPackageFixture.BotDomain}/", (string?)m["developer"]!["websiteUrl"]);
        Assert.Contains(BuiltPackageFixture.BotDomain, m["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.DoesNotContain("${{", m.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_PassesTheTeamsV130Schema_Offline()
    {
        Build_Succeeds();
        var result = await ProcessRunner.NodeAsync(["manifest/validate.mjs", package.ZipPath]);
        var verdict = ParseVerdict(result);
        Assert.True((bool)verdict["valid"]!, result.ToString());
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", (string?)verdict["schema"]);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Validator_RejectsABrokenManifest_WithSchemaMessages()
    {
        Build_Succeeds();
        var broken = package.Manifest.DeepClone().AsObject();
        broken["id"] = "not-a-guid";
        broken["name"]!["short"] = new string('x', 31);
        broken.Remove("accentColor");
        var path = Path.Combine(Path.GetTempPath(), $"govbot-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, broken.ToJsonString());
        try
        {
            var result = await ProcessRunner.NodeAsync(["manifest/validate.mjs", path]);
            var verdict = ParseVerdict(result);
            var errors = string.Join('\n', verdict["errors"]!.AsArray().Select(e => (string?)e));
            Assert.False((bool)verdict["valid"]!);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("accentColor", errors, StringComparison.Ordinal);
            Assert.Contains("/id must match pattern", errors, StringComparison.Ordinal);
            Assert.Contains("/name/short must NOT have more than 30 characters", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonObject ParseVerdict(ProcessResult result)
    {
        try
        {
            return JsonNode.Parse(result.StdOut.Trim())!.AsObject();
        }
        catch (JsonException)
        {
            Assert.Fail($"validate.mjs did not print its JSON verdict.\n{result}");
            throw;
        }
    }
}
