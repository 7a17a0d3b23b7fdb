using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using GovBot.Storage;
using Microsoft.Extensions.Options;

namespace GovBot.Tests.Storage;

/// <summary>
/// Each test class gets its own random table prefix ("t" + 8 hex digits), its tables created before and deleted
/// after, and a record of every request the stores send.
/// </summary>
[Collection(StorageCollection.Name)]
public abstract class StorageTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;
    protected string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..8];
    protected RequestRecorder Requests { get; } = new();
    protected GovBotTables Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tables = CreateTables(Prefix, Requests);
        await Tables.EnsureCreatedAsync(CancellationToken.None);
        Requests.Clear();
    }

    public async Task DisposeAsync() => await Tables.DeleteAllAsync(CancellationToken.None);

    protected GovBotTables CreateTables(string prefix, RequestRecorder? recorder = null)
    {
        var options = new StorageOptions { ConnectionString = Azurite.ConnectionString, TablePrefix = prefix };
        var clientOptions = new TableClientOptions { Retry = { MaxRetries = 0 } };
        if (recorder is not null) clientOptions.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        return new GovBotTables(StorageServiceCollectionExtensions.CreateServiceClient(options, clientOptions), Options.Create(options), GovBotFeatures.Tables);
    }

    /// <summary>The papers' store on this class's tables, with its blob container named after the same prefix.</summary>
    protected GovBot.Features.Papers.PaperStore CreatePaperStore()
    {
        var options = new StorageOptions { ConnectionString = Azurite.ConnectionString, TablePrefix = Prefix };
        return new GovBot.Features.Papers.PaperStore(Tables, StorageServiceCollectionExtensions.CreateBlobServiceClient(options), Options.Create(options));
    }

    /// <summary>Deep equality of records, lists included (records compare lists by reference).</summary>
    protected static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}

/// <summary>Records the method and decoded path and query of every storage request.</summary>
public sealed class RequestRecorder : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> All => _requests.ToList();

    public void Clear() => _requests.Clear();

    /// <summary>Requests to one physical table (entity operations and queries).</summary>
    public IReadOnlyList<string> To(string physicalTable) =>
        All.Where(r => r.Contains($"/{physicalTable}(", StringComparison.Ordinal)).ToList();

    public override void OnSendingRequest(HttpMessage message) =>
        _requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.ToUri().PathAndQuery)}");
}
