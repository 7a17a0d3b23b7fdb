using System.Text.Json;

namespace GovBot.Cards;

/// <summary>Reading card payloads defensively: anything not of the expected shape reads as absent.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The methods are named after the JSON type they read: CardData.String(data, name).")]
public static class CardData
{
    public static string? String(JsonElement data, string name, int maxLength = 4000) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text && text.Length <= maxLength
            ? text
            : null;

    public static int? Int(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number) ? number : null;
}
