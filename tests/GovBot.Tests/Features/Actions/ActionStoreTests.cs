using GovBot.Features.Actions;
using GovBot.SampleData;
using GovBot.Storage;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Actions;

public sealed class ActionStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly OwnerParty Ian = new(OwnerPartyKind.Person, "ian-smith");

    private ActionStore Store => new(Tables);

    [Fact]
    public async Task UpdateAsync_SecondWriterWithStaleETag_GetsConflictCarryingLatest()
    {
        await Store.CreateAsync(TestData.Action(), Ct);
        var first = (await Store.GetAsync("DAG33-07", Ct))!;
        var second = (await Store.GetAsync("DAG33-07", Ct))!;

        var saved = await Store.UpdateAsync(first, first.Value with { Status = ActionStatus.Closed, LatestUpdate = "Closed at DAG 34" }, Ct);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException<ActionItem>>(
            () => Store.UpdateAsync(second, second.Value with { LatestUpdate = "Still working on it" }, Ct));

        Assert.NotNull(conflict.Latest);
        Assert.Equal(ActionStatus.Closed, conflict.Latest.Value.Status);
        Assert.Equal("Closed at DAG 34", conflict.Latest.Value.LatestUpdate);
        Assert.Equal(saved.ETag, conflict.Latest.ETag);
        Assert.Equal("Closed at DAG 34", (await Store.GetAsync("DAG33-07", Ct))!.Value.LatestUpdate);
    }

    [Fact]
    public async Task UpdateAsync_RetriedWithLatestFromConflict_Succeeds()
    {
        var stale = await Store.CreateAsync(TestData.Action(), Ct);
        await Store.UpdateAsync(stale, stale.Value with { LatestUpdate = "one" }, Ct);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException<ActionItem>>(
            () => Store.UpdateAsync(stale, stale.Value with { LatestUpdate = "two" }, Ct));

        await Store.UpdateAsync(conflict.Latest!, conflict.Latest!.Value with { LatestUpdate = "two" }, Ct);

        Assert.Equal("two", (await Store.GetAsync("DAG33-07", Ct))!.Value.LatestUpdate);
    }

    [Fact]
    public async Task CreateAsync_ExistingRef_ThrowsAlreadyExists()
    {
        await Store.CreateAsync(TestData.Action(), Ct);

        await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => Store.CreateAsync(TestData.Action() with { Text = "other" }, Ct));
        Assert.Equal(TestData.Action().Text, (await Store.GetAsync("DAG33-07", Ct))!.Value.Text);
    }

    [Fact]
    public async Task ListByOwnerPartyAsync_ReadsOnlyTheOwnersPartition_AmongManyActions()
    {
        var others = Enumerable.Range(1, 500)
            .Select(i => TestData.Action($"DAG{i / 10 + 1}-{i % 100:00}x{i}", "DAG", [new OwnerParty(OwnerPartyKind.Person, $"someone-{i}")], new DateOnly(2024, 3, 1 + (i % 28))))
            .ToList();
        var mine = new[]
        {
            TestData.Action("DAG33-07", "DAG", [Ian]),
            TestData.Action("CCAG12-01", "CCAG", [new OwnerParty(OwnerPartyKind.Pmo, "PMO"), Ian]),
        };
        await new GovernanceDataWriter(Tables, new(Tables)).WriteAsync(
            new GovernanceDataSet([], [], [], [], [.. others, .. mine], [], [], [], []), Ct);
        Requests.Clear();

        var result = await Store.ListByOwnerPartyAsync(Ian, Ct);

        Assert.Equal(["CCAG12-01", "DAG33-07"], result.Select(a => a.Ref));
        var indexQueries = Requests.To(Tables.PhysicalName(TableNames.ActionIndex));
        var query = Assert.Single(indexQueries);
        Assert.Contains("$filter=PartitionKey eq 'person:ian-smith'", query);
        Assert.Equal("PartitionKey eq 'person:ian-smith'", ActionStore.ByOwnerFilter(Ian));
        var primaryReads = Requests.To(Tables.PhysicalName(TableNames.Actions));
        Assert.Equal(2, primaryReads.Count);
        Assert.All(primaryReads, r => Assert.Contains("RowKey=", r));
    }

    [Fact]
    public async Task ListByOwnerPartyAsync_CollectiveOwnership_FoundByGroupMembersParty()
    {
        await Store.UpsertAsync(TestData.Action("DAG33-07", "DAG", [new OwnerParty(OwnerPartyKind.GroupMembers, "DAG")]), Ct);
        await Store.UpsertAsync(TestData.Action("DAG33-08", "DAG", [new OwnerParty(OwnerPartyKind.GroupChair, "DAG")]), Ct);

        var members = await Store.ListByOwnerPartyAsync(new OwnerParty(OwnerPartyKind.GroupMembers, "dag"), Ct);
        var chair = await Store.ListByOwnerPartyAsync(new OwnerParty(OwnerPartyKind.GroupChair, "DAG"), Ct);

        Assert.Equal(["DAG33-07"], members.Select(a => a.Ref));
        Assert.Equal(["DAG33-08"], chair.Select(a => a.Ref));
    }

    [Fact]
    public async Task UpdateAsync_OwnerChange_MovesIndexRows()
    {
        var kate = new OwnerParty(OwnerPartyKind.Person, "kate-goodman");
        var created = await Store.CreateAsync(TestData.Action("DAG33-07", "DAG", [Ian]), Ct);

        await Store.UpdateAsync(created, created.Value with { Owners = [kate], OwnerText = "Kate Goodman" }, Ct);

        Assert.Empty(await Store.ListByOwnerPartyAsync(Ian, Ct));
        Assert.Equal(["DAG33-07"], (await Store.ListByOwnerPartyAsync(kate, Ct)).Select(a => a.Ref));
        var index = Tables.Get(TableNames.ActionIndex);
        Assert.False((await index.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("person:ian-smith", "DAG33-07", cancellationToken: Ct)).HasValue);
    }

    [Fact]
    public async Task ListByOwnerPartyAsync_StaleIndexRow_IsIgnored()
    {
        await Store.UpsertAsync(TestData.Action("DAG33-07", "DAG", [Ian]), Ct);
        // As if a writer crashed after writing an index row but before the primary row.
        await Tables.Get(TableNames.ActionIndex).UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity("person:ian-smith", "DAG40-01") { ["Ref"] = "DAG40-01", ["GroupCode"] = "DAG" }, cancellationToken: Ct);
        await Tables.Get(TableNames.ActionIndex).UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity("person:kate-goodman", "DAG33-07") { ["Ref"] = "DAG33-07", ["GroupCode"] = "DAG" }, cancellationToken: Ct);

        Assert.Equal(["DAG33-07"], (await Store.ListByOwnerPartyAsync(Ian, Ct)).Select(a => a.Ref));
        Assert.Empty(await Store.ListByOwnerPartyAsync(new OwnerParty(OwnerPartyKind.Person, "kate-goodman"), Ct));
    }

    [Fact]
    public async Task ListDueBetweenAsync_ReadsOnlyTheMonthPartitionsWithRowRange()
    {
        await Store.UpsertAsync(TestData.Action("DAG33-01", due: new DateOnly(2024, 2, 28)), Ct);
        await Store.UpsertAsync(TestData.Action("DAG33-02", due: new DateOnly(2024, 3, 4)), Ct);
        await Store.UpsertAsync(TestData.Action("DAG33-03", due: new DateOnly(2024, 3, 10)), Ct);
        await Store.UpsertAsync(TestData.Action("DAG33-04", due: new DateOnly(2024, 3, 11)), Ct);
        await Store.UpsertAsync(TestData.Action("DAG33-05", due: new DateOnly(2024, 4, 1)), Ct);
        Requests.Clear();

        var week = await Store.ListDueBetweenAsync(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 10), Ct);
        var acrossMonths = await Store.ListDueBetweenAsync(new DateOnly(2024, 2, 26), new DateOnly(2024, 3, 5), Ct);

        Assert.Equal(["DAG33-02", "DAG33-03"], week.Select(a => a.Ref));
        Assert.Equal(["DAG33-01", "DAG33-02"], acrossMonths.Select(a => a.Ref));
        Assert.Equal(
            ["PartitionKey eq 'due:2024-02' and RowKey ge '20240226' and RowKey lt '20240305~'",
             "PartitionKey eq 'due:2024-03' and RowKey ge '20240226' and RowKey lt '20240305~'"],
            ActionStore.DueBetweenFilters(new DateOnly(2024, 2, 26), new DateOnly(2024, 3, 5)));
        Assert.All(
            Requests.To(Tables.PhysicalName(TableNames.ActionIndex)),
            r => Assert.Contains("$filter=PartitionKey eq 'due:", r));
    }

    [Fact]
    public async Task UpdateAsync_DueDateChange_MovesDueIndexRow()
    {
        var created = await Store.CreateAsync(TestData.Action(due: new DateOnly(2024, 3, 13)), Ct);

        await Store.UpdateAsync(created, created.Value with { Due = new DateOnly(2024, 5, 2) }, Ct);

        Assert.Empty(await Store.ListDueBetweenAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), Ct));
        Assert.Single(await Store.ListDueBetweenAsync(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31), Ct));
    }

    [Fact]
    public async Task GetAsync_RefWhosePrefixIsNotItsGroup_FoundThroughRefIndex()
    {
        await Store.UpsertAsync(TestData.Action("TAG02-05", "TMAG"), Ct);

        var found = await Store.GetAsync("TAG02-05", Ct);

        Assert.Equal("TMAG", found!.Value.GroupCode);
        Assert.Equal(["TAG02-05"], (await Store.ListByGroupAsync("TMAG", Ct)).Select(a => a.Ref));
        Assert.Equal("PartitionKey eq 'TMAG'", ActionStore.ByGroupFilter("TMAG"));
    }

    [Fact]
    public async Task RefPointers_AreWrittenOnlyForRefsWhosePrefixIsNotTheirGroup()
    {
        await Store.UpsertAsync(TestData.Action("DAG33-04", "DAG"), Ct);
        await Store.UpsertAsync(TestData.Action("TAG02-05", "TMAG"), Ct);

        var pointers = new List<string>();
        await foreach (var row in Tables.Get(GovBot.Storage.TableNames.ActionIndex).QueryAsync<Azure.Data.Tables.TableEntity>(r => r.PartitionKey.CompareTo("ref:") >= 0 && r.PartitionKey.CompareTo("ref;") < 0))
        {
            pointers.Add($"{row.PartitionKey}/{row.RowKey}");
        }

        Assert.Equal(["ref:TAG/TAG02-05"], pointers); // no shared partition touched by every action's writes
        Assert.NotNull(await Store.GetAsync("DAG33-04", Ct));
    }

    [Fact]
    public async Task UpsertAsync_RefWithSlash_RejectedWithClearMessage()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(TestData.Action("DAG33/07"), Ct));

        Assert.Contains("'/'", e.Message);
    }
}
