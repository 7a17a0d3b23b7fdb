using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovBot.Connector;

/// <summary>Invoke names of search message extensions (compose box and command box).</summary>
public static class MessageExtensionInvokes
{
    /// <summary>The user typed into the extension's search box (or opened it: parameter initialRun=true).</summary>
    public const string Query = "composeExtension/query";

    /// <summary>The user picked a result: the bot returns the card to insert.</summary>
    public const string SelectItem = "composeExtension/selectItem";
}

/// <summary>
/// A <c>composeExtension/query</c> request: <c>{commandId, parameters:[{name,value}], queryOptions:{skip,count}}</c>.
/// <see cref="Count"/> is clamped to 1..<see cref="MaxCount"/>, <see cref="Skip"/> to 0 or more.
/// </summary>
public sealed record MessageExtensionQuery(string CommandId, IReadOnlyDictionary<string, string> Parameters, int Skip, int Count)
{
    /// <summary>Teams shows at most this many results per page.</summary>
    public const int MaxCount = 25;

    /// <summary>Longest parameter value read (a search box is short).</summary>
    public const int MaxValueLength = 500;

    /// <summary>True when Teams opened the extension before anything was typed.</summary>
    public bool IsInitialRun => Parameters.TryGetValue("initialRun", out var v) && v.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of <paramref name="name"/>, or the first parameter that is not initialRun.</summary>
    public string? Text(string name) =>
        Parameters.TryGetValue(name, out var v) ? v : Parameters.FirstOrDefault(p => p.Key != "initialRun").Value;

    /// <summary>Reads the invoke's value; <paramref name="problem"/> says why it cannot be used.</summary>
    public static bool TryRead(JsonElement? value, out MessageExtensionQuery? query, out string? problem)
    {
        query = null;
        problem = null;
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            problem = "The composeExtension/query invoke carries no value object.";
            return false;
        }
        var commandId = v.TryGetProperty("commandId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (v.TryGetProperty("parameters", out var ps) && ps.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in ps.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String) continue;
                var text = p.TryGetProperty("value", out var pv) ? pv.ValueKind switch
                {
                    JsonValueKind.String => pv.GetString() ?? "",
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => pv.GetRawText(),
                    _ => "",
                } : "";
                parameters[n.GetString()!] = text.Length > MaxValueLength ? text[..MaxValueLength] : text;
            }
        }
        int skip = 0, count = MaxCount;
        if (v.TryGetProperty("queryOptions", out var o) && o.ValueKind == JsonValueKind.Object)
        {
            if (o.TryGetProperty("skip", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var si)) skip = Math.Max(0, si);
            if (o.TryGetProperty("count", out var k) && k.ValueKind == JsonValueKind.Number && k.TryGetInt32(out var ki)) count = Math.Clamp(ki, 1, MaxCount);
        }
        query = new MessageExtensionQuery(commandId, parameters, skip, count);
        return true;
    }
}

/// <summary>One result of a search message extension: the card to insert, and the preview shown in the list.</summary>
/// <param name="Card">The Adaptive Card inserted when picked (may be replaced by the selectItem answer).</param>
/// <param name="SelectValue">Sent back as the <c>composeExtension/selectItem</c> value when the user picks it; null for none.</param>
public sealed record MessageExtensionItem(string Title, string? Subtitle, string? Text, JsonObject Card, JsonObject? SelectValue = null);

/// <summary>Builds the <c>{composeExtension:{…}}</c> bodies of message-extension invoke responses.</summary>
public static class MessageExtensionResponse
{
    public const string ThumbnailCardContentType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>A page of results in list layout: each with a thumbnail preview and the Adaptive Card to insert.</summary>
    public static InvokeResponse Results(IEnumerable<MessageExtensionItem> items, string layout = "list")
    {
        ArgumentNullException.ThrowIfNull(items);
        var attachments = new JsonArray();
        foreach (var item in items.Take(MessageExtensionQuery.MaxCount)) attachments.Add(Attachment(item));
        return InvokeResponse.Ok(new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = layout, ["attachments"] = attachments },
        });
    }

    /// <summary>The card to insert for a picked result (<c>composeExtension/selectItem</c>).</summary>
    public static InvokeResponse Selected(MessageExtensionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return InvokeResponse.Ok(new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = new JsonArray(Attachment(item)) },
        });
    }

    /// <summary>A plain message in the extension's pane instead of results ("Type at least two letters").</summary>
    public static InvokeResponse Message(string text) => InvokeResponse.Ok(new JsonObject
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    });

    private static JsonObject Attachment(MessageExtensionItem item)
    {
        var preview = new JsonObject { ["title"] = item.Title };
        if (item.Subtitle is not null) preview["subtitle"] = item.Subtitle;
        if (item.Text is not null) preview["text"] = item.Text;
        if (item.SelectValue is not null) preview["tap"] = new JsonObject { ["type"] = "invoke", ["value"] = item.SelectValue.DeepClone() };
        return new JsonObject
        {
            ["contentType"] = AdaptiveCardContentType.Value,
            ["content"] = item.Card.DeepClone(),
            ["preview"] = new JsonObject { ["contentType"] = ThumbnailCardContentType, ["content"] = preview },
        };
    }
}
