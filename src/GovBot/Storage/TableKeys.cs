using System.Globalization;
using System.Text;

namespace GovBot.Storage;

/// <summary>Key formats shared by the tables. Keys may not contain '/', '\', '#', '?' or control characters.</summary>
public static class TableKeys
{
    /// <summary>Throws when a value used verbatim as a key contains a character Azure Tables rejects.</summary>
    public static string Checked(string value, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, what);
        foreach (var c in value)
        {
            if (!IsKeyChar(c))
            {
                throw new ArgumentException($"{what} '{value}' contains '{c}', which table keys do not allow.", what);
            }
        }
        if (value.Length > 512)
        {
            throw new ArgumentException($"{what} is longer than 512 characters.", what);
        }
        return value;
    }

    /// <summary>Whether <paramref name="value"/> can be a key at all (what <see cref="Checked"/> accepts).</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 512 && value.All(IsKeyChar);

    private static bool IsKeyChar(char c) => c is not ('/' or '\\' or '#' or '?') && !char.IsControl(c);

    /// <summary>Encodes free text (an organisation name, an e-mail address) so it is a valid key: '%' and disallowed characters become %XX.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The month partitions "yyyy-MM" covering [from, to].</summary>
    public static IEnumerable<string> MonthsBetween(DateOnly from, DateOnly to)
    {
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            yield return Month(m);
        }
    }

    /// <summary>Newest-first row key for a moment.</summary>
    public static string InvertedTicks(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
