using System.Diagnostics;
using Azure.Data.Tables;
using GovBot.Testing;

namespace GovBot.Tests.Reliability;

/// <summary>The outage tests' storage controls: a graceful stop keeps the data, a restart serves it on the same ports, a freeze hangs.</summary>
public sealed class AzuriteRestartTests
{
    [Fact]
    public async Task DataWrittenJustBeforeAGracefulStop_IsThereAfterARestart()
    {
        await using var azurite = await AzuriteProcess.StartPersistentAsync();
        var table = new TableClient(azurite.ConnectionString, "restart" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        // Written immediately before the stop, inside LokiJS's 5 s autosave interval: only the shutdown save keeps it.
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = "kept" });

        await azurite.StopAsync();
        Assert.False(azurite.IsRunning);
        var noRetries = new TableClient(azurite.ConnectionString, table.Name, new TableClientOptions { Retry = { MaxRetries = 0 } });
        var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => noRetries.GetEntityAsync<TableEntity>("p", "r"));
        Assert.Equal(0, refused.Status); // no HTTP answer: nothing listens

        await azurite.RestartAsync();
        var entity = await table.GetEntityAsync<TableEntity>("p", "r"); // the same client: same ports, same account
        Assert.Equal("kept", entity.Value.GetString("Text"));
    }

    [Fact]
    public async Task AFrozenAzurite_AcceptsButNeverAnswers_UntilThawed()
    {
        await using var azurite = await AzuriteProcess.StartPersistentAsync();
        var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(1) } };
        var table = new TableClient(azurite.ConnectionString, "freeze" + Guid.NewGuid().ToString("N")[..8], options);
        await table.CreateAsync();

        azurite.Freeze();
        var waited = Stopwatch.StartNew();
        var hung = await Assert.ThrowsAnyAsync<Exception>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));
        Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(0.9), $"failed after {waited.Elapsed.TotalSeconds:0.0} s: {hung}");
        Assert.IsAssignableFrom<OperationCanceledException>(hung); // the SDK's network timeout, not a refusal

        azurite.Thaw();
        var answer = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        Assert.False(answer.HasValue);
    }
}
