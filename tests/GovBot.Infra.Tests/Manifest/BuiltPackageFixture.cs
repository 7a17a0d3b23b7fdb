using System.IO.Compression;
using System.Text.Json.Nodes;
using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Manifest;

/// <summary>Builds the Teams app package once (node manifest/build-package.mjs) into a temp folder with known values.</summary>
public sealed class BuiltPackageFixture : IAsyncLifetime
{
    public const string BotAppId = "6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70";
    public const string TeamsAppId = "0c8e7f6a-5b4c-4d3e-8f21-a1b2c3d4e5f6";
    public const string BotDomain = "app-govbot-test.azurewebsites.net";
    public const string PrivacyUrl = "https://example.org/govbot/privacy";
    public const string TermsUrl = "https://example.org/govbot/terms";

    private readonly string _outDir = Path.Combine(Path.GetTempPath(), "govbot-manifest-" + Guid.NewGuid().ToString("N"));

    public string ZipPath => Path.Combine(_outDir, "govbot.zip");

    public ProcessResult BuildResult { get; private set; } = null!;

    public IReadOnlyDictionary<string, byte[]> Entries { get; private set; } = new Dictionary<string, byte[]>();

    public JsonObject Manifest { get; private set; } = null!;

    public static Dictionary<string, string?> Environment(params (string Name, string? Value)[] overrides)
    {
        var env = new Dictionary<string, string?>
        {
            ["BOT_APP_ID"] = BotAppId,
            ["TEAMS_APP_ID"] = TeamsAppId,
            ["BOT_DOMAIN"] = BotDomain,
            ["PRIVACY_URL"] = PrivacyUrl,
            ["TERMS_URL"] = TermsUrl,
            ["WEBSITE_URL"] = null,
            ["APP_VERSION"] = null,
        };
        foreach (var (name, value) in overrides)
        {
            env[name] = value;
        }

        return env;
    }

    public async Task InitializeAsync()
    {
        Repo.RequireNodeModules("@microsoft/app-manifest");
        BuildResult = await ProcessRunner.NodeAsync(
            ["manifest/build-package.mjs", "--out", _outDir, "--app-version", "1.4.2"], Environment());
        if (BuildResult.ExitCode != 0)
        {
            return; // the tests report BuildResult
        }

        using var zip = ZipFile.OpenRead(ZipPath);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        Entries = entries;
        if (entries.TryGetValue("manifest.json", out var manifest))
        {
            Manifest = JsonNode.Parse(manifest)!.AsObject();
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_outDir))
        {
            Directory.Delete(_outDir, recursive: true);
        }

        return Task.CompletedTask;
    }
}
