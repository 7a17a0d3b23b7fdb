using System.Diagnostics;

namespace GovBot.Testing;

/// <summary>
/// The real GovBot app (the built GovBot.dll on Kestrel) as a child process on a free 127.0.0.1 port, ready when
/// /readyz answers 200. Development environment unless the settings say otherwise.
/// </summary>
public sealed class GovBotProcess : IDisposable
{
    private readonly ChildProcess _child;

    private GovBotProcess(ChildProcess child, Uri baseUrl, TimeSpan startup)
    {
        _child = child;
        BaseUrl = baseUrl;
        StartupTime = startup;
    }

    public Uri BaseUrl { get; }
    public Uri MessagesEndpoint => new(BaseUrl, "/api/messages");

    /// <summary>From process start to the first 200 from /readyz.</summary>
    public TimeSpan StartupTime { get; }

    public Process Process => _child.Process;

    public string Log() => _child.Log();

    /// <param name="settings">Configuration as environment variables (Storage__ConnectionString, Clock__StartAt, …).</param>
    public static async Task<GovBotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan? readyTimeout = null)
    {
        var dll = RepoPaths.GovBotDll();
        var port = RepoPaths.FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_URLS"] = null,
            ["Bot__AppId"] = null,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            env[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var child = ChildProcess.Start("GovBot", "dotnet", [dll, "--urls", baseUrl.ToString().TrimEnd('/')], Path.GetDirectoryName(dll)!, env);
        try
        {
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
            await child.WaitUntilAsync(async ct =>
            {
                using var response = await http.GetAsync("/readyz", ct);
                return response.IsSuccessStatusCode;
            }, readyTimeout ?? TimeSpan.FromSeconds(60), "/readyz answered 200");
        }
        catch
        {
            child.Dispose();
            throw;
        }

        return new GovBotProcess(child, baseUrl, clock.Elapsed);
    }

    /// <summary>Runs a GovBot command-line verb (e.g. playground-config) to completion and returns its standard output.</summary>
    public static async Task<string> RunVerbAsync(IEnumerable<string> args, TimeSpan timeout)
    {
        var dll = RepoPaths.GovBotDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"govbot {string.Join(' ', start.ArgumentList.Skip(1))} failed (exit code {process.ExitCode}):\n{await stderr}");
            }

            return await stdout;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"govbot {string.Join(' ', start.ArgumentList.Skip(1))} did not finish within {timeout.TotalSeconds:0} s.");
        }
    }

    public void Dispose() => _child.Dispose();
}
