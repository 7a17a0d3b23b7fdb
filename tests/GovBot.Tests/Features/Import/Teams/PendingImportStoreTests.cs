using GovBot.Features.Import;
using GovBot.Storage;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Import;

/// <summary>Pending imports on Azurite: large texts in pieces, read back exactly; expired ones swept.</summary>
public class PendingImportStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2024, 3, 13, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LargeText_IsStoredInPieces_AndReadBackExactly_EvenWithSurrogatePairsAtTheSeams()
    {
        var store = new PendingImportStore(Tables, CreatePaperStore());
        var text = new string('x', Columns.ChunkChars - 1) + "😀" + string.Concat(Enumerable.Repeat("Ref, \"quoted\"\r\n😀 ", 20_000));
        var pending = new PendingImport(PendingImportStore.NewId(), "priya-patel", PendingImportKind.Csv, CsvKind.Actions, "actions.csv", Now.AddMinutes(30), text);

        await store.SaveAsync(pending, Ct);
        var read = await store.GetAsync(pending.Id, Ct);

        Assert.Equal(pending, read!.Value);
        Assert.True(await store.ClaimAsync(read, Ct));
        Assert.False(await store.ClaimAsync(read, Ct)); // a second confirm does not get it
        await store.DeleteAsync(pending.Id, Ct);
        Assert.Null(await store.GetAsync(pending.Id, Ct));
    }

    [Fact]
    public async Task DeleteExpired_RemovesOnlyExpiredImports()
    {
        var store = new PendingImportStore(Tables, CreatePaperStore());
        var expired = new PendingImport(PendingImportStore.NewId(), "priya-patel", PendingImportKind.Papers, null, "a.txt", Now.AddMinutes(-1), "old");
        var live = expired with { Id = PendingImportStore.NewId(), ExpiresAt = Now.AddMinutes(5), Text = "new" };
        await store.SaveAsync(expired, Ct);
        await store.SaveAsync(live, Ct);

        Assert.Equal(1, await store.DeleteExpiredAsync(Now, Ct));

        Assert.Null(await store.GetAsync(expired.Id, Ct));
        Assert.NotNull(await store.GetAsync(live.Id, Ct));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("../../x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidId_OnlyOurOwnIds(string? id, bool valid) => Assert.Equal(valid, PendingImportStore.IsValidId(id));
}
