using System.Net;
using System.Net.Sockets;

namespace GovBot.Testing;

/// <summary>Where things are in the repository the tests run from, and free loopback ports.</summary>
public static class RepoPaths
{
    /// <summary>Walks up from the test binaries to the directory holding GovBot.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find GovBot.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    /// <summary>"Debug" or "Release": the configuration the running test assembly was built in.</summary>
    public static string Configuration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
    }

    /// <summary>The built GovBot app (src/GovBot/bin/CONFIG/net10.0/GovBot.dll); test projects reference it so it is built first.</summary>
    public static string GovBotDll()
    {
        var dll = Path.Combine(Root(), "src", "GovBot", "bin", Configuration(), "net10.0", "GovBot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"GovBot is not built at {dll}: run 'dotnet build GovBot.sln' (or ./govbot test).");
        }

        return dll;
    }

    public static string NodeModule(params string[] path)
    {
        var root = Root();
        var file = Path.Combine([root, "node_modules", .. path]);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{file} is missing: run './govbot test' (it runs 'npm ci') or 'npm ci' in {root}.");
        }

        return file;
    }

    /// <summary>A directory under the repository's git-ignored artifacts/ folder.</summary>
    public static string Artifacts(params string[] path)
    {
        var dir = Path.Combine([Root(), "artifacts", .. path]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
