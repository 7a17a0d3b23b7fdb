using GovBot.Features.ChangeRequests;
using GovBot.Storage;

namespace GovBot.Tests.Storage;

/// <summary>
/// <see cref="ETagUpdate"/> against Azurite: a lost race re-applies the change to what won, a value that keeps
/// changing is given up on after the stated attempts, and two inserts of one missing row both land.
/// </summary>
public sealed class ETagUpdateTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>Appends a line to the CR's summary: a change that must not be lost to another writer.</summary>
    private static Func<ChangeRequest?, Planned<ChangeRequest, string>> Append(string line, Action? onCall = null, string id = "CR043") => cr =>
    {
        onCall?.Invoke();
        return cr is null
            ? new(TestData.ChangeRequest(id) with { Summary = line }, "created")
            : new(cr with { Summary = cr.Summary + "\n" + line }, "updated");
    };

    /// <summary>The store's row, with another writer's change slipped in before each of the first <paramref name="interruptions"/> writes.</summary>
    private VersionedRow<ChangeRequest> Contended(ChangeRequestStore store, string id, int interruptions)
    {
        var row = store.Row(id);
        var left = interruptions;
        return row with
        {
            Replace = async (current, changed, ct) =>
            {
                if (left-- > 0)
                {
                    var theirs = (await store.GetAsync(id, ct))!;
                    await store.UpdateAsync(theirs, theirs.Value with { Summary = theirs.Value.Summary + "\nother writer" }, ct);
                }
                return await row.Replace(current, changed, ct);
            },
            Add = async (value, ct) =>
            {
                if (left-- > 0) await store.CreateAsync(TestData.ChangeRequest(id) with { Summary = "other writer" }, ct);
                return await row.Add(value, ct);
            },
        };
    }

    [Fact]
    public async Task LostRace_ReappliesTheChangeToTheWinner_NothingIsLost()
    {
        var store = new ChangeRequestStore(Tables);
        await store.CreateAsync(TestData.ChangeRequest() with { Summary = "first" }, Ct);
        var calls = 0;

        var result = await ETagUpdate.UpdateAsync(Contended(store, "CR043", interruptions: 1), Append("mine", () => calls++), attempts: 3, Ct);

        Assert.True(result.Written);
        Assert.Equal("updated", result.Outcome);
        Assert.Equal(2, calls); // once on the stale version, once on the winner
        var stored = (await store.GetAsync("CR043", Ct))!;
        Assert.Equal("first\nother writer\nmine", stored.Value.Summary);
        Assert.Equal(stored.ETag, result.Value!.ETag);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task KeepsLosing_GivesUpAfterTheAttempts_WithTheWinnerAndNothingOfOurs(int attempts)
    {
        var store = new ChangeRequestStore(Tables);
        await store.CreateAsync(TestData.ChangeRequest() with { Summary = "first" }, Ct);
        var calls = 0;

        var gaveUp = await Assert.ThrowsAsync<ConcurrencyRetriesExhaustedException<ChangeRequest>>(() =>
            ETagUpdate.UpdateAsync(Contended(store, "CR043", interruptions: int.MaxValue), Append("mine", () => calls++), attempts, Ct));

        Assert.Equal(attempts, calls);
        Assert.Equal(attempts, gaveUp.Attempts);
        Assert.Contains("Change request CR043", gaveUp.Message);
        Assert.Contains($"after {attempts} attempt", gaveUp.Message);
        var stored = (await store.GetAsync("CR043", Ct))!.Value.Summary!;
        Assert.DoesNotContain("mine", stored);
        Assert.Equal(stored, gaveUp.Latest!.Value.Summary);
        Assert.IsAssignableFrom<ConcurrencyConflictException>(gaveUp); // callers catching any conflict still do
    }

    [Fact]
    public async Task InsertIfMissing_AnotherWriterInsertsFirst_OurChangeIsAppliedOnTop()
    {
        var store = new ChangeRequestStore(Tables);

        var result = await ETagUpdate.UpdateAsync(Contended(store, "CR043", interruptions: 1), Append("mine"), attempts: 2, Ct);

        Assert.Equal("updated", result.Outcome); // the insert lost (409), so it became an update of theirs
        Assert.Equal("other writer\nmine", (await store.GetAsync("CR043", Ct))!.Value.Summary);
    }

    [Fact]
    public async Task InsertIfMissing_ManyWritersAtOnce_EveryChangeLands()
    {
        var store = new ChangeRequestStore(Tables);
        const int writers = 8;

        var results = await Task.WhenAll(Enumerable.Range(1, writers).Select(i =>
            ETagUpdate.UpdateAsync(store.Row("CR050"), Append($"writer {i}", id: "CR050"), attempts: writers + 1, Ct)));

        Assert.Single(results, r => r.Outcome == "created");
        var lines = (await store.GetAsync("CR050", Ct))!.Value.Summary!.Split('\n');
        Assert.Equal(Enumerable.Range(1, writers).Select(i => $"writer {i}").Order(), lines.Order());
    }

    [Fact]
    public async Task NothingToWrite_NoWrite_AndTheStoredValueIsReturned()
    {
        var store = new ChangeRequestStore(Tables);
        var created = await store.CreateAsync(TestData.ChangeRequest(), Ct);
        Requests.Clear();

        var result = await ETagUpdate.UpdateAsync(store.Row("CR043"), cr => new Planned<ChangeRequest, string>(null, "unchanged"), attempts: 3, Ct);

        Assert.False(result.Written);
        Assert.Equal(created.ETag, result.Value!.ETag);
        Assert.Equal(["GET"], Requests.All.Select(r => r.Split(' ')[0]));
        var missing = await ETagUpdate.UpdateAsync(store.Row("CR999"), cr => new Planned<ChangeRequest, string>(cr is null ? null : cr with { Title = "x" }, "?"), 3, Ct);
        Assert.Null(missing.Value);
        Assert.Null(await store.GetAsync("CR999", Ct)); // a change that needs the record never inserts it
    }

    [Fact]
    public async Task BadArguments_AreRefusedClearly()
    {
        var store = new ChangeRequestStore(Tables);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ETagUpdate.UpdateAsync(store.Row("CR043"), Append("x"), attempts: 0, Ct));
        var created = await store.CreateAsync(TestData.ChangeRequest(), Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(created, created.Value with { Id = "CR044" }, Ct));
    }
}
