using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Storage;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Tests.Reliability;

/// <summary>What the fuzz properties (<see cref="FuzzTests"/>) found, one focused test each, so each stays fixed.</summary>
[Collection(StorageCollection.Name)]
public sealed class FuzzFindingsTests(AzuriteFixture azurite, FuzzBot fuzzBot) : IClassFixture<FuzzBot>
{
    private static async Task<Versioned<ActionItem>> Stored(BotHarness bot, string reference) =>
        (await bot.Services.GetRequiredService<ActionStore>().GetAsync(reference, CancellationToken.None))!;

    private void AssertNoErrorsLoggedSince(int count) =>
        Assert.Empty(fuzzBot.Logs.ErrorsAfter(count));

    [Fact]
    public async Task VeryLongQuestion_IsAnsweredFromItsStart_NotWithAnError()
    {
        // The answer repeats the question ("Show more" data); 26k characters of it made the card too big for Teams.
        var bot = await fuzzBot.StartAsync(azurite);
        var logs = fuzzBot.Logs.Total;

        var card = await bot.AskAsync(string.Concat(Enumerable.Repeat("overdue actions ", 1_700)), bot.Person("lee-cox"));

        AssertNoErrorsLoggedSince(logs);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(card).Length < 28 * 1024);
        Assert.DoesNotContain("went wrong", BotHarnessText.Of(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionSubmit_RefusedByItsHandler_TellsThePersonWhy()
    {
        // An error answer to an Action.Submit used to be dropped: the button did nothing at all.
        var bot = await fuzzBot.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        var data = new JsonObject { ["ref"] = "DAG33-04" }; // closing is for the PMO
        var (status, body) = await bot.InvokeAsync(ActionCards.CloseVerb, data.DeepClone().AsObject(), lee);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var before = bot.Connector.Sent.Count;

        using var response = await bot.PostAsync(FuzzTests.SubmitActivity(bot, ActionCards.CloseVerb, data, lee));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.Connector.WaitForAsync(FuzzTests.IsMessage, before);
        Assert.Equal(body!["value"]!["message"]!.GetValue<string>(), reply.Activity!["text"]!.GetValue<string>());
        Assert.Equal(ActionStatus.Ongoing, (await Stored(bot, "DAG33-04")).Value.Status);
    }

    [Fact]
    public async Task ActionSubmit_WithAVerbNobodyHandles_SaysTheButtonIsUnknown()
    {
        var bot = await fuzzBot.StartAsync(azurite);
        var logs = fuzzBot.Logs.Total;
        var before = bot.Connector.Sent.Count;

        using var response = await bot.PostAsync(FuzzTests.SubmitActivity(bot, "action.delete", new JsonObject { ["ref"] = "DAG33-04" }, bot.Person("lee-cox")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.Connector.WaitForAsync(FuzzTests.IsMessage, before);
        await Cards.CardSchema.AssertValidAsync(reply.Card!, "unknown button");
        Assert.Contains("button", reply.CardText, StringComparison.Ordinal);
        AssertNoErrorsLoggedSince(logs);
    }

    [Theory]
    [InlineData("\"*\"")]                    // the wildcard skipped the conflict check
    [InlineData("\"garbage\"")]
    [InlineData("42")]                       // not text: read as "no etag", so the change was made
    [InlineData("\"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\"")]
    public async Task ActionChange_WithAnETagNoCardCarries_IsRefused_AndNothingIsWritten(string etag)
    {
        var bot = await fuzzBot.StartAsync(azurite);
        var before = await Stored(bot, "DAG12-06");
        bot.StorageRequests.Clear();

        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb, new JsonObject
        {
            ["ref"] = "DAG12-06",
            [ActionCards.UpdateTextInputId] = "From a damaged card",
            ["etag"] = JsonNode.Parse(etag),
        }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("nothing was changed", body!["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        FuzzTests.AssertWritesOnlyTo(bot, [], "a damaged etag");
        Assert.Equal(before.ETag, (await Stored(bot, "DAG12-06")).ETag);
    }

    [Fact]
    public async Task ActionChange_FromAStaleCard_IsAConflict_DecidedBeforeAnythingIsWritten()
    {
        var bot = await fuzzBot.StartAsync(azurite);
        var lee = bot.Person("lee-cox");
        var stale = (await Stored(bot, "DAG31-08")).ETag.ToString();
        var (first, firstBody) = await bot.InvokeAsync(ActionCards.UpdateVerb, new JsonObject { ["ref"] = "DAG31-08", ["etag"] = stale, [ActionCards.UpdateTextInputId] = "First" }, lee);
        Assert.Equal(HttpStatusCode.OK, first);
        bot.StorageRequests.Clear();

        var (status, body) = await bot.InvokeAsync(ActionCards.UpdateVerb, new JsonObject { ["ref"] = "DAG31-08", ["etag"] = stale, [ActionCards.UpdateTextInputId] = "Second, from the old card" }, lee);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Someone else just changed this action", BotHarnessText.Of(body), StringComparison.Ordinal);
        FuzzTests.AssertWritesOnlyTo(bot, [], "a stale card");
        Assert.Equal("First", (await Stored(bot, "DAG31-08")).Value.LatestUpdate);

        // The card that answered the first change carries an ETag that the next change is accepted with.
        var fresh = EtagOn(firstBody!["value"]!.AsObject());
        var (next, _) = await bot.InvokeAsync(ActionCards.UpdateVerb, new JsonObject { ["ref"] = "DAG31-08", ["etag"] = fresh, [ActionCards.UpdateTextInputId] = "Third, from the new card" }, lee);
        Assert.Equal(HttpStatusCode.OK, next);
        Assert.Equal("Third, from the new card", (await Stored(bot, "DAG31-08")).Value.LatestUpdate);
    }

    private static string EtagOn(JsonObject card)
    {
        string? found = null;
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (o["etag"] is JsonValue v && v.TryGetValue<string>(out var e)) found ??= e;
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(card);
        return found ?? throw new InvalidOperationException("The action card carries no etag.");
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u200B\u200D")]
    [InlineData("\u0007 \u001B")]
    public async Task ActionUpdate_OfNothingVisible_IsRefused(string text)
    {
        var bot = await fuzzBot.StartAsync(azurite);
        bot.StorageRequests.Clear();

        var (status, _) = await bot.InvokeAsync(ActionCards.UpdateVerb, new JsonObject { ["ref"] = "DAG32-04", [ActionCards.UpdateTextInputId] = text }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        FuzzTests.AssertWritesOnlyTo(bot, [], "an invisible update");
    }

    [Fact]
    public async Task ActionUpdate_KeepsLineBreaks_DropsOtherControlCharacters()
    {
        var bot = await fuzzBot.StartAsync(azurite);

        var (status, _) = await bot.InvokeAsync(ActionCards.UpdateVerb, new JsonObject { ["ref"] = "DAG32-04", [ActionCards.UpdateTextInputId] = "Line one\u0007\nLine two\u0000" }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Line one\nLine two", (await Stored(bot, "DAG32-04")).Value.LatestUpdate);
    }

    [Theory]
    [InlineData("CR/043")]
    [InlineData("CR043#")]
    [InlineData("CR?43")]
    public async Task ChangeRequest_ByAnIdThatCannotBeAKey_IsNotFound_NotAServerError(string id)
    {
        // Table keys may not hold '/', '\', '#', '?': the lookup threw, and the invoke answered 500.
        var bot = await fuzzBot.StartAsync(azurite);
        var logs = fuzzBot.Logs.Total;

        var (status, body) = await bot.InvokeAsync(ChangeRequestCardActions.ShowVerb, new JsonObject { ["id"] = id }, bot.Person("lee-cox"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("no record", BotHarnessText.Of(body), StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<ChangeRequestStore>().GetAsync(id, CancellationToken.None));
        AssertNoErrorsLoggedSince(logs);
    }

    [Fact]
    public async Task ShowMore_PagesLists_ButDoesNotRunCommands()
    {
        // "Show more" carries the question; a hand-made one carrying "subscribe DAG" subscribed the caller.
        var bot = await fuzzBot.StartAsync(azurite);
        var craig = bot.Person("craig-handford");
        bot.StorageRequests.Clear();

        var (status, _) = await bot.InvokeAsync(ListMoreCardAction.Verb, new JsonObject { ["query"] = "subscribe DAG", ["page"] = 0 }, craig);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        FuzzTests.AssertWritesOnlyTo(bot, [], "show more of a command");
        var (listed, body) = await bot.InvokeAsync(ListMoreCardAction.Verb, new JsonObject { ["query"] = "open DAG actions", ["page"] = 1 }, craig);
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Contains("DAG", BotHarnessText.Of(body), StringComparison.Ordinal);
    }
}
