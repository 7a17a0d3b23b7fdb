using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovBot.Tests.Storage;

/// <summary>
/// Table storage for the tests: GOVBOT_TEST_STORAGE when set (./govbot test starts Azurite and sets it), otherwise an
/// Azurite started here from the repository's node_modules and stopped when the tests end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _azurite;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("GOVBOT_TEST_STORAGE") is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }
        var root = FindRepositoryRoot();
        var azurite = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is needed for the storage tests and was not found at {azurite}: run ./govbot test, or npm ci in {root}.");
        }
        var tablePort = FreePort();
        var queuePort = FreePort();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                azurite, "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _azurite = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException("Could not start Azurite with node (is Node.js installed?): run ./govbot test, or npm ci.", e);
        }
        _azurite.OutputDataReceived += (_, _) => { };
        _azurite.ErrorDataReceived += (_, _) => { };
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await IsListeningAsync(tablePort) && await IsListeningAsync(queuePort)))
        {
            if (_azurite.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"Azurite did not start on 127.0.0.1:{tablePort} (exit code {(_azurite.HasExited ? _azurite.ExitCode : "none")}): run ./govbot test, or npm ci.");
            }
            await Task.Delay(100);
        }
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
    }

    public Task DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
            _azurite.WaitForExit(5000);
        }
        _azurite?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A port nobody listens on (for "storage unreachable" tests).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string FindRepositoryRoot() => RepoPaths.Root;
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Storage";
}
