using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace GovBot.Tests.Reliability;

/// <summary>
/// One GovBot (BotHarness on Azurite) for all the fuzz properties of a class: starting the app and writing the
/// sample data costs seconds, a case costs milliseconds. Background work (reminders, the notice worker) is off so
/// that every storage write seen during a case was caused by that case.
/// </summary>
public sealed class FuzzBot : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private BotHarness? _bot;

    public LogRecorder Logs { get; } = new();

    public async Task<BotHarness> StartAsync(AzuriteFixture azurite)
    {
        await _starting.WaitAsync();
        try
        {
            if (_bot is not null) return _bot;
            _bot = await BotHarness.StartAsync(azurite, settings: new Dictionary<string, string?>
            {
                ["Reminders:Enabled"] = "false",
                ["Notices:WorkerEnabled"] = "false",
            }, testServices: services => services.AddSingleton<ILoggerProvider>(Logs));
            return _bot;
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
    }
}

/// <summary>Runs an FsCheck property with a fixed, printed seed so that a failure replays exactly.</summary>
public static class Fuzz
{
    /// <summary>Set to replay another seed (e.g. to explore: GOVBOT_FUZZ_SEED=12345 dotnet test ...).</summary>
    public const string SeedVariable = "GOVBOT_FUZZ_SEED";

    /// <summary>Set to change how many cases each property runs (the default keeps the normal test run fast).</summary>
    public const string CasesVariable = "GOVBOT_FUZZ_CASES";

    /// <summary>FsCheck's generator needs an odd gamma; fixed, so the seed alone names a run.</summary>
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    public static async Task CheckAsync<T>(string name, Arbitrary<T> inputs, int cases, ulong seed, Func<T, Task> property, ITestOutputHelper output)
    {
        if (ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var chosen)) seed = chosen;
        if (int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var count) && count > 0) cases = count;
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, Gamma), FSharpOption<int>.None)));
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // Off the test's synchronisation context: FsCheck waits on each case's task.
            await Task.Run(() => Check.One(name, config, Prop.ForAll(inputs, property)));
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Property '{name}' failed with seed {seed} (replay: {SeedVariable}={seed}).{Environment.NewLine}{e.Message}");
        }
        output.WriteLine($"{name}: {cases} cases passed in {started.Elapsed.TotalSeconds:F1} s (seed {seed}).");
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A string for a failure message: escaped, and cut when long.</summary>
    public static string Show(string? text)
    {
        if (text is null) return "null";
        var shown = JsonSerializer.Serialize(text.Length > 300 ? text[..300] : text, Readable);
        return text.Length > 300 ? $"{shown}… ({text.Length:N0} chars)" : shown;
    }
}
