using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovBot.Testing;

/// <summary>
/// Table, queue and blob storage: GOVBOT_TEST_STORAGE when set (./govbot test starts Azurite and sets it), otherwise an
/// in-memory Azurite started from the repository's node_modules and stopped on dispose.
/// <see cref="StartPersistentAsync"/> runs one whose data lives on disk, for outage tests: it can be stopped
/// (<see cref="StopAsync"/>), started again on the same ports and data (<see cref="RestartAsync"/>), or frozen
/// (<see cref="Freeze"/>: connections are accepted but nothing is answered).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The well-known Azurite development account key (public, documented by Microsoft; not a secret).</summary>
    public const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Printed by Azurite's shutdown handler (plain console.log, so also with --silent) once each service has closed
    // its LokiJS store; closing a store saves it when it has unsaved changes.
    private static readonly string[] ClosedMessages =
    [
        "Azurite Table service successfully closed",
        "Azurite Queue service successfully closed",
        "Azurite Blob service successfully closed",
    ];

    private readonly int _tablePort;
    private readonly int _queuePort;
    private readonly int _blobPort;
    private readonly string? _dataDirectory;
    private ChildProcess? _process;
    private bool _frozen;
    private bool _stopped;

    private AzuriteProcess(string connectionString, ChildProcess? process, int tablePort = 0, int queuePort = 0, int blobPort = 0, string? dataDirectory = null)
    {
        ConnectionString = connectionString;
        _process = process;
        _tablePort = tablePort;
        _queuePort = queuePort;
        _blobPort = blobPort;
        _dataDirectory = dataDirectory;
    }

    public string ConnectionString { get; }

    /// <summary>The directory holding the data of a persistent Azurite (null otherwise).</summary>
    public string? DataDirectory => _dataDirectory;

    /// <summary>Whether the process is running now (false after <see cref="StopAsync"/>, true while frozen).</summary>
    public bool IsRunning => _process is not null && !_stopped;

    /// <summary>The node process of an Azurite started here (null when GOVBOT_TEST_STORAGE was used), e.g. for its CPU time.</summary>
    public Process? Process => _process?.Process;

    /// <summary>Azurite's output so far (current process), for failure messages.</summary>
    public string Log() => _process?.Tail() ?? "";

    public static async Task<AzuriteProcess> StartAsync(bool useGiven = true)
    {
        if (useGiven && Environment.GetEnvironmentVariable("GOVBOT_TEST_STORAGE") is { Length: > 0 } given)
        {
            return new AzuriteProcess(given, null);
        }

        var tablePort = RepoPaths.FreePort();
        var queuePort = RepoPaths.FreePort();
        var blobPort = RepoPaths.FreePort();
        var child = await LaunchAsync(tablePort, queuePort, blobPort, dataDirectory: null);
        return new AzuriteProcess(ConnectionStringFor(tablePort, queuePort, blobPort), child);
    }

    /// <summary>
    /// A private Azurite (never GOVBOT_TEST_STORAGE) keeping its data in a new temporary directory (deleted on
    /// dispose), on ports fixed for its lifetime so a restart keeps the connection string valid.
    /// </summary>
    public static async Task<AzuriteProcess> StartPersistentAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("govbot-azurite-").FullName;
        var tablePort = RepoPaths.FreePort();
        var queuePort = RepoPaths.FreePort();
        var blobPort = RepoPaths.FreePort();
        try
        {
            var child = await LaunchAsync(tablePort, queuePort, blobPort, dataDirectory);
            return new AzuriteProcess(ConnectionStringFor(tablePort, queuePort, blobPort), child, tablePort, queuePort, blobPort, dataDirectory);
        }
        catch
        {
            TryDelete(dataDirectory);
            throw;
        }
    }

    /// <summary>
    /// Stops a persistent Azurite gracefully (SIGTERM): its shutdown handler closes each service, which saves the
    /// LokiJS stores to <see cref="DataDirectory"/>, and the process exits. Returns once it has exited; fails if it
    /// did not close its stores within <paramref name="timeout"/> (default 20 s).
    /// </summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        var child = RequirePersistent(running: true);
        if (_frozen) Thaw();
        Signal(child, "TERM");
        var deadline = timeout ?? TimeSpan.FromSeconds(20);
        // Exited by itself, or said every store is closed (a connection still waiting for an answer can keep node
        // alive after that; the data is on disk by then, so the process is ended).
        var stopping = Stopwatch.StartNew();
        while (!child.HasExited && !ClosedMessages.All(child.Log().Contains))
        {
            if (stopping.Elapsed > deadline)
            {
                throw new TimeoutException($"Azurite did not close its stores within {deadline.TotalSeconds:0} s of SIGTERM. Output:\n{child.Tail()}");
            }

            await Task.Delay(50);
        }

        var exited = child.Process.WaitForExit(TimeSpan.FromSeconds(3));
        var exitCode = exited ? child.Process.ExitCode : 0;
        child.Dispose(); // kills it if a connection kept it alive after its stores were saved
        _stopped = true;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Azurite exited with code {exitCode} on SIGTERM. Output:\n{child.Log()}");
        }
    }

    /// <summary>Starts a stopped persistent Azurite again on the same ports and data directory.</summary>
    public async Task RestartAsync()
    {
        RequirePersistent(running: false);
        if (!_stopped) throw new InvalidOperationException("Azurite is still running: StopAsync first.");
        _process = await LaunchAsync(_tablePort, _queuePort, _blobPort, _dataDirectory);
        _stopped = false;
    }

    /// <summary>
    /// SIGSTOP: the kernel still accepts connections on the listening sockets, but Azurite answers nothing until
    /// <see cref="Thaw"/> (a hung storage service rather than a refused one).
    /// </summary>
    public void Freeze()
    {
        Signal(RequirePersistent(running: true), "STOP");
        _frozen = true;
    }

    /// <summary>SIGCONT: a frozen Azurite carries on, answering whatever was sent meanwhile.</summary>
    public void Thaw()
    {
        Signal(RequirePersistent(running: true), "CONT");
        _frozen = false;
    }

    public ValueTask DisposeAsync()
    {
        _process?.Dispose(); // SIGKILL also ends a frozen process
        if (_dataDirectory is not null) TryDelete(_dataDirectory);
        return ValueTask.CompletedTask;
    }

    private ChildProcess RequirePersistent(bool running)
    {
        if (_dataDirectory is null || _process is not { } child)
        {
            throw new InvalidOperationException("Only an Azurite from StartPersistentAsync can be stopped, restarted or frozen.");
        }

        if (running && _stopped) throw new InvalidOperationException("Azurite is stopped: RestartAsync first.");
        return child;
    }

    private static async Task<ChildProcess> LaunchAsync(int tablePort, int queuePort, int blobPort, string? dataDirectory)
    {
        var azurite = RepoPaths.NodeModule("azurite", "dist", "src", "azurite.js");
        string[] persistence = dataDirectory is null ? ["--inMemoryPersistence"] : ["--location", dataDirectory];
        var child = ChildProcess.Start("Azurite", "node",
        [
            azurite, .. persistence, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
        ], dataDirectory ?? Path.GetTempPath());
        try
        {
            await child.WaitUntilAsync(async ct => await IsListeningAsync(tablePort, ct) && await IsListeningAsync(queuePort, ct) && await IsListeningAsync(blobPort, ct), TimeSpan.FromSeconds(30), "listening");
        }
        catch
        {
            child.Dispose();
            throw;
        }

        return child;
    }

    private static string ConnectionStringFor(int tablePort, int queuePort, int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;";

    /// <summary>Sends a POSIX signal with kill(1), which knows each platform's signal numbers.</summary>
    private static void Signal(ChildProcess child, string signal)
    {
        if (child.HasExited) throw new InvalidOperationException($"Azurite has exited; cannot send SIG{signal}. Output:\n{child.Tail()}");
        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-s", signal, $"{child.Process.Id}" }) start.ArgumentList.Add(arg);
        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill(1) did not start.");
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -s {signal} {child.Process.Id} failed: {error}");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory; the OS cleans it up eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
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
