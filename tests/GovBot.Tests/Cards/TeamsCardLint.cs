using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GovBot.Cards;

namespace GovBot.Tests.Cards;

/// <summary>
/// Teams rules the 1.5 schema does not enforce: supported elements only, verbs on Action.Execute, unique input ids,
/// version 1.5, the size budget, and the Teams markdown subset (no HTML, no headers) in text.
/// </summary>
internal static partial class TeamsCardLint
{
    private static readonly HashSet<string> Elements =
    [
        "TextBlock", "RichTextBlock", "TextRun", "FactSet", "Container", "ColumnSet", "Column", "Table", "TableRow", "TableCell",
        "ActionSet", "Image", "ImageSet", "Input.Text", "Input.Date", "Input.Time", "Input.Number", "Input.Toggle", "Input.ChoiceSet",
    ];

    private static readonly HashSet<string> Actions =
        ["Action.Execute", "Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility"];

    public static IReadOnlyList<string> Check(JsonObject card)
    {
        var problems = new List<string>();
        if ((string?)card["type"] != "AdaptiveCard") problems.Add("root type is not AdaptiveCard");
        if ((string?)card["version"] != "1.5") problems.Add($"version is '{card["version"]}', not 1.5");
        var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
        if (bytes > CardKit.MaxCardBytes) problems.Add($"card is {bytes} bytes, over {CardKit.MaxCardBytes}");
        var inputIds = new HashSet<string>();
        Walk(card, "$", isRoot: true, problems, inputIds);
        return problems;
    }

    private static void Walk(JsonNode? node, string path, bool isRoot, List<string> problems, HashSet<string> inputIds)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", false, problems, inputIds);
                break;
            case JsonObject obj:
                CheckObject(obj, path, isRoot, problems, inputIds);
                foreach (var (key, value) in obj)
                {
                    if (key is "data" or "msteams") continue; // payloads, not card content
                    Walk(value, $"{path}.{key}", false, problems, inputIds);
                }
                break;
        }
    }

    private static void CheckObject(JsonObject obj, string path, bool isRoot, List<string> problems, HashSet<string> inputIds)
    {
        var type = (string?)obj["type"];
        if (obj.ContainsKey("isEnabled")) problems.Add($"{path}: isEnabled is not supported in Teams");
        if (type is null) return;
        if (type == "AdaptiveCard")
        {
            if (!isRoot && !path.EndsWith(".card", StringComparison.Ordinal)) problems.Add($"{path}: nested AdaptiveCard outside Action.ShowCard");
        }
        else if (type.StartsWith("Action.", StringComparison.Ordinal))
        {
            if (!Actions.Contains(type)) problems.Add($"{path}: action {type} is not supported");
            if (obj.ContainsKey("style")) problems.Add($"{path}: action style is not supported in Teams");
            if (string.IsNullOrWhiteSpace((string?)obj["title"]) && !path.EndsWith("selectAction", StringComparison.Ordinal)) problems.Add($"{path}: action without title");
            if (type == "Action.Execute" && string.IsNullOrWhiteSpace((string?)obj["verb"])) problems.Add($"{path}: Action.Execute without verb");
            if (type == "Action.OpenUrl" && !((string?)obj["url"] ?? "").StartsWith("https://", StringComparison.Ordinal)) problems.Add($"{path}: OpenUrl is not https");
        }
        else if (!Elements.Contains(type))
        {
            problems.Add($"{path}: element {type} is not supported");
        }
        if (type.StartsWith("Input.", StringComparison.Ordinal))
        {
            var id = (string?)obj["id"];
            if (string.IsNullOrWhiteSpace(id)) problems.Add($"{path}: input without id");
            else if (!inputIds.Add(id)) problems.Add($"{path}: duplicate input id '{id}'");
        }
        if (type == "Image" && !((string?)obj["url"] ?? "").StartsWith("https://", StringComparison.Ordinal)) problems.Add($"{path}: image url is not https");

        foreach (var text in Texts(obj, type))
        {
            if (HtmlRegex().IsMatch(text)) problems.Add($"{path}: HTML in text '{text}'");
            if (HeaderRegex().IsMatch(text)) problems.Add($"{path}: markdown header in text '{text}'");
        }
    }

    private static IEnumerable<string> Texts(JsonObject obj, string type)
    {
        if (type == "TextBlock" && (string?)obj["text"] is { } t) yield return t;
        if (type == "FactSet" && obj["facts"] is JsonArray facts)
            foreach (var f in facts.OfType<JsonObject>())
            {
                if ((string?)f["title"] is { } ft) yield return ft;
                if ((string?)f["value"] is { } fv) yield return fv;
            }
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")] private static partial Regex HtmlRegex();
    [GeneratedRegex(@"(^|[\r\n])[ \t]*#{1,6}\s")] private static partial Regex HeaderRegex();
}
