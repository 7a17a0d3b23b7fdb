using GovBot.Features.Checklist;
using GovBot.Storage;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Checklist;

public sealed class ChecklistStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private ChecklistStore Store => new(Tables);

    [Fact]
    public async Task ListWithDeadlineBetweenAsync_ReadsDeadlineMonthPartitions()
    {
        await Store.UpsertAsync(TestData.ChecklistItem(1, new DateOnly(2024, 3, 8)), Ct);
        await Store.UpsertAsync(TestData.ChecklistItem(2, new DateOnly(2024, 3, 29)), Ct);
        await Store.UpsertAsync(TestData.ChecklistItem(3, new DateOnly(2024, 4, 26)), Ct);
        await Store.UpsertAsync(TestData.ChecklistItem(4, null), Ct);
        Requests.Clear();

        var due = await Store.ListWithDeadlineBetweenAsync(new DateOnly(2024, 3, 6), new DateOnly(2024, 3, 31), Ct);

        Assert.Equal([1, 2], due.Select(i => i.Number));
        var query = Assert.Single(Requests.To(Tables.PhysicalName(TableNames.Checklist)));
        Assert.Contains("$filter=PartitionKey eq '2024-03'", query);
    }

    [Fact]
    public async Task UpdateAsync_NewDeadlineMonth_MovesTheRow()
    {
        var item = await Store.UpsertAsync(TestData.ChecklistItem(1, new DateOnly(2024, 3, 8)), Ct);

        await Store.UpdateAsync(item, item.Value with { Deadline = new DateOnly(2024, 5, 3) }, Ct);

        Assert.Empty(await Store.ListWithDeadlineBetweenAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), Ct));
        Assert.Single(await Store.ListWithDeadlineBetweenAsync(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31), Ct));
        Assert.Single(await Store.ListAsync(Ct));
    }

    [Fact]
    public async Task UpdateAsync_StaleETagWhileMoving_ConflictAndNoCopyLeft()
    {
        var item = await Store.UpsertAsync(TestData.ChecklistItem(1, new DateOnly(2024, 3, 8)), Ct);
        await Store.UpdateAsync(item, item.Value with { Text = "changed" }, Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException<ChecklistItem>>(
            () => Store.UpdateAsync(item, item.Value with { Deadline = new DateOnly(2024, 5, 3) }, Ct));

        Assert.Equal("changed", conflict.Latest!.Value.Text);
        Assert.Equal("changed", Assert.Single(await Store.ListAsync(Ct)).Text);
    }
}
