using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace GovBot.Testing;

/// <summary>
/// A child process whose output is kept (bounded) for failure messages, and which is killed with its whole tree on
/// dispose, whatever happened.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int MaxLogChars = 200_000;
    private static readonly HashSet<ChildProcess> Running = [];
    private readonly StringBuilder _log = new();

    // Ctrl+C or SIGTERM on the test host or the bench: no child outlives it.
    private static readonly PosixSignalRegistration[] SignalHandlers =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DisposeAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DisposeAll()),
    ];

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAll();
    }

    /// <summary>How many signal handlers guard the children (keeps the registrations alive).</summary>
    public static int SignalHandlerCount => SignalHandlers.Length;

    private static void DisposeAll()
    {
        ChildProcess[] all;
        lock (Running)
        {
            all = [.. Running];
        }

        foreach (var child in all)
        {
            child.Dispose();
        }
    }

    private ChildProcess(string name, Process process)
    {
        Name = name;
        Process = process;
    }

    public string Name { get; }
    public Process Process { get; }
    public bool HasExited => Process.HasExited;

    /// <summary>Starts FILE with ARGS; ENV entries with a null value are removed from the child's environment.</summary>
    public static ChildProcess Start(string name, string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? env = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: '{file}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{name}: could not start '{file}' (is it installed and on PATH?).", ex);
        }

        var child = new ChildProcess(name, process);
        lock (Running)
        {
            Running.Add(child);
        }

        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    /// <summary>Polls CHECK until it is true; fails with the process's output when it exits or TIMEOUT passes.</summary>
    public async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> check, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited (code {Process.ExitCode}) before {what}. Output:\n{Tail()}");
            }

            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                if (await check(cts.Token))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or System.Net.Sockets.SocketException)
            {
                // Not up yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name}: {what} did not happen within {timeout.TotalSeconds:0} s. Output:\n{Tail()}");
    }

    public string Tail(int chars = 4000)
    {
        var log = Log();
        return log.Length <= chars ? log : "…" + log[^chars..];
    }

    public void Dispose()
    {
        lock (Running)
        {
            if (!Running.Remove(this))
            {
                return;
            }
        }

        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < MaxLogChars)
            {
                _log.AppendLine(line);
            }
        }
    }
}
