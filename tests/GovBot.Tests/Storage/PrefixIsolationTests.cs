using GovBot.Features.Groups;

namespace GovBot.Tests.Storage;

public sealed class PrefixIsolationTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task TwoPrefixes_DoNotSeeEachOthersRows()
    {
        var otherPrefix = "t" + Guid.NewGuid().ToString("N")[..8];
        var other = CreateTables(otherPrefix);
        await other.EnsureCreatedAsync(CancellationToken.None);
        try
        {
            await new GroupStore(Tables).UpsertAsync(TestData.Group("DAG"), CancellationToken.None);
            await new GroupStore(other).UpsertAsync(TestData.Group("CCAG"), CancellationToken.None);

            Assert.Equal(["DAG"], (await new GroupStore(Tables).ListAsync(CancellationToken.None)).Select(g => g.Code));
            Assert.Equal(["CCAG"], (await new GroupStore(other).ListAsync(CancellationToken.None)).Select(g => g.Code));
            Assert.Equal(Prefix + "Groups", Tables.PhysicalName("Groups"));
        }
        finally
        {
            await other.DeleteAllAsync(CancellationToken.None);
        }
    }
}
