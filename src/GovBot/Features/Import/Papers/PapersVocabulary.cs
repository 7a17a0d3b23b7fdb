using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Features.Actions;

namespace GovBot.Features.Import;

/// <summary>The small vocabularies of the papers: dates, times, statuses, action refs. Pure functions.</summary>
internal static partial class PapersVocabulary
{
    private const string Months =
        "January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    private const string Weekdays = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun";

    /// <summary>dd/mm/yyyy, dd/mm/yy, "26 April 2024", "Friday 26 April 2024", "26th April 2024", "3-Apr-24".</summary>
    public const string DatePattern =
        @"(?:(?<wd>(?:" + Weekdays + @"),?\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>" + Months + @")\.?,?\s+(?<y>\d{4})\b" +
        @"|(?<!\d)(?<nd>\d{1,2})/(?<nm>\d{1,2})/(?<ny>\d{4}|\d{2})(?![\d/])" +
        @"|(?<!\d)(?<hd>\d{1,2})-(?<hmon>" + Months + @")-(?<hy>\d{4}|\d{2})\b)";

    [GeneratedRegex(DatePattern, RegexOptions.CultureInvariant)]
    public static partial Regex DateRegex();

    [GeneratedRegex(@"^\s*(?<ref>[A-Z]{2,6}\d+(?:\.\d+)?-\d{2})(?![\d\w-])", RegexOptions.CultureInvariant)]
    public static partial Regex RowRefRegex();

    [GeneratedRegex(@"(?<!\d)(?<h1>\d{1,2})[:.](?<m1>\d{2})\s*(?<ap1>am|pm)?\s*(?:[-–—]|to)\s*(?<h2>\d{1,2})[:.](?<m2>\d{2})\s*(?<ap2>am|pm)?(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex TimeRangeRegex();

    /// <summary>Status words at the start of a cell, longest first. Wrapped lines are joined with a space before matching.</summary>
    [GeneratedRegex(
        @"^(?:(?<rc>(?:recommend(?:ed|s)?|propose[ds]?|proposed\s+to)(?:\s+(?:to|for))?(?:\s+be)?\s+clos(?:ed|e|ure))" +
        @"|(?<open>open(?:\s*[–—-]\s*outstanding)?)" +
        @"|(?<ongoing>on-?\s?going|in\s+progress)" +
        @"|(?<closed>closed|complete(?:d)?|done))(?![A-Za-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusRegex();

    /// <summary>An upper-case word or two ahead of a colon or dash, the way the papers write a status into the update column.</summary>
    [GeneratedRegex(@"^(?<word>[A-Z][A-Z-]+(?:\s+[A-Z][A-Z-]+){0,2})\s*(?::|\s[–—-]\s)", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLikePrefixRegex();

    [GeneratedRegex(@"^\s*[:;.,–—-]+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSeparatorRegex();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceRegex();

    public static string Collapse(string text) => WhitespaceRegex().Replace(text, " ").Trim();

    /// <summary>Reads a date matched by <see cref="DateRegex"/>; null when the day does not exist (31/02/2024).</summary>
    public static DateOnly? ToDate(Match m)
    {
        int day, month, year;
        if (m.Groups["d"].Success)
        {
            day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = MonthNumber(m.Groups["mon"].Value);
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["nd"].Success)
        {
            day = int.Parse(m.Groups["nd"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["nm"].Value, CultureInfo.InvariantCulture);
            year = Year(m.Groups["ny"].Value);
        }
        else
        {
            day = int.Parse(m.Groups["hd"].Value, CultureInfo.InvariantCulture);
            month = MonthNumber(m.Groups["hmon"].Value);
            year = Year(m.Groups["hy"].Value);
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>Reads the first date in the text, in any of the three forms.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var m = DateRegex().Match(text);
        return m.Success ? ToDate(m) : null;
    }

    private static int Year(string y) => y.Length == 2 ? 2000 + int.Parse(y, CultureInfo.InvariantCulture) : int.Parse(y, CultureInfo.InvariantCulture);

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
        _ => 0,
    };

    /// <summary>Start (1) or end (2) of a <see cref="TimeRangeRegex"/> match, honouring "pm".</summary>
    public static TimeOnly? RangeTime(Match m, int which)
    {
        var time = ToTime(m.Groups[$"h{which}"].Value, m.Groups[$"m{which}"].Value);
        if (time is { Hour: < 12 } t && m.Groups[$"ap{which}"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase)) return t.AddHours(12);
        return time;
    }

    public static TimeOnly? ToTime(string hours, string minutes)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        return h is >= 0 and < 24 && m is >= 0 and < 60 ? new TimeOnly(h, m) : null;
    }

    /// <summary>"10am", "10:00am", "13:00pm", "2.30pm", "10:00" → a time; null otherwise.</summary>
    public static TimeOnly? ParseClock(string text)
    {
        var m = ClockRegex().Match(text);
        if (!m.Success) return null;
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var min = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = m.Groups["ap"].Value.ToLowerInvariant();
        if (!m.Groups["m"].Success && suffix.Length == 0) return null;
        if (suffix == "pm" && h < 12) h += 12;
        if (suffix == "am" && h == 12) h = 0;
        return h is >= 0 and < 24 && min is >= 0 and < 60 ? new TimeOnly(h, min) : null;
    }

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ap>am|pm)?(?![\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockRegex();

    /// <summary>A status written at the start of <paramref name="text"/>; the rest is returned without separators.</summary>
    public static bool TryReadStatus(string text, out ActionStatus status, out string rest)
    {
        var m = StatusRegex().Match(text);
        if (!m.Success)
        {
            status = default;
            rest = text;
            return false;
        }
        status = m.Groups["rc"].Success ? ActionStatus.RecommendClosed
            : m.Groups["open"].Success ? ActionStatus.Open
            : m.Groups["ongoing"].Success ? ActionStatus.Ongoing
            : ActionStatus.Closed;
        rest = LeadingSeparatorRegex().Replace(text[m.Length..], "").Trim();
        return true;
    }

    /// <summary>"PENDING:" or "ON HOLD -": looks like a status but is not one we know.</summary>
    public static string? StatusLikePrefix(string text)
    {
        var m = StatusLikePrefixRegex().Match(text);
        return m.Success ? m.Groups["word"].Value : null;
    }

    public static string StripLeadingSeparators(string text) => LeadingSeparatorRegex().Replace(text, "").Trim();
}
