using System.Text.Json.Nodes;
using NJsonSchema;

namespace GovBot.Tests.Cards;

/// <summary>The official Adaptive Card 1.5 schema (from ../shared), as Teams uses it, plus our Teams lint.</summary>
internal static class CardSchema
{
    public static readonly Lazy<Task<JsonSchema>> Schema = new(async () =>
    {
        var schemaJson = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.SharedSchema("adaptive-card-1.5.0.json")))!.AsObject();
        // Teams accepts the root "msteams" property (width, mentions); the 1.5 schema's additionalProperties:false rejects it.
        schemaJson["definitions"]!["AdaptiveCard"]!["properties"]!.AsObject()["msteams"] = new JsonObject { ["type"] = "object" };
        return await JsonSchema.FromJsonAsync(schemaJson.ToJsonString());
    });

    /// <summary>Fails the test, naming every problem, when the card is not one Teams would show as intended.</summary>
    public static async Task AssertValidAsync(JsonObject card, string what)
    {
        var schema = await Schema.Value;
        var problems = schema.Validate(card.ToJsonString()).Select(e => $"{e.Path} {e.Kind}").Concat(TeamsCardLint.Check(card)).ToList();
        Assert.True(problems.Count == 0, $"The card for {what} is not valid for Teams: {string.Join("; ", problems)}");
    }
}
