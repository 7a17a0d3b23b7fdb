using GovBot.Testing;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// The whole local stack, as `./govbot run` starts it: Azurite, the real GovBot app (the built GovBot.dll on Kestrel,
/// anonymous Development mode, sample data, clock at Wednesday 6 March 2024 09:00 UK) on a free 127.0.0.1 port, and
/// Microsoft's Agents Playground configured by `govbot playground-config` (signed in as Lee Cox, an action owner).
/// Every child process is killed on dispose, also when start-up fails half way.
/// </summary>
public sealed class GovBotWithPlayground : IAsyncLifetime
{
    public const string ClockStart = "2024-03-06T09:00:00Z";

    private AzuriteProcess? _azurite;
    private GovBotProcess? _app;
    private PlaygroundSession? _playground;

    public GovBotProcess App => _app ?? throw new InvalidOperationException("The fixture did not start.");
    public PlaygroundSession Playground => _playground ?? throw new InvalidOperationException("The fixture did not start.");

    public async Task InitializeAsync()
    {
        try
        {
            _azurite = await AzuriteProcess.StartAsync();
            _app = await GovBotProcess.StartAsync(new Dictionary<string, string?>
            {
                ["Storage__ConnectionString"] = _azurite.ConnectionString,
                ["Storage__TablePrefix"] = "e2e" + Guid.NewGuid().ToString("N")[..8],
                ["Clock__StartAt"] = ClockStart,
                ["SampleData__SeedWhenEmpty"] = "true",
            });
            var config = await GovBotProcess.RunVerbAsync(["playground-config"], TimeSpan.FromSeconds(60));
            _playground = await PlaygroundSession.StartAsync(_app.MessagesEndpoint, config);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        _app?.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<GovBotWithPlayground>
{
    public const string Name = "GovBot with the Agents Playground";
}
