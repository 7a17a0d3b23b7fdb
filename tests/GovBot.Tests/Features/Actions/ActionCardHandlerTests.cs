using GovBot.Tests.Bot;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Features.Actions;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Tests.Features.Actions;

/// <summary>Buttons on action cards, sent as hand-made invokes: the server decides who may do what, and nothing is lost to a race.</summary>
[Collection(StorageCollection.Name)]
public class ActionCardHandlerTests(AzuriteFixture azurite)
{
    private const string LeesAction = "DAG33-04"; // owner "Programme (Lee Cox)", Ongoing

    private static async Task<ActionItem> Stored(BotHarness bot, string reference) =>
        (await bot.Services.GetRequiredService<ActionStore>().GetAsync(reference, CancellationToken.None))!.Value;

    private static string Json(ActionItem action) => JsonSerializer.Serialize(action);

    [Fact]
    public async Task Owner_PostsAnUpdate_SavedWithAuthorAndTime_CardUpdatedInPlace()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var before = await Stored(bot, LeesAction);

        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb,
            new JsonObject { ["ref"] = LeesAction, [ActionCards.UpdateTextInputId] = "  Impacts of CR039 confirmed with the test team.  " }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body!["type"]!.GetValue<string>());
        Assert.Contains("Impacts of CR039 confirmed", BotHarnessText.Of(body["value"]));
        var after = await Stored(bot, LeesAction);
        Assert.Equal("Impacts of CR039 confirmed with the test team.", after.LatestUpdate);
        Assert.Equal(before.History.Count + 1, after.History.Count);
        var entry = after.History[^1];
        Assert.Equal("lee-cox", entry.AuthorPersonId);
        Assert.Equal(new DateOnly(2024, 3, 6), DateOnly.FromDateTime(entry.At.UtcDateTime)); // the app's clock, not the machine's
    }

    [Theory]
    [InlineData("craig-handford", "action.update")]          // not an owner
    [InlineData("craig-handford", "action.recommendClose")]  // not an owner
    [InlineData("lee-cox", "action.close")]                  // owner, but not PMO
    [InlineData("lee-cox", "action.changeDue")]              // owner, but not PMO
    [InlineData("priya-patel", "action.recommendClose")]     // PMO, but not an owner
    public async Task WithoutThePower_TheChangeIsRefused_AndNothingChanges(string who, string verb)
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var before = await Stored(bot, LeesAction);

        // A hand-made payload: whatever it claims, the server checks the caller.
        var (status, body) = await bot.InvokeAsync(verb, new JsonObject
        {
            ["ref"] = LeesAction,
            [ActionCards.UpdateTextInputId] = "sneaky",
            [ActionCards.NewDueInputId] = "2030-01-01",
            ["isPmo"] = true,
            ["owner"] = who,
        }, bot.Person(who));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(403, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(Json(before), Json(await Stored(bot, LeesAction)));
    }

    [Fact]
    public async Task Pmo_ClosesReopensAndRedates()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var pmo = bot.Person("priya-patel");

        Assert.Equal(HttpStatusCode.OK, (await bot.InvokeAsync(ActionCards.CloseVerb, new JsonObject { ["ref"] = LeesAction }, pmo)).Status);
        Assert.Equal(ActionStatus.Closed, (await Stored(bot, LeesAction)).Status);

        Assert.Equal(HttpStatusCode.OK, (await bot.InvokeAsync(ActionCards.ReopenVerb, new JsonObject { ["ref"] = LeesAction }, pmo)).Status);
        Assert.Equal(ActionStatus.Open, (await Stored(bot, LeesAction)).Status);

        var (status, _) = await bot.InvokeAsync(ActionCards.ChangeDueVerb, new JsonObject { ["ref"] = LeesAction, [ActionCards.NewDueInputId] = "2024-04-10" }, pmo);
        Assert.Equal(HttpStatusCode.OK, status);
        var after = await Stored(bot, LeesAction);
        Assert.Equal(new DateOnly(2024, 4, 10), after.Due);
        Assert.Equal(["Closed", "Reopened", "Due date changed to Wednesday 10 April 2024"], after.History.TakeLast(3).Select(h => h.Text));
        Assert.All(after.History.TakeLast(3), h => Assert.Equal("priya-patel", h.AuthorPersonId));
    }

    [Fact]
    public async Task Owner_RecommendsClosure()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (status, _) = await bot.InvokeAsync(ActionCards.RecommendCloseVerb, new JsonObject { ["ref"] = LeesAction }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ActionStatus.RecommendClosed, (await Stored(bot, LeesAction)).Status);
    }

    [Fact]
    public async Task FiftyConcurrentUpdates_ToOneAction_NoneIsLost()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        var before = (await Stored(bot, LeesAction)).History.Count;

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            bot.InvokeAsync(ActionCards.UpdateVerb, new JsonObject { ["ref"] = LeesAction, [ActionCards.UpdateTextInputId] = $"Update number {i}" }, lee)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(results, r => Assert.DoesNotContain("Someone else just changed", BotHarnessText.Of(r.Body)));
        var after = await Stored(bot, LeesAction);
        Assert.Equal(before + 50, after.History.Count);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"Update number {i}").Order(), after.History.Skip(before).Select(h => h.Text).Order());
    }

    [Fact]
    public async Task ConcurrentUpdates_FromTwoInstances_NoneIsLost()
    {
        // Two app instances on the same tables: their updates meet only at the ETag, and are re-applied on conflict.
        await using var first = await BotHarness.StartAsync(azurite);
        first.KeepTables = true;
        await using var second = await BotHarness.StartAsync(azurite, prefix: first.Prefix);
        var lee = first.Person("lee-cox");
        var before = (await Stored(first, LeesAction)).History.Count;

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            (i % 2 == 0 ? first : second).InvokeAsync(ActionCards.UpdateVerb,
                new JsonObject { ["ref"] = LeesAction, [ActionCards.UpdateTextInputId] = $"Update number {i}" }, lee)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var after = await Stored(first, LeesAction);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Update number {i}").Order(), after.History.Skip(before).Select(h => h.Text).Order());
    }

    [Fact]
    public async Task StaleCard_GetsTheLatestVersion_AndTheChangeIsNotSaved()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        var store = bot.Services.GetRequiredService<ActionStore>();
        var shown = (await store.GetAsync(LeesAction, CancellationToken.None))!; // the card Lee is looking at
        // Someone else saves a change first.
        await store.UpdateAsync(shown, shown.Value with { LatestUpdate = "The PMO's newer update" }, CancellationToken.None);

        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb,
            new JsonObject { ["ref"] = LeesAction, ["etag"] = shown.ETag.ToString(), [ActionCards.UpdateTextInputId] = "Lee's older view" }, lee);

        Assert.Equal(HttpStatusCode.OK, status);
        var text = BotHarnessText.Of(body!["value"]);
        Assert.Contains("Someone else just changed this action", text);
        Assert.Contains("The PMO's newer update", text);
        Assert.Equal("The PMO's newer update", (await Stored(bot, LeesAction)).LatestUpdate);
    }

    [Theory]
    [InlineData("""{"ref":"DAG33-04"}""", "action.update")]                       // no text
    [InlineData("""{"ref":"DAG33-04","updateText":"   "}""", "action.update")]     // blank text
    [InlineData("""{"ref":"DAG33-04","updateText":42}""", "action.update")]        // wrong type
    [InlineData("""{"updateText":"hello"}""", "action.update")]                    // no ref
    [InlineData("""{"ref":"../../etc","updateText":"x"}""", "action.update")]      // not a ref
    [InlineData("""{"ref":"DAG33-04","newDue":"10/04/2024"}""", "action.changeDue")] // not ISO
    [InlineData("""{"ref":"DAG33-04","newDue":"2024-02-30"}""", "action.changeDue")] // no such day
    public async Task BadPayloads_GetAClearError_AndChangeNothing(string data, string verb)
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var before = await Stored(bot, LeesAction);

        var (status, body) = await bot.InvokeAsync(verb, JsonNode.Parse(data)!.AsObject(), bot.Person("priya-patel"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace(body!["value"]!["message"]!.GetValue<string>()));
        Assert.Equal(Json(before), Json(await Stored(bot, LeesAction)));
    }

    [Fact]
    public async Task TooLongUpdate_IsRefusedWithItsLength()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb,
            new JsonObject { ["ref"] = LeesAction, [ActionCards.UpdateTextInputId] = new string('x', 1001) }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("1,001", body!["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ButtonsOnTheDetailCard_FollowThePowers()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        string Verbs(JsonNode card) => string.Join(",", BotHarnessText.Of(card).Split('\n').Where(t => t.StartsWith("action.", StringComparison.Ordinal)).Distinct().Order());

        var owner = Verbs((await bot.InvokeAsync(ActionCards.ShowVerb, new JsonObject { ["ref"] = LeesAction }, bot.Person("lee-cox"))).Body!["value"]!);
        var pmo = Verbs((await bot.InvokeAsync(ActionCards.ShowVerb, new JsonObject { ["ref"] = LeesAction }, bot.Person("priya-patel"))).Body!["value"]!);
        var other = Verbs((await bot.InvokeAsync(ActionCards.ShowVerb, new JsonObject { ["ref"] = LeesAction }, bot.Person("craig-handford"))).Body!["value"]!);

        Assert.Equal("action.recommendClose,action.update", owner);
        Assert.Equal("action.changeDue,action.close,action.update", pmo);
        Assert.Equal("", other);
    }
}
