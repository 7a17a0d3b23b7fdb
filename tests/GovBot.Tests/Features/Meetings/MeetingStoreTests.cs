using GovBot.Features.Meetings;
using GovBot.Storage;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Meetings;

public sealed class MeetingStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private MeetingStore Store => new(Tables);

    [Fact]
    public async Task ListBetweenAsync_AcrossGroups_ReadsMonthPartitionsOnly()
    {
        await Store.UpsertAsync(TestData.Meeting("DAG", "33", new DateOnly(2024, 2, 14)), Ct);
        await Store.UpsertAsync(TestData.Meeting("DAG", "34", new DateOnly(2024, 3, 13)), Ct);
        await Store.UpsertAsync(TestData.Meeting("SITAG", "5", new DateOnly(2024, 3, 20)) with { Start = new TimeOnly(9, 0) }, Ct);
        await Store.UpsertAsync(TestData.Meeting("MCAG", "2", new DateOnly(2024, 3, 26)), Ct);
        await Store.UpsertAsync(TestData.Meeting("DAG", "35", new DateOnly(2024, 4, 10)), Ct);
        Requests.Clear();

        var upcoming = await Store.ListBetweenAsync(new DateOnly(2024, 3, 6), new DateOnly(2024, 4, 5), Ct);

        Assert.Equal(["DAG 34", "SITAG 5", "MCAG 2"], upcoming.Select(m => m.Title));
        var queries = Requests.To(Tables.PhysicalName(TableNames.MeetingsByMonth));
        Assert.Equal(2, queries.Count);
        Assert.Contains("$filter=PartitionKey eq '2024-03' and RowKey ge '20240306'", queries[0]);
        Assert.Contains("$filter=PartitionKey eq '2024-04' and RowKey ge '20240306'", queries[1]);
    }

    [Fact]
    public async Task GetAsync_ByGroupAndNumber_QueriesTheGroupPartition()
    {
        await Store.UpsertAsync(TestData.Meeting("DAG", "34"), Ct);
        await Store.UpsertAsync(TestData.Meeting("CCAG", "34"), Ct);

        var meeting = await Store.GetAsync("DAG", "34", Ct);

        Assert.Equal("DAG", meeting!.Value.GroupCode);
        Assert.Null(await Store.GetAsync("DAG", "99", Ct));
        Assert.Equal("PartitionKey eq 'DAG' and Number eq '34'", MeetingStore.ByNumberFilter("DAG", "34"));
    }

    [Fact]
    public async Task UpdateAsync_NewDate_MovesRowAndMonthIndex()
    {
        var created = await Store.CreateAsync(TestData.Meeting("DAG", "35", new DateOnly(2024, 4, 10)), Ct);

        var moved = await Store.UpdateAsync(created, created.Value with { Date = new DateOnly(2024, 5, 8) }, Ct);

        Assert.Equal(new DateOnly(2024, 5, 8), (await Store.GetAsync("DAG", "35", Ct))!.Value.Date);
        Assert.Single(await Store.ListByGroupAsync("DAG", Ct));
        Assert.Empty(await Store.ListBetweenAsync(new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30), Ct));
        Assert.Single(await Store.ListBetweenAsync(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31), Ct));
        await Store.UpdateAsync(moved, moved.Value with { Location = "London" }, Ct);
        Assert.Equal("London", (await Store.GetAsync("DAG", "35", Ct))!.Value.Location);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_ConflictEvenWhenMovingDate()
    {
        var created = await Store.CreateAsync(TestData.Meeting(), Ct);
        var latest = await Store.UpdateAsync(created, created.Value with { Location = "Elexon, London" }, Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException<Meeting>>(
            () => Store.UpdateAsync(created, created.Value with { Date = new DateOnly(2024, 3, 14) }, Ct));

        Assert.Equal("Elexon, London", conflict.Latest!.Value.Location);
        Assert.Equal(latest.ETag, conflict.Latest.ETag);
        Assert.Single(await Store.ListByGroupAsync("DAG", Ct));
        Assert.Empty(await Store.ListBetweenAsync(new DateOnly(2024, 3, 14), new DateOnly(2024, 3, 14), Ct));
    }

    [Fact]
    public async Task CreateAsync_SameNumberTwice_ThrowsAlreadyExists()
    {
        await Store.CreateAsync(TestData.Meeting(), Ct);

        await Assert.ThrowsAsync<EntityAlreadyExistsException>(
            () => Store.CreateAsync(TestData.Meeting(date: new DateOnly(2024, 3, 14)), Ct));
    }
}
