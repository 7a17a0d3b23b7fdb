using GovBot.Features.ChangeRequests;
using GovBot.Features.Decisions;
using GovBot.Features.Groups;
using GovBot.Features.Milestones;
using GovBot.Storage;

namespace GovBot.Tests.Storage;

public sealed class SimpleStoreConcurrencyTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ChangeRequest_StageChangeByTwoWriters_SecondConflicts()
    {
        var store = new ChangeRequestStore(Tables);
        var read = await store.CreateAsync(TestData.ChangeRequest(), Ct);
        await store.UpdateAsync(read, read.Value with { Stage = ChangeRequestStage.Decision }, Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException<ChangeRequest>>(
            () => store.UpdateAsync(read, read.Value with { Stage = ChangeRequestStage.Closed }, Ct));

        Assert.Equal(ChangeRequestStage.Decision, conflict.Latest!.Value.Stage);
        Assert.Equal("PartitionKey eq 'cr'", ChangeRequestStore.ListFilter);
    }

    [Fact]
    public async Task Group_Milestone_Decision_StaleUpdatesConflict()
    {
        var groups = new GroupStore(Tables);
        var g = await groups.CreateAsync(TestData.Group(), Ct);
        await groups.UpdateAsync(g, g.Value with { IsActive = false }, Ct);
        Assert.False((await Assert.ThrowsAsync<ConcurrencyConflictException<Group>>(() => groups.UpdateAsync(g, g.Value, Ct))).Latest!.Value.IsActive);

        var milestones = new MilestoneStore(Tables);
        var m = await milestones.UpsertAsync(TestData.Milestone(), Ct);
        await milestones.UpdateAsync(m, m.Value with { Current = Rag.Complete }, Ct);
        Assert.Equal(Rag.Complete, (await Assert.ThrowsAsync<ConcurrencyConflictException<Milestone>>(() => milestones.UpdateAsync(m, m.Value, Ct))).Latest!.Value.Current);

        var decisions = new DecisionStore(Tables);
        var d = await decisions.CreateAsync(TestData.Decision(), Ct);
        await decisions.UpdateAsync(d, d.Value with { Outcome = "Approved" }, Ct);
        Assert.Equal("Approved", (await Assert.ThrowsAsync<ConcurrencyConflictException<Decision>>(() => decisions.UpdateAsync(d, d.Value, Ct))).Latest!.Value.Outcome);
    }

    [Fact]
    public async Task UpdateOfDeletedRow_ConflictWithNoLatest()
    {
        var store = new MilestoneStore(Tables);
        var m = await store.UpsertAsync(TestData.Milestone(), Ct);
        await Tables.Get(TableNames.Milestones).DeleteEntityAsync("milestone", m.Value.Id, cancellationToken: Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException<Milestone>>(() => store.UpdateAsync(m, m.Value, Ct));

        Assert.Null(conflict.Latest);
    }
}
