using System.Text.Json.Nodes;
using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Infra;

/// <summary>bicep build and bicep lint are clean: no errors and no warnings (warnings exit 0, so the SARIF is read).</summary>
[Collection(BicepCollection.Name)]
public sealed class BicepLintTests(BicepFixture bicep)
{
    [Fact]
    public void Build_ProducesAnArmTemplate_WithoutDiagnostics()
    {
        Assert.True(bicep.Build.ExitCode == 0, bicep.Build.ToString());
        Assert.True(string.IsNullOrWhiteSpace(bicep.Build.StdErr), bicep.Build.StdErr);
        var template = JsonNode.Parse(bicep.Build.StdOut)!;
        Assert.StartsWith("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json", (string?)template["$schema"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("parameters/dev.bicepparam")]
    [InlineData("parameters/prod.bicepparam")]
    public void Lint_ReportsNothing(string file)
    {
        var run = bicep.Lint[file];
        Assert.True(run.ExitCode == 0, run.ToString());
        var sarif = JsonNode.Parse(run.StdOut)!;
        var results = sarif["runs"]!.AsArray().SelectMany(r => r!["results"]!.AsArray()).ToList();
        Assert.True(results.Count == 0, $"{file} has lint diagnostics:\n{string.Join('\n', results.Select(r => r!.ToJsonString()))}");
    }

    [Fact]
    public async Task ProdParameters_RefuseToCompile_WithoutThePmoGroup()
    {
        var run = await BicepCli.RunAsync(
            ["build-params", Repo.Path("infra", "parameters", "prod.bicepparam"), "--stdout"],
            environment: new Dictionary<string, string?> { ["GOVBOT_PMO_GROUP_ID"] = null });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("GOVBOT_PMO_GROUP_ID", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Parameters_RefuseToCompile_WithoutTheNoticeLinkKey(string environment)
    {
        var run = await BicepCli.RunAsync(
            ["build-params", Repo.Path("infra", "parameters", $"{environment}.bicepparam"), "--stdout"],
            environment: new Dictionary<string, string?> { ["GOVBOT_PMO_GROUP_ID"] = BicepFixture.PmoGroupId, ["GOVBOT_NOTICE_LINK_KEY"] = null });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("GOVBOT_NOTICE_LINK_KEY", run.StdErr, StringComparison.Ordinal);
    }
}
