using System.Net;
using System.Net.Sockets;

namespace GovBot.Testing;

/// <summary>
/// Table and queue storage: GOVBOT_TEST_STORAGE when set (./govbot test starts Azurite and sets it), otherwise an
/// in-memory Azurite started from the repository's node_modules and stopped on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The well-known Azurite development account key (public, documented by Microsoft; not a secret).</summary>
    public const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess? _process;

    private AzuriteProcess(string connectionString, ChildProcess? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync(bool useGiven = true)
    {
        if (useGiven && Environment.GetEnvironmentVariable("GOVBOT_TEST_STORAGE") is { Length: > 0 } given)
        {
            return new AzuriteProcess(given, null);
        }

        var azurite = RepoPaths.NodeModule("azurite", "dist", "src", "azurite.js");
        var tablePort = RepoPaths.FreePort();
        var queuePort = RepoPaths.FreePort();
        var child = ChildProcess.Start("Azurite", "node",
        [
            azurite, "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
        ], Path.GetTempPath());
        try
        {
            await child.WaitUntilAsync(async ct => await IsListeningAsync(tablePort, ct) && await IsListeningAsync(queuePort, ct), TimeSpan.FromSeconds(30), "listening");
        }
        catch
        {
            child.Dispose();
            throw;
        }

        return new AzuriteProcess(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;",
            child);
    }

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
