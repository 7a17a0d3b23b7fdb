using System.Text.Json.Nodes;

namespace GovBot.Tests.Cards;

/// <summary>Reading helpers for card JSON in tests.</summary>
internal static class CardJson
{
    /// <summary>Every TextBlock text and fact "title: value", in document order (ShowCard contents included).</summary>
    public static List<string> Texts(JsonNode card)
    {
        var list = new List<string>();
        foreach (var o in Objects(card))
        {
            if ((string?)o["type"] == "TextBlock") list.Add((string)o["text"]!);
            if ((string?)o["type"] == "FactSet")
                list.AddRange(o["facts"]!.AsArray().Select(f => $"{(string)f!["title"]!}: {(string)f!["value"]!}"));
        }
        return list;
    }

    public static string AllText(JsonNode card) => string.Join("\n", Texts(card));

    /// <summary>Every object with the given "type", in document order.</summary>
    public static List<JsonObject> OfType(JsonNode card, string type) => [.. Objects(card).Where(o => (string?)o["type"] == type)];

    public static List<JsonObject> Executes(JsonNode card, string verb) =>
        [.. OfType(card, "Action.Execute").Where(a => (string?)a["verb"] == verb)];

    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, v) in o)
                    foreach (var x in Objects(v)) yield return x;
                break;
            case JsonArray a:
                foreach (var item in a)
                    foreach (var x in Objects(item)) yield return x;
                break;
        }
    }
}
