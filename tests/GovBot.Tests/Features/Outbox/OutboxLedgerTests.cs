using Azure;
using Azure.Data.Tables;
using GovBot.Features.Outbox;
using GovBot.Storage;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Outbox;

/// <summary>The state machine, and its moves on a real table (Azurite): illegal moves refused, ETag conflicts lost.</summary>
public sealed class OutboxLedgerTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<OutboxState, OutboxState> Legal => new()
    {
        { OutboxState.Pending, OutboxState.Sending },
        { OutboxState.Pending, OutboxState.Failed },
        { OutboxState.Pending, OutboxState.Unreachable },
        { OutboxState.Sending, OutboxState.Delivered },
        { OutboxState.Sending, OutboxState.Unreachable },
        { OutboxState.Sending, OutboxState.Failed },
        { OutboxState.Sending, OutboxState.Unknown },
        { OutboxState.Sending, OutboxState.Pending },
    };

    [Fact]
    public void OnlyTheLegalMoves_AreAllowed()
    {
        var legal = Legal.Select(row => ((OutboxState)row[0], (OutboxState)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<OutboxState>())
        {
            foreach (var to in Enum.GetValues<OutboxState>())
            {
                Assert.Equal(legal.Contains((from, to)), OutboxStateMachine.IsAllowed(from, to));
            }
        }
        // The ones that would break "never twice" or "never without a claim", spelled out.
        Assert.False(OutboxStateMachine.IsAllowed(OutboxState.Unknown, OutboxState.Pending));
        Assert.False(OutboxStateMachine.IsAllowed(OutboxState.Delivered, OutboxState.Pending));
        Assert.False(OutboxStateMachine.IsAllowed(OutboxState.Pending, OutboxState.Delivered));
        Assert.False(OutboxStateMachine.IsAllowed(OutboxState.Sending, OutboxState.Sending));
    }

    [Theory]
    [InlineData(OutboxOutcome.Delivered, OutboxState.Delivered)]
    [InlineData(OutboxOutcome.Retry, OutboxState.Pending)]
    [InlineData(OutboxOutcome.Unreachable, OutboxState.Unreachable)]
    [InlineData(OutboxOutcome.Failed, OutboxState.Failed)]
    [InlineData(OutboxOutcome.Unknown, OutboxState.Unknown)]
    public void EveryOutcome_IsALegalMoveFromSending(OutboxOutcome outcome, OutboxState expected)
    {
        Assert.Equal(expected, OutboxStateMachine.After(outcome));
        Assert.True(OutboxStateMachine.IsAllowed(OutboxState.Sending, expected));
    }

    private TableClient Table => Tables.Get(TableNames.NoticeDeliveries);

    private static TableEntity Row(string rowKey, OutboxState state) => new("ledger-test", rowKey) { ["State"] = state.ToString() };

    private async Task<ETag> AddAsync(string rowKey, OutboxState state) => (await Table.AddEntityAsync(Row(rowKey, state), Ct)).Headers.ETag!.Value;

    private async Task<string?> StateAsync(string rowKey) => (await Table.GetEntityAsync<TableEntity>("ledger-test", rowKey, cancellationToken: Ct)).Value.GetString("State");

    [Fact]
    public async Task AnIllegalMove_IsRefused_AndNothingIsWritten()
    {
        var etag = await AddAsync("a", OutboxState.Unknown);
        await Assert.ThrowsAsync<InvalidOperationException>(() => OutboxLedger.MoveAsync(Table, new(Row("a", OutboxState.Pending), etag, OutboxState.Unknown, OutboxState.Pending), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => OutboxLedger.MoveAllAsync(Table, [new(Row("a", OutboxState.Pending), etag, OutboxState.Unknown, OutboxState.Pending)], Ct));
        Assert.Equal("Unknown", await StateAsync("a"));
    }

    [Fact]
    public async Task TwoClaimsWithTheSameRead_OnlyOneWins()
    {
        var etag = await AddAsync("b", OutboxState.Pending);
        var first = await OutboxLedger.MoveAsync(Table, new(Row("b", OutboxState.Sending), etag, OutboxState.Pending, OutboxState.Sending), Ct);
        var second = await OutboxLedger.MoveAsync(Table, new(Row("b", OutboxState.Sending), etag, OutboxState.Pending, OutboxState.Sending), Ct);
        Assert.NotNull(first);
        Assert.Null(second);
        // The winner records its outcome with the ETag its claim returned.
        Assert.NotNull(await OutboxLedger.MoveAsync(Table, new(Row("b", OutboxState.Delivered), first!.Value, OutboxState.Sending, OutboxState.Delivered), Ct));
        Assert.Equal("Delivered", await StateAsync("b"));
    }

    [Fact]
    public async Task ATransaction_WithOneStaleRow_WritesNothing_AndOneByOneTakesTheRest()
    {
        var c = await AddAsync("c", OutboxState.Pending);
        var d = await AddAsync("d", OutboxState.Pending);
        await Table.UpdateEntityAsync(Row("d", OutboxState.Sending), d, TableUpdateMode.Replace, Ct); // another worker took d
        List<OutboxMove> moves = [new(Row("c", OutboxState.Sending), c, OutboxState.Pending, OutboxState.Sending), new(Row("d", OutboxState.Sending), d, OutboxState.Pending, OutboxState.Sending)];

        Assert.Null(await OutboxLedger.MoveAllAsync(Table, moves, Ct));
        Assert.Equal("Pending", await StateAsync("c"));

        var each = await OutboxLedger.MoveEachAsync(Table, moves, Ct);
        Assert.NotNull(each[0]);
        Assert.Null(each[1]);
    }
}
