using System.Text.Json.Nodes;
using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Infra;

/// <summary>
/// Runs the Bicep CLI once per command for all Bicep tests (each run costs ~2-3 s of CPU): build, lint of the
/// template and both parameter files, and snapshots of both environments. The snapshots are written into a temp copy
/// of infra/, so the working tree stays clean.
/// </summary>
public sealed class BicepFixture : IAsyncLifetime
{
    public const string PmoGroupId = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000a001";
    public const string TenantId = "00000000-0000-0000-0000-00000000a002";

    private readonly string _workDir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "govbot-bicep-" + Guid.NewGuid().ToString("N"));

    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["GOVBOT_PMO_GROUP_ID"] = PmoGroupId,
        // A throw-away key for compiling the templates in tests; deployments supply their own (docs/notices.md).
        ["GOVBOT_NOTICE_LINK_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    };

    public ProcessResult Build { get; private set; } = null!;

    public Dictionary<string, ProcessResult> Lint { get; } = [];

    public Dictionary<string, ProcessResult> Snapshot { get; } = [];

    public static readonly string[] Environments = ["dev", "prod"];

    public async Task InitializeAsync()
    {
        CopyDirectory(Repo.Path("infra"), _workDir);
        Build = await BicepCli.RunAsync(["build", "main.bicep", "--stdout"], _workDir, Environment);
        foreach (var file in new[] { "main.bicep", "parameters/dev.bicepparam", "parameters/prod.bicepparam" })
        {
            Lint[file] = await BicepCli.RunAsync(["lint", file, "--diagnostics-format", "sarif"], _workDir, Environment);
        }

        foreach (var env in Environments)
        {
            Snapshot[env] = await BicepCli.RunAsync(
                ["snapshot", $"parameters/{env}.bicepparam", "--mode", "overwrite",
                 "--subscription-id", SubscriptionId, "--resource-group", $"rg-govbot-{env}",
                 "--location", "uksouth", "--tenant-id", TenantId],
                _workDir,
                Environment);
        }
    }

    public JsonObject SnapshotJson(string env)
    {
        var run = Snapshot[env];
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(_workDir, "parameters", $"{env}.snapshot.json")))!.AsObject();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_workDir))
        {
            Directory.Delete(_workDir, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith(".snapshot.json", StringComparison.Ordinal))
            {
                File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)));
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepFixture>
{
    public const string Name = "Bicep";
}
