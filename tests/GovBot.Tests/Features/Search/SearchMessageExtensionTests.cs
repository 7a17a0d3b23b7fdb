using System.Net;
using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Features.Actions;
using GovBot.Features.Search;
using GovBot.People;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Search;

/// <summary>
/// The search message extension over the Bot Framework protocol (POST /api/messages, invoke activities answered
/// inline): results in pages of at most 25, the picked result's full card with its Action.Execute buttons, and a
/// clear error for a payload GovBot cannot read.
/// </summary>
[Collection(StorageCollection.Name)]
public class SearchMessageExtensionTests(AzuriteFixture azurite)
{
    private static JsonObject Invoke(BotHarness bot, string name, JsonNode? value, Person from)
    {
        var activity = bot.Activity("invoke", from);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    private static JsonObject Query(string text, int skip, int count) => new()
    {
        ["commandId"] = SearchMessageExtension.CommandId,
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = SearchMessageExtension.ParameterName, ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
    };

    private static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(BotHarness bot, JsonObject activity)
    {
        using var response = await bot.PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    private static List<JsonObject> Attachments(JsonObject body)
    {
        Assert.Equal("result", body["composeExtension"]!["type"]!.GetValue<string>());
        return [.. body["composeExtension"]!["attachments"]!.AsArray().OfType<JsonObject>()];
    }

    private static string PreviewTitle(JsonObject attachment) => attachment["preview"]!["content"]!["title"]!.GetValue<string>();

    private static IEnumerable<string> ExecuteVerbs(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if (o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"] is JsonValue verb) yield return verb.GetValue<string>();
            foreach (var (_, v) in o) foreach (var x in ExecuteVerbs(v)) yield return x;
        }
        else if (node is JsonArray a) foreach (var v in a) foreach (var x in ExecuteVerbs(v)) yield return x;
    }

    [Fact]
    public async Task Query_PagesBySkipAndCount_AtMost25_EachWithCardAndPreview()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");

        var (status, body) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, Query("CR043", 0, 3), lee));
        Assert.Equal(HttpStatusCode.OK, status);
        var first = Attachments(body);
        Assert.InRange(first.Count, 1, 3);
        Assert.StartsWith("CR043", PreviewTitle(first[0]), StringComparison.Ordinal);
        Assert.All(first, a =>
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", a["contentType"]!.GetValue<string>());
            Assert.Equal("invoke", a["preview"]!["content"]!["tap"]!["type"]!.GetValue<string>());
        });

        // "design" matches many things: two pages of 4 do not overlap, and a count above 25 is held to 25.
        var page1 = Attachments((await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, Query("design", 0, 4), lee))).Body).Select(PreviewTitle).ToList();
        var page2 = Attachments((await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, Query("design", 4, 4), lee))).Body).Select(PreviewTitle).ToList();
        Assert.Equal(4, page1.Count);
        Assert.NotEmpty(page2);
        Assert.Empty(page1.Intersect(page2));
        var many = Attachments((await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, Query("design", 0, 500), lee))).Body);
        Assert.InRange(many.Count, 9, 25);
    }

    [Fact]
    public async Task SelectItem_InsertsTheFullCard_ActionAndCrCardsKeepTheirExecuteButtons()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");

        var (queried, results) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, Query("DAG31-08", 0, 5), lee));
        Assert.Equal(HttpStatusCode.OK, queried);
        var tap = Attachments(results).Select(a => a["preview"]!["content"]!["tap"]!["value"]!.AsObject())
            .First(v => v["source"]!.GetValue<string>() == ActionSearchSource.SourceName);
        Assert.Equal("DAG31-08", tap["key"]!.GetValue<string>());

        var (status, selected) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.SelectItem, tap.DeepClone(), lee));
        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(Attachments(selected))["content"]!.AsObject();
        Assert.Contains("DAG31-08", BotHarnessText.Of(card));
        Assert.NotEmpty(ExecuteVerbs(card)); // the action's own buttons, checked again on the server when pressed
        await Cards.CardSchema.AssertValidAsync(card, "selected action");

        var (crStatus, cr) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.SelectItem, new JsonObject { ["source"] = "changerequests", ["key"] = "CR043" }, lee));
        Assert.Equal(HttpStatusCode.OK, crStatus);
        var crCard = Assert.Single(Attachments(cr))["content"]!.AsObject();
        Assert.Contains("CR043", BotHarnessText.Of(crCard));
        Assert.Equal(["cr.show"], ExecuteVerbs(crCard).Distinct());
        await Cards.CardSchema.AssertValidAsync(crCard, "selected CR");
    }

    [Fact]
    public async Task BadPayloads_GetAClearError_NotAResult()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var lee = bot.Person("lee-cox");

        var (noValue, noValueBody) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, null, lee));
        Assert.Equal(HttpStatusCode.BadRequest, noValue);
        Assert.Equal("BadRequest", noValueBody["value"]!["code"]!.GetValue<string>());
        Assert.Contains("no value object", noValueBody["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var (notObject, _) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, JsonValue.Create("CR043"), lee));
        Assert.Equal(HttpStatusCode.BadRequest, notObject);

        var (noKey, noKeyBody) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.SelectItem, new JsonObject { ["source"] = "actions" }, lee));
        Assert.Equal(HttpStatusCode.BadRequest, noKey);
        Assert.Contains("does not say what it is", noKeyBody["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Well formed, but for a record that is not (or no longer) there: a message in the pane, not an error.
        var (gone, goneBody) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.SelectItem, new JsonObject { ["source"] = "actions", ["key"] = "NOPE-01" }, lee));
        Assert.Equal(HttpStatusCode.OK, gone);
        Assert.Equal("message", goneBody["composeExtension"]!["type"]!.GetValue<string>());

        var (tooShort, shortBody) = await SendAsync(bot, Invoke(bot, MessageExtensionInvokes.Query, Query("x", 0, 5), lee));
        Assert.Equal(HttpStatusCode.OK, tooShort);
        Assert.Equal("message", shortBody["composeExtension"]!["type"]!.GetValue<string>());
    }
}
