using GovBot.Testing;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// A reminder arriving in the Playground: GovBot's clock starts 20 seconds before 09:00 UK on Friday 19 April 2024,
/// five working days before the DAG 34 checklist deadline (Friday 26 April 2024, the pre-qualification submission).
/// Lee Cox installs GovBot, which subscribes him to checklist reminders; at 09:00 the digest reaches his chat.
/// </summary>
public sealed class ReminderInPlaygroundTests : IAsyncLifetime
{
    private const string JustBeforeNineUk = "2024-04-19T07:59:40Z"; // 08:59:40 BST

    private AzuriteProcess? _azurite;
    private GovBotProcess? _app;
    private PlaygroundSession? _playground;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _app = await GovBotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = _azurite.ConnectionString,
            ["Storage__TablePrefix"] = "rem" + Guid.NewGuid().ToString("N")[..8],
            ["Clock__StartAt"] = JustBeforeNineUk,
            ["SampleData__SeedWhenEmpty"] = "true",
            ["Reminders__TickInterval"] = "00:00:01",
        });
        var config = await GovBotProcess.RunVerbAsync(["playground-config"], TimeSpan.FromSeconds(60));
        _playground = await PlaygroundSession.StartAsync(_app.MessagesEndpoint, config);
    }

    [Fact]
    public async Task ChecklistReminder_ArrivesAtNine_InThePersonalChat()
    {
        var playground = _playground!;
        await playground.InstallAsync();
        await playground.NextCardAsync("my open actions"); // the welcome card: installed and subscribed

        // 09:00 UK is about 20 seconds away on the app's clock; the digest names the deadline.
        var digest = await playground.NextCardAsync("26 April 2024");

        Assert.Contains("pre-qualification", PlaygroundSession.CardText(PlaygroundSession.Card(digest)!.Value), StringComparison.OrdinalIgnoreCase);
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null) await _playground.DisposeAsync();
        _app?.Dispose();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
