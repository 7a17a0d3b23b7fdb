using System.Globalization;

namespace GovBot.Features.Import;

/// <summary>Reads the typed values of one CSV row by column name, collecting every problem (line, column, reason) instead of stopping at the first.</summary>
internal sealed class CsvRowReader(CsvRecord record, IReadOnlyDictionary<string, int> header, List<CsvError> errors)
{
    public int Line => record.Line;

    public bool Ok { get; private set; } = true;

    public void Fail(string? column, string reason)
    {
        Ok = false;
        errors.Add(new CsvError(record.Line, column, reason));
    }

    /// <summary>The field as written ("" when the row is short).</summary>
    public string Raw(string column) => header.TryGetValue(column, out var i) && i < record.Fields.Count ? record.Fields[i] : "";

    /// <summary>The field, or null when empty (blank).</summary>
    public string? Optional(string column, int maxLength = 4000)
    {
        var value = Raw(column);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > maxLength)
        {
            Fail(column, $"is longer than {maxLength:N0} characters");
            return null;
        }
        return value;
    }

    public string Required(string column, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(Raw(column)))
        {
            Fail(column, "is required");
            return "";
        }
        return Optional(column, maxLength) ?? "";
    }

    /// <summary>A key value: required, trimmed, without the characters table keys reject.</summary>
    public string Key(string column)
    {
        var value = Required(column, 200).Trim();
        if (value.Length > 0 && value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            Fail(column, $"'{value}' contains a character that is not allowed in an identifier (/ \\ # ? or a control character)");
        }
        return value;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            if (required) Fail(column, "is required (a date as yyyy-MM-dd)");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Fail(column, $"'{value}' is not a date as yyyy-MM-dd (e.g. 2024-03-13)");
        return null;
    }

    public TimeOnly? Time(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0) return null;
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        Fail(column, $"'{value}' is not a time as HH:mm (e.g. 10:00)");
        return null;
    }

    public bool Bool(string column)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0 || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase)) return false;
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)) return true;
        Fail(column, $"'{value}' is not true or false");
        return false;
    }

    public int? Int(string column, bool required = false, int min = 0, int max = 9999)
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            if (required) Fail(column, "is required (a whole number)");
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Fail(column, $"'{value}' is not a whole number from {min} to {max}");
        return null;
    }

    public TEnum? Enum<TEnum>(string column, bool required) where TEnum : struct, System.Enum
    {
        var value = Raw(column).Trim();
        if (value.Length == 0)
        {
            if (required) Fail(column, $"is required (one of {Names<TEnum>()})");
            return null;
        }
        var compact = value.Replace(" ", "", StringComparison.Ordinal);
        if (!compact.Any(char.IsDigit) && System.Enum.TryParse<TEnum>(compact, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        Fail(column, $"'{value}' is not one of {Names<TEnum>()}");
        return null;
    }

    private static string Names<TEnum>() where TEnum : struct, System.Enum => string.Join("/", System.Enum.GetNames<TEnum>());
}
