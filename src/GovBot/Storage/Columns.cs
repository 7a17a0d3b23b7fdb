using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;

namespace GovBot.Storage;

/// <summary>
/// How domain values become table columns: DateOnly as "yyyy-MM-dd", TimeOnly as "HH:mm:ss", enums by name,
/// lists and nested records as JSON strings. A JSON column longer than one property allows (32K characters)
/// is split over "{name}", "{name}_1", "{name}_2"... up to <see cref="MaxJsonChunks"/>, far below the 1 MB entity limit.
/// </summary>
internal static class Columns
{
    /// <summary>Characters per string property; the service allows 32K UTF-16 characters (64 KB).</summary>
    internal const int ChunkChars = 30_000;

    /// <summary>At most 300,000 characters of JSON per list (about 600 KB), leaving room for the rest of the row.</summary>
    internal const int MaxJsonChunks = 10;

    public static void SetDate(this TableEntity e, string name, DateOnly? value) =>
        e[name] = value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? GetDate(this TableEntity e, string name) =>
        e.GetString(name) is { Length: > 0 } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public static void SetTime(this TableEntity e, string name, TimeOnly? value) =>
        e[name] = value?.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static TimeOnly? GetTime(this TableEntity e, string name) =>
        e.GetString(name) is { Length: > 0 } s ? TimeOnly.ParseExact(s, "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : null;

    public static void SetEnum<TEnum>(this TableEntity e, string name, TEnum? value)
        where TEnum : struct, Enum => e[name] = value?.ToString();

    public static TEnum? GetEnum<TEnum>(this TableEntity e, string name)
        where TEnum : struct, Enum =>
        e.GetString(name) is { Length: > 0 } s ? Enum.Parse<TEnum>(s) : null;

    public static TEnum GetRequiredEnum<TEnum>(this TableEntity e, string name)
        where TEnum : struct, Enum =>
        e.GetEnum<TEnum>(name) ?? throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey} has no {name}.");

    public static string GetRequiredString(this TableEntity e, string name) =>
        e.GetString(name) ?? throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey} has no {name}.");

    public static void SetJson<T>(this TableEntity e, string name, T value, JsonTypeInfo<T> type)
    {
        var json = JsonSerializer.Serialize(value, type);
        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        if (chunks > MaxJsonChunks)
        {
            throw new InvalidOperationException(
                $"{name} of {e.PartitionKey}/{e.RowKey} is {json.Length} characters of JSON; at most {MaxJsonChunks * ChunkChars} fit in a row.");
        }
        for (var i = 0; i < Math.Max(1, chunks); i++)
        {
            var part = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
            e[i == 0 ? name : $"{name}_{i}"] = part;
        }
    }

    public static T GetJson<T>(this TableEntity e, string name, JsonTypeInfo<T> type, T whenMissing)
    {
        if (e.GetString(name) is not { } first) return whenMissing;
        var json = first;
        for (var i = 1; e.GetString($"{name}_{i}") is { } next; i++)
        {
            json += next;
        }
        return JsonSerializer.Deserialize(json, type) ?? whenMissing;
    }
}

/// <summary>Source-generated JSON for the nested values stored in JSON columns.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<OwnerParty>))]
[JsonSerializable(typeof(IReadOnlyList<ActionUpdate>))]
[JsonSerializable(typeof(IReadOnlyList<AgendaItem>))]
[JsonSerializable(typeof(IReadOnlyList<MeetingDocument>))]
[JsonSerializable(typeof(IReadOnlyList<KeyDate>))]
[JsonSerializable(typeof(IReadOnlyList<ImpactAssessmentTally>))]
[JsonSerializable(typeof(MeetingCadence))]
internal sealed partial class StorageJson : JsonSerializerContext;
