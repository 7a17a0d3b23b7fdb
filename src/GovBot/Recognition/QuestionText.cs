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
        s = SlashDateRegex().Replace(s, m => m.Groups[3].Success ? $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}" : $"{m.Groups[1].Value}-{m.Groups[2].Value}");
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
        if ((m = DayMonthRegex().Match(rest)).Success && DayOf(m, today) is { } day) found = new(new(day, day), $"on {UkFormat.ShortDate(day)}");
        else if ((m = NumericDayRegex().Match(rest)).Success && NumericDayOf(m, today) is { } numeric) found = new(new(numeric, numeric), $"on {UkFormat.ShortDate(numeric)}");
        else if ((m = TodayRegex().Match(rest)).Success) found = new(new(today, today), "today");
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
        else if ((m = WeekdayRegex().Match(rest)).Success)
        {
            var wanted = Array.IndexOf(WeekdayNames, m.Groups["wd"].Value);
            var ahead = ((wanted - (int)today.DayOfWeek) + 7) % 7;
            // "on Tuesday" is the next Tuesday, today included; "next Tuesday" is never today.
            if (ahead == 0 && m.Groups["next"].Success) ahead = 7;
            var weekday = today.AddDays(ahead);
            found = new(new(weekday, weekday), $"on {UkFormat.ShortDate(weekday)}");
        }
        else if ((m = ThisMonthRegex().Match(rest)).Success)
            found = new(MonthRange(today.Year, today.Month), "this month");
        else if ((m = NextMonthRegex().Match(rest)).Success)
        {
            var next = today.AddMonths(1);
            found = new(MonthRange(next.Year, next.Month), "next month");
        }
        else if ((m = MonthRegex().Match(rest)).Success && (m.Groups["in"].Success || m.Groups["year"].Success || m.Groups["month"].Value.Length > 3 && m.Groups["month"].Value != "may"))
        {
            var month = Array.FindIndex(MonthNames, n => m.Groups["month"].Value.StartsWith(n, StringComparison.Ordinal)) + 1;
            var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)
                : month >= today.Month ? today.Year : today.Year + 1;
            found = new(MonthRange(year, month), $"in {UkFormat.MonthName(month)} {year}");
        }
        // "before Easter": Easter computed as the bank holidays are.
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

    private static readonly string[] WeekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>A day and month without a year: this year's, unless that was more than half a year ago (then next year's).</summary>
    private static DateOnly? DayOf(Match m, DateOnly today)
    {
        var monthWord = m.Groups["month"].Success ? m.Groups["month"].Value : m.Groups["month2"].Value;
        var dayText = m.Groups["d"].Success ? m.Groups["d"].Value : m.Groups["d2"].Value;
        var month = Array.FindIndex(MonthNames, n => monthWord.StartsWith(n, StringComparison.Ordinal)) + 1;
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)
            : m.Groups["year2"].Success ? int.Parse(m.Groups["year2"].Value, CultureInfo.InvariantCulture) : null;
        return Day(int.Parse(dayText, CultureInfo.InvariantCulture), month, year, today);
    }

    /// <summary>"12-03" or "12-03-2024" (a typed 12/03 is normalised to this): day first, as in the UK.</summary>
    private static DateOnly? NumericDayOf(Match m, DateOnly today)
    {
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        if (year is < 100) year += 2000;
        return Day(int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), year, today);
    }

    private static DateOnly? Day(int day, int month, int? year, DateOnly today)
    {
        if (month is < 1 or > 12 || day < 1) return null;
        var y = year ?? today.Year;
        if (y is < 2000 or > 2100 || day > DateTime.DaysInMonth(y, month)) return null;
        var date = new DateOnly(y, month, day);
        if (year is null && date.DayNumber < today.DayNumber - 183 && day <= DateTime.DaysInMonth(y + 1, month)) date = date.AddYears(1);
        return date;
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
    /// <summary>"on 12 March", "12th of march 2024", "march 12", "on the 12th of March" (a day, not the month).</summary>
    [GeneratedRegex(@"(?:\b(?:on|for)\s+)?(?:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?(?:\bthe\s+)?\b(?:(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?:\s+(?<year>20\d\d)\b)?|(?<month2>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\s+(?:the\s+)?(?<d2>\d{1,2})(?:st|nd|rd|th)?\b(?!\.\d)(?:\s+(?<year2>20\d\d)\b)?)")]
    private static partial Regex DayMonthRegex();
    /// <summary>"12-03", "12-03-2024" standing alone (a typed 12/03): not glued to letters, so action refs ("dag33-04") stay refs.</summary>
    [GeneratedRegex(@"(?<![\w.-])(?<d>\d{1,2})-(?<m>\d{1,2})(?:-(?<y>\d{4}|\d{2}))?(?![\w.-])")]
    private static partial Regex NumericDayRegex();
    [GeneratedRegex(@"(?:\b(?:on|this|(?<next>next))\s+)?\b(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")]
    private static partial Regex WeekdayRegex();
    /// <summary>A typed date "12/03" or "12/03/2024": kept as "12-03" when the slashes go.</summary>
    [GeneratedRegex(@"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")]
    private static partial Regex SlashDateRegex();
    [GeneratedRegex(@"\btoday\b")] private static partial Regex TodayRegex();
    [GeneratedRegex(@"\btomorrow\b")] private static partial Regex TomorrowRegex();
    [GeneratedRegex(@"\b(?:this|current) week\b")] private static partial Regex ThisWeekRegex();
    [GeneratedRegex(@"\bnext week\b")] private static partial Regex NextWeekRegex();
    [GeneratedRegex(@"\b(?:in the next|within the next|over the next|next|within|coming|in)\s+(?<n>\d{1,2}|a|one|two|three|four|five|six|couple of)\s+(?<unit>days?|weeks?|months?)\b")]
    private static partial Regex NextNRegex();
    [GeneratedRegex(@"\b(?:this|current) month\b")] private static partial Regex ThisMonthRegex();
    [GeneratedRegex(@"\bnext month\b")] private static partial Regex NextMonthRegex();
    [GeneratedRegex(@"(?:\b(?<in>in|during|for|by end of|end of)\s+)?\b(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?:\s+(?<year>20\d\d)\b)?")]
    private static partial Regex MonthRegex();
    [GeneratedRegex(@"\b(?:before|ahead of|by) easter\b")] private static partial Regex BeforeEasterRegex();
}
