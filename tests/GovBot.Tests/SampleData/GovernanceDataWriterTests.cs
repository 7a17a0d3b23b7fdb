using GovBot.Tests.Storage;
using Azure.Data.Tables;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.SampleData;
using GovBot.Storage;

namespace GovBot.Tests.SampleData;

public sealed class GovernanceDataWriterTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private GovernanceDataWriter Writer => new(Tables, new GroupStore(Tables));

    [Fact]
    public async Task WriteAsync_Twice_LeavesTheSameRows()
    {
        var data = TestData.DataSet();
        Assert.True(await Writer.IsEmptyAsync(Ct));

        await Writer.WriteAsync(data, Ct);
        var first = await SnapshotAsync();
        await Writer.WriteAsync(data, Ct);
        var second = await SnapshotAsync();

        Assert.False(await Writer.IsEmptyAsync(Ct));
        Assert.Equal(first, second);
        Assert.Equal(2, (await new GroupStore(Tables).ListAsync(Ct)).Count);
        Assert.Equal(2, (await new ChangeRequestStore(Tables).ListAsync(Ct)).Count);
        Assert.Equal("ian-smith", (await new PersonStore(Tables).FindByEmailAsync("ian.smith@example.org", Ct))!.Id);
        Assert.Equal(["SITAG05-01"], (await new ActionStore(Tables).ListByOwnerPartyAsync(new OwnerParty(OwnerPartyKind.Pmo, "PMO"), Ct)).Select(a => a.Ref));
        Assert.Equal(2, (await new MeetingStore(Tables).ListBetweenAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), Ct)).Count);
        Assert.Single(await new MembershipStore(Tables).ListByPersonAsync("pat-pmo", Ct));
        AssertSame(data.Actions[0], (await new ActionStore(Tables).GetAsync(data.Actions[0].Ref, Ct))!.Value);
    }

    [Fact]
    public async Task WriteAsync_MoreThan100RowsInAPartition_Batched()
    {
        var actions = Enumerable.Range(1, 250).Select(i => TestData.Action($"DAG{i}-01", owners: [], due: new DateOnly(2024, 6, 1))).ToList();
        Requests.Clear();

        await Writer.WriteAsync(new GovernanceDataSet([], [], [], [], actions, [], [], [], []), Ct);

        Assert.Equal(250, (await new ActionStore(Tables).ListByGroupAsync("DAG", Ct)).Count);
        // due:2024-06 index (250) and primary (250) rows, in batches of <= 100: 3 + 3. (The refs start with their
        // group code, so they need no ref pointer rows.)
        Assert.Equal(6, Requests.All.Count(r => r.Contains("$batch", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SampleData_Build_WritesAndReadsBack()
    {
        var data = MhhsSampleData.Build();

        await Writer.WriteAsync(data, Ct);

        Assert.Equal(data.Groups.Count, (await new GroupStore(Tables).ListAsync(Ct)).Count);
        Assert.Equal(data.People.Count, (await new PersonStore(Tables).ListAsync(Ct)).Count);
    }

    private async Task<List<string>> SnapshotAsync()
    {
        var rows = new List<string>();
        foreach (var name in GovBotFeatures.Tables.Names)
        {
            await foreach (var row in Tables.Get(name).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                var columns = row.Where(kv => kv.Key is not ("Timestamp" or "odata.etag")).OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => $"{kv.Key}={kv.Value}");
                rows.Add($"{name}|{row.PartitionKey}|{row.RowKey}|{string.Join(";", columns)}");
            }
        }
        return rows;
    }
}

public sealed class GovernanceDataWriterKeyTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task WriteAsync_RefWithForbiddenCharacter_RejectedBeforeAnyRequest()
    {
        var writer = new GovernanceDataWriter(Tables, new GovBot.Features.Groups.GroupStore(Tables));
        var data = new GovBot.SampleData.GovernanceDataSet([], [], [], [], [TestData.Action("DAG33#07")], [], [], [], []);
        Requests.Clear();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(data, CancellationToken.None));

        Assert.Contains("action ref 'DAG33#07' contains '#'", e.Message);
        Assert.Empty(Requests.All);
    }
}
