using GovBot.Testing;

namespace GovBot.Tests.Storage;

/// <summary>
/// Table and queue storage for the tests: GOVBOT_TEST_STORAGE when set (./govbot test starts Azurite and sets it),
/// otherwise an Azurite started from the repository's node_modules (GovBot.Testing) and stopped when the tests end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    /// <summary>A loopback port nothing listens on (for "storage unreachable" tests).</summary>
    public static int FreePort() => GovBot.Testing.RepoPaths.FreePort();
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Storage";
}
