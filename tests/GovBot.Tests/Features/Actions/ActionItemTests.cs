using GovBot.Features.Actions;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Actions;

/// <summary>The action's own changes: each returns the new state with one history entry saying who, when and what.</summary>
public class ActionItemTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 6, 10, 15, 0, TimeSpan.Zero);
    private static readonly ActionAuthor Lee = new("lee-cox", "Lee Cox");
    private static readonly ActionItem Open = TestData.Action() with { Status = ActionStatus.Open };

    [Fact]
    public void WithUpdate_SetsTheLatestUpdate_AndRecordsIt()
    {
        var after = Open.WithUpdate("Baseline sent to members", Lee, At);

        Assert.Equal("Baseline sent to members", after.LatestUpdate);
        Assert.Equal(Open.History.Count + 1, after.History.Count);
        Assert.Equal(new ActionUpdate(At, "lee-cox", "Lee Cox", "Baseline sent to members", null, null), after.History[^1]);
        Assert.Equal(Open.Status, after.Status);
        Assert.Equal(Open.Due, after.Due);
        Assert.Equal(Open.History, after.History.Take(Open.History.Count)); // earlier entries kept, in order
        Assert.Equal(2, Open.History.Count); // the original is untouched
    }

    public static TheoryData<string, ActionStatus, string> StatusChanges => new()
    {
        { "recommend", ActionStatus.RecommendClosed, "Recommended for closure" },
        { "close", ActionStatus.Closed, "Closed" },
        { "reopen", ActionStatus.Open, "Reopened" },
    };

    [Theory]
    [MemberData(nameof(StatusChanges))]
    public void StatusChanges_SetTheStatus_AndRecordIt(string change, ActionStatus status, string text)
    {
        var before = Open with { Status = change == "reopen" ? ActionStatus.Closed : ActionStatus.Open };
        var after = change switch
        {
            "recommend" => before.RecommendedForClosure(Lee, At),
            "close" => before.Closed(Lee, At),
            _ => before.Reopened(Lee, At),
        };

        Assert.Equal(status, after.Status);
        Assert.Equal(new ActionUpdate(At, "lee-cox", "Lee Cox", text, status, null), after.History[^1]);
        Assert.Equal(before.History.Count + 1, after.History.Count);
        Assert.Equal(before.LatestUpdate, after.LatestUpdate);
    }

    [Fact]
    public void WithDue_MovesTheDueDate_AndRecordsIt()
    {
        var after = Open.WithDue(new DateOnly(2024, 4, 10), Lee, At);

        Assert.Equal(new DateOnly(2024, 4, 10), after.Due);
        Assert.Equal(new ActionUpdate(At, "lee-cox", "Lee Cox", "Due date changed to Wednesday 10 April 2024", null, new DateOnly(2024, 4, 10)), after.History[^1]);
        Assert.Equal(Open.Status, after.Status);
    }

    [Fact]
    public void Recording_AppendsAnImportEntry_WithNoPerson()
    {
        var entry = new ActionUpdate(At, null, "CSV import", "Imported from CSV", ActionStatus.Ongoing, null);

        var after = Open.Recording(entry);

        Assert.Equal([.. Open.History, entry], after.History);
        Assert.Equal(Open with { History = after.History }, after); // nothing else changes
        Assert.Null(ActionAuthor.Import("CSV import").PersonId);
    }
}
