using GovBot.People;
using GovBot.Storage;
using GovBot.Tests.Storage;

namespace GovBot.Tests.People;

public sealed class PersonStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private PersonStore Store => new(Tables);

    [Fact]
    public async Task FindByEntraObjectIdAsync_IsAPointReadOfTheIndex()
    {
        await Store.CreateAsync(TestData.Person(), Ct);
        await Store.CreateAsync(TestData.Person("kate", "6f1c8e2a-0000-4000-8000-000000000002", "kate@example.org"), Ct);
        Requests.Clear();

        var found = await Store.FindByEntraObjectIdAsync("6F1C8E2A-0000-4000-8000-000000000001", Ct);

        Assert.Equal("ian-smith", found!.Id);
        Assert.All(Requests.All, r => Assert.Contains("RowKey=", r));
        Assert.Null(await Store.FindByEntraObjectIdAsync("00000000-0000-0000-0000-000000000000", Ct));
    }

    [Fact]
    public async Task FindByEmailAsync_IgnoresCase()
    {
        await Store.CreateAsync(TestData.Person(), Ct);

        Assert.Equal("ian-smith", (await Store.FindByEmailAsync("ian.smith@EXAMPLE.org", Ct))!.Id);
        Assert.Null(await Store.FindByEmailAsync("nobody@example.org", Ct));
    }

    [Fact]
    public async Task UpdateAsync_EmailChange_OldAddressNoLongerFindsThePerson()
    {
        var created = await Store.CreateAsync(TestData.Person(), Ct);

        await Store.UpdateAsync(created, created.Value with { Email = "ian@new.example.org" }, Ct);

        Assert.Null(await Store.FindByEmailAsync("Ian.Smith@example.org", Ct));
        Assert.Equal("ian-smith", (await Store.FindByEmailAsync("ian@new.example.org", Ct))!.Id);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_Conflict()
    {
        var created = await Store.CreateAsync(TestData.Person(), Ct);
        await Store.UpdateAsync(created, created.Value with { Organisation = "Ofgem" }, Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException<Person>>(
            () => Store.UpdateAsync(created, created.Value with { EntraObjectId = "another" }, Ct));

        Assert.Equal("Ofgem", conflict.Latest!.Value.Organisation);
        Assert.Null(await Store.FindByEntraObjectIdAsync("another", Ct));
    }
}
