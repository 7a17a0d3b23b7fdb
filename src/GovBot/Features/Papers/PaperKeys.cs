using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GovBot.Features.Papers;

/// <summary>How a paper is named and described: its document key, title and version (pure).</summary>
internal static partial class PaperKeys
{
    /// <summary>The group partition of papers that do not name their group.</summary>
    public const string NoGroup = "-";

    /// <summary>
    /// The document across versions: the MHHS document id, else "{GROUP}-{number}-papers", else "file-{name}" (table
    /// keys: letters, digits, '-' and '.', at most 100 characters).
    /// </summary>
    public static string DocumentKey(PaperIdentity identity, string fileName)
    {
        if (identity.DocumentId is { Length: > 0 } id) return Clean(id.ToUpperInvariant());
        if (identity is { GroupCode: { Length: > 0 } g, MeetingNumber: { Length: > 0 } n }) return Clean($"{g.ToUpperInvariant()}-{n}-papers");
        return Clean("file-" + Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant());
    }

    public static string GroupPartition(string? groupCode) => groupCode is { Length: > 0 } g ? Clean(g.ToUpperInvariant()) : NoGroup;

    /// <summary>"Design Advisory Group #14" from the cover; else "DAG 34 papers"; else the file name.</summary>
    public static string Title(string text, PaperIdentity identity, string fileName)
    {
        foreach (var line in CoverLines(text))
        {
            if (CoverTitleRegex().IsMatch(line)) return line;
        }
        return identity is { GroupCode: { Length: > 0 } g } ? $"{g} {identity.MeetingNumber} papers".Replace("  ", " ", StringComparison.Ordinal) : fileName;
    }

    /// <summary>"0.1" from "Version 0.1" on the cover (the first 40 lines); null when not printed.</summary>
    public static string? Version(string text) =>
        CoverLines(text).Select(l => VersionRegex().Match(l)).FirstOrDefault(m => m.Success)?.Groups["v"].Value;

    /// <summary>Negative when <paramref name="a"/> is an older version than <paramref name="b"/>; 0 when either is unknown or they are equal.</summary>
    public static int CompareVersions(string? a, string? b)
    {
        if (a is null || b is null) return 0;
        var x = a.Split('.'); var y = b.Split('.');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var p = i < x.Length && int.TryParse(x[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xi) ? xi : 0;
            var q = i < y.Length && int.TryParse(y[i], NumberStyles.None, CultureInfo.InvariantCulture, out var yi) ? yi : 0;
            if (p != q) return p.CompareTo(q);
        }
        return 0;
    }

    private static IEnumerable<string> CoverLines(string text) =>
        text.Split('\n').Take(40).Select(l => l.Trim().Trim('*').Trim()).Where(l => l.Length > 0);

    private static string Clean(string key)
    {
        var sb = new StringBuilder();
        foreach (var c in key) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-');
        var cleaned = sb.ToString().Trim('-');
        return cleaned.Length > 100 ? cleaned[..100] : cleaned.Length == 0 ? "paper" : cleaned;
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z&,' ]{3,80}\s#\s?\d{1,3}(?:\.\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex CoverTitleRegex();

    [GeneratedRegex(@"^Version\s*:?\s*(?<v>\d{1,3}(?:\.\d{1,3}){0,2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VersionRegex();
}
