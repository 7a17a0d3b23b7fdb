using System.Text;
using System.Text.RegularExpressions;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>
/// One entry of an "Upcoming Governance Meetings" list: "11 March 2024: Extraordinary Systems Integration Testing
/// Advisory Group (SITAG)". <see cref="Group"/> is the code in brackets (or the code the papers give the name
/// elsewhere); null for a meeting of no group, such as a programme workshop.
/// </summary>
/// <param name="Name">The meeting as the list names it, without the date.</param>
/// <param name="Number">"35" when the entry numbers the meeting ("DAG 35").</param>
public sealed record PapersUpcomingMeeting(
    DateOnly? Date,
    string Name,
    string? Group,
    string? Number,
    bool Extraordinary,
    TimeOnly? Start,
    TimeOnly? End,
    int Line);

/// <summary>
/// Reads "Upcoming (Governance) Meetings" lists: a heading, then one entry per bullet or line, each a date and a
/// meeting name in either order ("7 March 2024: SITWG", "SITWG – 7 March 2024"), with an optional time range.
/// The list ends at the first line that is not an entry once entries have started.
/// </summary>
internal static partial class UpcomingMeetingsReader
{
    /// <summary>Lines looked at after a heading before giving up on finding the first entry.</summary>
    private const int LookAhead = 6;

    [GeneratedRegex(@"^\s*(?:Upcoming|Forthcoming|Future|Next)\s+(?:MHHS\s+)?(?:Governance\s+)?(?:Group\s+)?Meetings\s*:?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^\s*(?:[•▪●◦*+\-–]|\d{1,2}[.)])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex BulletRegex();

    /// <summary>The code in brackets at the end of a name: "(SITAG)", not "(E2E)" in the middle.</summary>
    [GeneratedRegex(@"\((?<code>[A-Z][A-Z0-9&]{1,9})\)\s*(?<num>\d+(?:\.\d+)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCodeRegex();

    /// <summary>A bare code with a number or alone: "DAG 35", "SITWG".</summary>
    [GeneratedRegex(@"^(?<extra>Extraordinary\s+)?(?<code>[A-Z][A-Z0-9]{1,9})(?:\s*#?\s*(?<num>\d+(?:\.\d+)?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareCodeRegex();

    /// <summary>"7 March 2024: name", "7 March 2024 – name", "name: 7 March 2024", "name – 7 March 2024".</summary>
    [GeneratedRegex(@"^" + DatePattern + @"(?:,?\s*" + TimePart + @")?\s*[:–—-]\s*\S|\S\s*[:–—-]\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?\d", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatedRegex();

    private const string TimePart = @"\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*[-–—]\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?";

    [GeneratedRegex(@"^\s*Extraordinary\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ExtraordinaryRegex();

    [GeneratedRegex(@"^[\s:;,–—-]+|[\s:;,–—-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EdgeSeparatorRegex();

    [GeneratedRegex(@"\b(?:at|from)?\s*(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ap>am|pm)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SingleClockRegex();

    public static List<PapersUpcomingMeeting> Read(string[] lines, List<PapersWarning> warnings)
    {
        var found = new List<PapersUpcomingMeeting>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!HeadingRegex().IsMatch(lines[i])) continue;
            i = ReadList(lines, i + 1, found, warnings) - 1;
        }
        return found;
    }

    /// <returns>The line after the list.</returns>
    private static int ReadList(string[] lines, int from, List<PapersUpcomingMeeting> found, List<PapersWarning> warnings)
    {
        var i = from;
        var started = false;
        var bulleted = false;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (PapersParser.IsBlank(line))
            {
                i++;
                continue;
            }
            var isBullet = BulletRegex().IsMatch(line);
            var text = new StringBuilder(BulletRegex().Replace(line, "").Trim());
            var j = i + 1;
            // A wrapped entry continues on the next line (the PDF text ends wrapped lines with a space).
            while (PapersParser.EndsWithSpace(lines[j - 1]) && j < lines.Length && !PapersParser.IsBlank(lines[j]) && !BulletRegex().IsMatch(lines[j]) && text.Length < 300)
            {
                text.Append(' ').Append(lines[j].Trim());
                j++;
            }
            var entry = Collapse(text.ToString());
            var date = DateRegex().Match(entry);
            // Entries are all bulleted or all plain; a plain entry needs a separator between date and name, so the
            // next section's heading ("SITAG 21 February 2024") does not read as one.
            var isEntry = date.Success && (started ? isBullet == bulleted : true) && (isBullet || SeparatedRegex().IsMatch(entry));
            if (!isEntry)
            {
                if (started || i - from > LookAhead) return i;
                i = j;
                continue;
            }
            if (!started) bulleted = isBullet;
            started = true;
            found.Add(ReadEntry(lines, entry, date, i + 1, warnings));
            i = j;
        }
        return i;
    }

    private static PapersUpcomingMeeting ReadEntry(string[] lines, string entry, Match date, int line, List<PapersWarning> warnings)
    {
        var day = ToDate(date);
        if (day is null) warnings.Add(new PapersWarning(line, "could not read the date of an upcoming meeting", lines[line - 1]));
        var rest = entry.Remove(date.Index, date.Length);
        TimeOnly? start = null, end = null;
        if (TimeRangeRegex().Match(rest) is { Success: true } range)
        {
            start = RangeTime(range, 1);
            end = RangeTime(range, 2);
            rest = rest.Remove(range.Index, range.Length);
        }
        else if (SingleClockRegex().Match(rest) is { Success: true } clock)
        {
            start = ParseClock(clock.Value.Replace("at", "", StringComparison.OrdinalIgnoreCase).Replace("from", "", StringComparison.OrdinalIgnoreCase));
            rest = rest.Remove(clock.Index, clock.Length);
        }
        var name = EdgeSeparatorRegex().Replace(Collapse(rest), "");
        var extraordinary = ExtraordinaryRegex().IsMatch(name);
        string? group = null, number = null;
        if (TrailingCodeRegex().Match(name) is { Success: true } coded)
        {
            group = coded.Groups["code"].Value;
            if (coded.Groups["num"].Success) number = coded.Groups["num"].Value;
        }
        else if (BareCodeRegex().Match(name) is { Success: true } bare)
        {
            group = bare.Groups["code"].Value;
            if (bare.Groups["num"].Success) number = bare.Groups["num"].Value;
        }
        else
        {
            group = CodeGivenElsewhere(lines, ExtraordinaryRegex().Replace(name, "").Trim());
        }
        return new PapersUpcomingMeeting(day, name, group, number is null ? null : PapersParser.NormaliseNumber(number), extraordinary, start, end, line);
    }

    /// <summary>"Design Advisory Group" written without its code here, but as "Design Advisory Group (DAG)" elsewhere in the papers.</summary>
    private static string? CodeGivenElsewhere(string[] lines, string name)
    {
        if (name.Length < 8) return null;
        var pattern = new Regex(Regex.Escape(name).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"\s*\((?<code>[A-Z][A-Z0-9]{1,9})\)",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        foreach (var line in lines)
        {
            if (pattern.Match(line) is { Success: true } m) return m.Groups["code"].Value;
        }
        return null;
    }
}
