using System.Text.Json.Nodes;
using GovBot.Testing;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// The search message extension through the Agents Playground: its compose-box query invoke reaches the real GovBot
/// process and the results come back in the Playground's shape. (The Playground's invoke API accepts no
/// composeExtension/selectItem, so picking a result is covered by the protocol tests in GovBot.Tests.)
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SearchInPlaygroundTests(GovBotWithPlayground stack)
{
    [Fact]
    public async Task ComposeBoxQuery_PreQualification_ChecklistDeadlineFirst_WithItsSource()
    {
        var body = await stack.Playground.InvokeAsync("composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchGovBot",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = "pre-qualification" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 5 },
        });

        Assert.Equal("result", body["composeExtension"]!["type"]!.GetValue<string>());
        var attachments = body["composeExtension"]!["attachments"]!.AsArray();
        Assert.InRange(attachments.Count, 1, 5);
        var preview = attachments[0]!["preview"]!["content"]!;
        Assert.Equal("Make the pre-qualification submission.", preview["title"]!.GetValue<string>());
        Assert.Equal("DAG 34 papers · Participant Checklist · item 6", preview["text"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachments[0]!["content"]!["type"]!.GetValue<string>());
    }
}
