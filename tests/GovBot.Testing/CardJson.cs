using System.Text.Json.Nodes;

namespace GovBot.Testing;

/// <summary>Reading cards as the tests and benchmarks receive them: JSON, not our typed model.</summary>
public static class CardJson
{
    /// <summary>Every object in <paramref name="node"/>, itself included, depth first (a card's elements, actions, facts).</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var x in Objects(child)) yield return x;
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var x in Objects(child)) yield return x;
                }

                break;
        }
    }
}
