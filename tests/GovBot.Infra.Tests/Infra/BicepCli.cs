using System.Reflection;
using System.Runtime.InteropServices;
using GovBot.Infra.Tests.Support;

namespace GovBot.Infra.Tests.Infra;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, which restore downloads for this project
/// (PackageDownload in the .csproj). The packages folder is baked into the assembly at build time (NuGetPackageRoot).
/// </summary>
public static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    private static readonly Lazy<string> LazyPath = new(Locate);

    public static string Path => LazyPath.Value;

    public static Task<ProcessResult> RunAsync(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        return ProcessRunner.RunAsync(Path, args, workingDirectory, env, TimeSpan.FromMinutes(3));
    }

    private static string Locate()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException($"Only the linux-x64 Bicep CLI is on our NuGet mirror; this is {RuntimeInformation.RuntimeIdentifier}.");
        }

        var metadata = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var version = metadata.GetValueOrDefault("BicepCliVersion") ?? "0.49.2";
        var roots = new[]
        {
            metadata.GetValueOrDefault("NuGetPackageRoot"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var candidates = roots.Where(r => !string.IsNullOrEmpty(r))
            .Select(r => System.IO.Path.Combine(r!, PackageId, version, "tools", "bicep"))
            .ToList();
        var found = candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"Bicep CLI {version} not found. Restore tests/GovBot.Infra.Tests (dotnet restore) to download {PackageId}. Looked in:\n  "
            + string.Join("\n  ", candidates));

        var mode = File.GetUnixFileMode(found);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(found, mode | UnixFileMode.UserExecute);
        }

        return found;
    }
}
