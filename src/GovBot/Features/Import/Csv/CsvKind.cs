namespace GovBot.Features.Import;

/// <summary>What a CSV file holds; the command line names them actions|meetings|changes|checklist|people.</summary>
public enum CsvKind
{
    Actions,
    Meetings,
    Changes,
    Checklist,
    People,
}

/// <summary>The documented columns of each kind (docs/csv.md), in export order.</summary>
internal static class CsvColumns
{
    public static readonly IReadOnlyList<string> Actions = ["ref", "group", "meeting", "raised", "text", "owner", "due", "status", "latestUpdate"];
    public static readonly IReadOnlyList<string> Meetings = ["group", "number", "extraordinary", "date", "start", "end", "location", "joinUrl"];
    public static readonly IReadOnlyList<string> Changes = ["id", "title", "raiser", "stage", "outcome", "targetRelease", "iaOpens", "iaCloses", "summary"];
    public static readonly IReadOnlyList<string> Checklist = ["published", "number", "text", "deadline", "reminder", "link", "source"];
    public static readonly IReadOnlyList<string> People = ["id", "name", "email", "organisation", "entraObjectId", "aliases", "isPmo"];

    public static IReadOnlyList<string> Of(CsvKind kind) => kind switch
    {
        CsvKind.Actions => Actions,
        CsvKind.Meetings => Meetings,
        CsvKind.Changes => Changes,
        CsvKind.Checklist => Checklist,
        CsvKind.People => People,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The command-line name of a kind ("actions").</summary>
    public static string Name(CsvKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseName(string? name, out CsvKind kind)
    {
        foreach (var k in Enum.GetValues<CsvKind>())
        {
            if (string.Equals(Name(k), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>The kind whose columns are exactly these header names (any order, any case), or null.</summary>
    public static CsvKind? Detect(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in Enum.GetValues<CsvKind>())
        {
            if (names.SetEquals(Of(kind))) return kind;
        }
        return null;
    }

    public static string AllNames => string.Join("|", Enum.GetValues<CsvKind>().Select(Name));
}
