using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovBot.Connector;

/// <summary>
/// The synchronous answer to an invoke: <see cref="Status"/> is the HTTP status of the response to the channel,
/// <see cref="Body"/> is written as JSON (a <see cref="JsonNode"/>, <see cref="JsonElement"/> or any serializable object).
/// </summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    /// <summary>200 <c>{statusCode:200, type:"application/vnd.microsoft.card.adaptive", value:card}</c>: the card replaces the one the user acted on.</summary>
    public static InvokeResponse Card(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(200, new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = AdaptiveCardContentType.Value,
            ["value"] = card.DeepClone(),
        });
    }

    /// <summary>200 <c>{statusCode:200, type:"application/vnd.microsoft.activity.message", value:text}</c>: Teams shows the text.</summary>
    public static InvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = MessageContentType,
        ["value"] = text,
    });

    /// <summary>
    /// <c>{statusCode, type:"application/vnd.microsoft.error", value:{code, message}}</c>, with the HTTP status equal to
    /// <paramref name="statusCode"/> (as the Bot Framework SDK does for adaptiveCard/action errors).
    /// </summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new(statusCode, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = ErrorContentType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    /// <summary>200 with an optional body (e.g. a message-extension or task module result).</summary>
    public static InvokeResponse Ok(object? body = null) => new(200, body);

    /// <summary>501, no body: the SDK convention for invokes nobody handles.</summary>
    public static InvokeResponse NotImplemented() => new(501, null);

    /// <summary>The card of a <see cref="Card"/> response, else null.</summary>
    public JsonObject? AdaptiveCard => Body is JsonObject body
        && body["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == AdaptiveCardContentType.Value
            ? body["value"] as JsonObject
            : null;

    /// <summary>The message of an <see cref="Error"/> response, else null.</summary>
    public string? ErrorMessage => Body is JsonObject body
        && body["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == ErrorContentType
        && body["value"]?["message"] is JsonValue value && value.TryGetValue<string>(out var message)
            ? message
            : null;

    /// <summary>The text of a <see cref="Message"/> response, else null.</summary>
    public string? MessageText => Body is JsonObject body
        && body["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == MessageContentType
        && body["value"] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;
}

/// <summary>An Adaptive Card action: <c>Action.Execute</c> (invoke <c>value.action.verb/data</c>) or an <c>Action.Submit</c> fallback (message <c>value.verb</c>, data = the whole value).</summary>
public sealed record CardAction(string Verb, JsonElement Data)
{
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>Reads the action from an <c>adaptiveCard/action</c> invoke value.</summary>
    public static bool TryFromInvokeValue(JsonElement? value, out CardAction? action)
    {
        action = null;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.Object
            || !a.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(verb.GetString()))
        {
            return false;
        }

        var data = a.TryGetProperty("data", out var d) ? d.Clone() : EmptyObject();
        action = new CardAction(verb.GetString()!, data);
        return true;
    }

    /// <summary>Reads the action from an Action.Submit message whose value carries a <c>verb</c> string.</summary>
    public static bool TryFromSubmitValue(JsonElement? value, out CardAction? action)
    {
        action = null;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(verb.GetString()))
        {
            return false;
        }

        action = new CardAction(verb.GetString()!, v.Clone());
        return true;
    }

    private static JsonElement EmptyObject()
    {
        using var doc = JsonDocument.Parse("{}");
        return doc.RootElement.Clone();
    }
}
