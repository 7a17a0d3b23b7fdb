using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GovBot.Calendar;
using GovBot.Cards;

namespace GovBot.Recognition;

/// <summary>
/// The shared reading of a question, used by every feature's rules: normalising the text, and taking out the time
/// windows, people and groups it names. Feature-specific words live with the feature's rules.
/// </summary>
public static partial class QuestionText
{
    /// <summary>Longer input is cut to this many characters before it is read.</summary>
    public const int MaxLength = 500;

    /// <summary>The part of a message GovBot reads: at most <see cref="MaxLength"/> characters, never half an emoji.</summary>
    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxLength) return text;
        var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..length];
    }

    public static string Normalise(string text)
    {
        text = Cut(text);
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch switch
            {
                '\u2018' or '\u2019' or '\u201B' or '`' or '\u00B4' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ when char.IsWhiteSpace(ch) || char.IsControl(ch) => ' ',
                _ => ch,
            };
            sb.Append(char.ToLowerInvariant(c));
        }
        var s = sb.ToString().Replace("&", " and ", StringComparison.Ordinal);
        s = WhatIsRegex().Replace(s, "what is");
        s = PossessiveRegex().Replace(s, "");
        s = NonDecimalDotRegex().Replace(s, " ");
        s = NonWordRegex().Replace(s, " ");
        s = LooseHyphenRegex().Replace(s, " ");
        return SpacesRegex().Replace(s, " ").Trim();
    }

    internal static string StripFillers(string t)
    {
        var s = FillerRegex().Replace(" " + t + " ", " ");
        return SpacesRegex().Replace(s, " ").Trim();
    }

    /// <summary>"actions: yours, overdue": a head and what qualified it.</summary>
    public static string Join(string head, IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? head : $"{head}: {string.Join(", ", list)}";
    }

    // ---- groups, meetings, people ----

    internal static GroupMatch? TakeGroup(ref string rest, RecognitionContext ctx)
    {
        var candidates = ctx.Groups
            .SelectMany(g => new[] { g.Code, g.Name }.Concat(g.Aliases).Select(p => (g.Code, Phrase: Normalise(p))))
            .Where(x => x.Phrase.Length >= 2)
            .OrderByDescending(x => x.Phrase.Length);
        foreach (var (code, phrase) in candidates)
        {
            var m = Regex.Match(rest, $@"(?<![a-z0-9]){Regex.Escape(phrase)}(?![a-z])(?:\s*(?:meeting|no|number)?\s*(?<n>\d{{1,3}}(?:\.\d{{1,2}})?)(?![\d\-]))?",
                RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!m.Success) continue;
            rest = (rest[..m.Index] + " " + rest[(m.Index + m.Length)..]).Trim();
            return new GroupMatch(code, phrase, m.Groups["n"].Success ? m.Groups["n"].Value : null);
        }
        return null;
    }

    internal static PersonMatch? TakePerson(ref string rest, RecognitionContext ctx)
    {
        var candidates = ctx.People
            .SelectMany(p => new[] { p.Name }.Concat(p.Aliases).Select(a => (Person: p, Phrase: Normalise(a))))
            .Where(x => x.Phrase.Length >= 3 && x.Phrase.Contains(' ', StringComparison.Ordinal))
            .OrderByDescending(x => x.Phrase.Length);
        foreach (var (person, phrase) in candidates)
        {
            var m = Regex.Match(rest, $@"(?<![a-z0-9]){Regex.Escape(phrase)}(?![a-z0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!m.Success) continue;
            rest = (rest[..m.Index] + " " + rest[(m.Index + m.Length)..]).Trim();
            return new PersonMatch(person.Id, person.Name, phrase);
        }
        return null;
    }

    // ---- time windows ----

    internal static WindowMatch? TakeWindow(ref string rest, DateOnly today)
    {
        WindowMatch? found = null;
        Match m;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if ((m = TodayRegex().Match(rest)).Success) found = new(new(today, today), "today");
        else if ((m = TomorrowRegex().Match(rest)).Success) found = new(new(today.AddDays(1), today.AddDays(1)), "tomorrow");
        else if ((m = ThisWeekRegex().Match(rest)).Success) found = new(new(monday, monday.AddDays(6)), "this week");
        else if ((m = NextWeekRegex().Match(rest)).Success) found = new(new(monday.AddDays(7), monday.AddDays(13)), "next week");
        else if ((m = NextNRegex().Match(rest)).Success)
        {
            var n = NumberWord(m.Groups["n"].Value);
            var days = m.Groups["unit"].Value.StartsWith("week", StringComparison.Ordinal) ? n * 7 : m.Groups["unit"].Value.StartsWith("month", StringComparison.Ordinal) ? 0 : n;
            var to = days > 0 ? today.AddDays(days - 1) : today.AddMonths(n).AddDays(-1);
            found = new(new(today, to), $"next {n} {m.Groups["unit"].Value}");
        }
        else if ((m = ThisMonthRegex().Match(rest)).Success)
            found = new(MonthRange(today.Year, today.Month), "this month");
        else if ((m = NextMonthRegex().Match(rest)).Success)
        {
            var next = today.AddMonths(1);
            found = new(MonthRange(next.Year, next.Month), "next month");
        }
        // Issue 16: a day ("on 12 March", "12th of march 2025"), before the month rule would take it as all of March.
        else if ((m = OnDayRegex().Match(rest)).Success && DayOf(m, today) is { } named)
            found = new(new(named, named), $"on {UkFormat.ShortDate(named)}");
        else if ((m = MonthRegex().Match(rest)).Success && (m.Groups["in"].Success || m.Groups["year"].Success || m.Groups["month"].Value.Length > 3 && m.Groups["month"].Value != "may"))
        {
            var month = Array.FindIndex(MonthNames, n => m.Groups["month"].Value.StartsWith(n, StringComparison.Ordinal)) + 1;
            var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)
                : month >= today.Month ? today.Year : today.Year + 1;
            found = new(MonthRange(year, month), $"in {UkFormat.MonthName(month)} {year}");
        }
        // Appended window form (issue 16): "before Easter", Easter computed as the bank holidays are.
        if (found is null && (m = BeforeEasterRegex().Match(rest)).Success)
        {
            // The Easter break starts with Good Friday (a bank holiday): "before Easter" is up to the Thursday before.
            var easter = BankHolidays.Easter(today.Year);
            if (easter.AddDays(-3) < today) easter = BankHolidays.Easter(today.Year + 1);
            found = new(new(today, easter.AddDays(-3)), "before Easter");
        }
        if (found is null) return null;
        rest = (rest[..m.Index] + " " + rest[(m.Index + m.Length)..]).Trim();
        return found;
    }

    /// <summary>The day a match of <see cref="OnDayRegex"/> names: this year's, or next year's once it has passed.</summary>
    private static DateOnly? DayOf(Match m, DateOnly today)
    {
        var month = Array.FindIndex(MonthNames, n => m.Groups["month"].Value.StartsWith(n, StringComparison.Ordinal)) + 1;
        var dayNumber = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (month < 1 || dayNumber > DateTime.DaysInMonth(year, month)) return null;
        var day = new DateOnly(year, month, dayNumber);
        return !m.Groups["year"].Success && day < today.AddDays(-7) ? day.AddYears(1) : day;
    }

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static DateRange MonthRange(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    private static int NumberWord(string s) => s switch
    {
        "a" or "one" => 1,
        "two" or "couple of" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        _ => Math.Clamp(int.Parse(s, CultureInfo.InvariantCulture), 1, 52),
    };

    [GeneratedRegex(@"\bwhat'?s\b")] private static partial Regex WhatIsRegex();
    [GeneratedRegex(@"'s\b")] private static partial Regex PossessiveRegex();
    [GeneratedRegex(@"(?<!\d)\.|\.(?!\d)")] private static partial Regex NonDecimalDotRegex();
    [GeneratedRegex(@"[^a-z0-9.\- ]")] private static partial Regex NonWordRegex();
    [GeneratedRegex(@"^[\s-]+|[\s-]+$")] private static partial Regex LooseHyphenRegex();
    [GeneratedRegex(@"\s+")] private static partial Regex SpacesRegex();
    [GeneratedRegex(@" (?:please|pls|plz|thanks|thank you|cheers|govbot|hey govbot|hi govbot|can you|could you|would you|can i|could i|can i see|can i have|show me|tell me|give me|send me|get me|list|show|display|find|see|what are|what is on|i want|i would like|i'd like|id like|let me see|the|all)(?= )")]
    private static partial Regex FillerRegex();
    [GeneratedRegex(@"\btoday\b")] private static partial Regex TodayRegex();
    [GeneratedRegex(@"(?:\b(?:on|for)\s+)?\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?:\s+(?<year>20\d\d)\b)?")]
    private static partial Regex OnDayRegex();
    [GeneratedRegex(@"\b(?:before|ahead of|by) easter\b")] private static partial Regex BeforeEasterRegex();
    [GeneratedRegex(@"\btomorrow\b")] private static partial Regex TomorrowRegex();
    [GeneratedRegex(@"\b(?:this|current) week\b")] private static partial Regex ThisWeekRegex();
    [GeneratedRegex(@"\bnext week\b")] private static partial Regex NextWeekRegex();
    [GeneratedRegex(@"\b(?:in the next|within the next|over the next|next|within|coming|in)\s+(?<n>\d{1,2}|a|one|two|three|four|five|six|couple of)\s+(?<unit>days?|weeks?|months?)\b")]
    private static partial Regex NextNRegex();
    [GeneratedRegex(@"\b(?:this|current) month\b")] private static partial Regex ThisMonthRegex();
    [GeneratedRegex(@"\bnext month\b")] private static partial Regex NextMonthRegex();
    [GeneratedRegex(@"(?:\b(?<in>in|during|for|by end of|end of)\s+)?\b(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?:\s+(?<year>20\d\d)\b)?")]
    private static partial Regex MonthRegex();
}
