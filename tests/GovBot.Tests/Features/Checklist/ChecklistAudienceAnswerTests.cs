using GovBot.Features.Checklist;
using GovBot.Recognition;
using GovBot.SampleData;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Checklist;

/// <summary>"What do LDSOs need to do this week" on the sample data as of Wednesday 6 March 2024, on Azurite; and its cards.</summary>
public sealed class ChecklistAudienceAnswerTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2024, 3, 6);
    private static readonly DateRange ThisWeek = new(new(2024, 3, 4), new(2024, 3, 10));

    private async Task<ChecklistQueries> SeededAsync()
    {
        var store = new ChecklistStore(Tables);
        foreach (var item in MhhsSampleData.Build().Checklist) await store.UpsertAsync(item, Ct);
        return new ChecklistQueries(store);
    }

    [Fact]
    public async Task Ldsos_ThisWeek_AreTheLdsoTestCasesDue8March()
    {
        var view = await (await SeededAsync()).ForAudienceAsync(["LDSO"], ThisWeek, Ct);

        var due = Assert.Single(view.Deadlines);
        Assert.Equal((1, new DateOnly(2024, 3, 8)), (due.Number, due.Deadline!.Value));
        // The latest checklist's information items are for everyone, the DIP Simulator one among them.
        Assert.Equal([7, 8, 9, 10, 11], view.Information.Select(i => i.Number));
        Assert.Equal(new DateOnly(2024, 3, 1), view.Information[0].Dated);
    }

    [Fact]
    public async Task Dcc_LaterDeadlines_IncludeItsOwnAndThoseForAll_NotTheLdsoOne()
    {
        var view = await (await SeededAsync()).ForAudienceAsync(["DCC"], new DateRange(AsOf, AsOf.AddDays(61)), Ct);
        Assert.Equal([2, 3, 4, 5, 6], view.Deadlines.Select(i => i.Number));
    }

    [Fact]
    public async Task UnknownConstituency_ShowsEverything()
    {
        var view = await (await SeededAsync()).ForAudienceAsync([], new DateRange(AsOf, AsOf.AddDays(61)), Ct);
        Assert.True(view.Unknown);
        Assert.Equal([1, 2, 3, 4, 5, 6], view.Deadlines.Select(i => i.Number));
    }

    [Fact]
    public async Task AudienceCard_CitesThePaper_AndSaysWhomEachItemIsFor()
    {
        var view = await (await SeededAsync()).ForAudienceAsync(["LDSO"], ThisWeek, Ct);
        var json = ChecklistCards.ForAudience(view, mine: false, organisation: null, AsOf, "what do LDSOs need to do this week").ToJsonString(Relaxed);

        Assert.Contains("Checklist items for LDSO", json, StringComparison.Ordinal);
        Assert.Contains("Friday 8 March 2024", json, StringComparison.Ordinal);
        Assert.Contains("From DAG 34 papers, participant checklist item 1", json, StringComparison.Ordinal);
        Assert.Contains("For LDSO", json, StringComparison.Ordinal);
        Assert.Contains("For information", json, StringComparison.Ordinal);
        Assert.Contains("Information** – Friday 1 March 2024", json, StringComparison.Ordinal);
    }

    [Fact]
    public void MyChecklist_WithAnUnknownConstituency_SaysSoAndHowToFixIt()
    {
        var view = new ChecklistAudienceView([], true, ThisWeek, [], []);
        var json = ChecklistCards.ForAudience(view, mine: true, organisation: "MHHS Programme", AsOf, "my checklist items").ToJsonString(Relaxed);
        Assert.Contains("can't tell your constituency from your organisation (MHHS Programme)", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadlineCard_MarksTheItemsThatApplyToTheMember()
    {
        var items = MhhsSampleData.Build().Checklist.Where(i => i.Deadline is not null).ToList();
        var json = ChecklistCards.Deadlines(items, AsOf, "deadlines", yours: ["DCC"]).ToJsonString(Relaxed);

        // Six deadlines: the LDSO one is not for a DCC member; the DCC one and the four for all participants are.
        Assert.Equal(5, Count(json, "✓ Applies to you"));
        Assert.Equal(1, Count(json, "Not for your constituency"));
        var unmarked = ChecklistCards.Deadlines(items, AsOf, "deadlines").ToJsonString(Relaxed);
        Assert.Equal(0, Count(unmarked, "Applies to you"));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
