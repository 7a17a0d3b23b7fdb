using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GovBot.Features.Actions;
using GovBot.Features.Meetings;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>
/// Reads the text of a meeting's papers (as extracted from the PDF: ragged tables, wrapped rows)
/// into a <see cref="PapersImport"/>. Structure-driven: action refs, dates, status words, owner
/// shapes and table headers, not the wording of particular papers. Pure: no I/O, no clock.
/// </summary>
public static partial class PapersParser
{
    /// <param name="text">The papers as text.</param>
    /// <param name="sourceName">The file name, when known ("dag-34-2024-03-13-papers.txt"); used only when the papers do not name the meeting.</param>
    public static PapersImport Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var warnings = new List<PapersWarning>();

        var agenda = AgendaReader.Read(lines, warnings);
        var actions = ActionTableReader.Read(lines, warnings);
        var decisions = ReadDecisions(lines, warnings);
        var (checklist, checklistUpdatedTo) = ReadChecklist(lines, warnings);
        var changeRequests = ReadChangeRequests(lines);
        var nextMeetings = ReadNextMeetings(lines, warnings);
        var meeting = ReadMeeting(lines, sourceName, agenda, actions, nextMeetings, warnings) with { ChecklistUpdatedTo = checklistUpdatedTo };
        var next = nextMeetings.FirstOrDefault(n => n.Group == meeting.Group) ?? nextMeetings.FirstOrDefault(n => n.Group is null) ?? nextMeetings.FirstOrDefault();
        if (next is { Group: null }) next = next with { Group = meeting.Group };

        var upcoming = UpcomingMeetingsReader.Read(lines, warnings);
        var events = EventsReader.Read(lines, warnings);
        var updates = GroupUpdatesReader.Read(lines, warnings);

        var ordered = warnings.OrderBy(w => w.Line ?? 0).ToList();
        return new PapersImport(meeting, agenda, actions, decisions, checklist, changeRequests, next, ordered)
        {
            UpcomingMeetings = upcoming,
            Events = events,
            GroupUpdates = updates,
        };
    }

    internal static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\f', ' ')
            .Replace("**", "", StringComparison.Ordinal)
            .Split('\n');

    internal static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    internal static bool EndsWithSpace(string line) => line.Length > 0 && char.IsWhiteSpace(line[^1]);

    // ---------------------------------------------------------------- meeting

    [GeneratedRegex(@"^\s*(?<extra>Extraordinary\s+)?(?<name>[A-Z][\w&’'-]*\s+(?:(?:[A-Z][\w&’'-]*|and|of|&)\s+){0,7}(?:Group|Board|Forum))\s*(?:\((?<code>[A-Z]{2,6})\)\s*)?(?:[-–:]\s*)?(?:Meeting\s*)?(?:#|No\.?)?\s*(?<num>\d+(?:\.\d+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedHeaderRegex();

    [GeneratedRegex(@"^\s*(?<extra>Extraordinary\s+)?(?<code>[A-Z]{2,6})\s*#?\s*(?<num>\d+(?:\.\d+)?)(?:\s*[-–:]?\s*(?:Meeting\s+)?(?:Papers|Meeting))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeHeaderRegex();

    [GeneratedRegex(@"^\s*(?:(?:Meeting\s+)?Date\s*:?\s*)?" + DatePattern + @"\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StandaloneDateRegex();

    [GeneratedRegex(@"^\s*(?:Time\s*:?\s*)?(?<h1>\d{1,2})[:.](?<m1>\d{2})\s*(?<ap1>am|pm)?\s*(?:[-–—]|to)\s*(?<h2>\d{1,2})[:.](?<m2>\d{2})\s*(?<ap2>am|pm)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StandaloneTimeRegex();

    [GeneratedRegex(@"^\s*(?:Document\s+(?:ID|reference)\s*:?\s*)?(?<id>MHHS-DEL\d+)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DocumentIdRegex();

    [GeneratedRegex(@"(?<![A-Za-z])(?<g>[A-Za-z]{2,6})[-_ ]?(?<n>\d{1,3}(?:[._]\d{1,2})?)(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameMeetingRegex();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{4}-\d{2}-\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameIsoDateRegex();

    private static readonly HashSet<string> NotGroupCodes = ["CR", "IR", "MHHS", "DEL", "PKI", "DIP", "SIT", "IF", "TOM", "RAG", "V", "VER", "PAPERS", "DRAFT", "FINAL"];

    [GeneratedRegex(@"MHHS-DEL\d+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DocumentIdInNameRegex();
    private const int CoverLines = 40;

    private static PapersMeetingInfo ReadMeeting(
        string[] lines, string? sourceName, List<PapersAgendaItem> agenda,
        List<PapersActionRow> actions, IReadOnlyList<PapersNextMeeting> nextMeetings, List<PapersWarning> warnings)
    {
        string? group = null, number = null, documentId = null;
        DateOnly? date = null;
        TimeOnly? start = null, end = null;
        int? headerLine = null;

        // The cover: the first lines, before the agenda and the action log start.
        var coverEnd = new[] { CoverLines, lines.Length, (agenda.Count > 0 ? agenda[0].Line : CoverLines) - 1, (actions.Count > 0 ? actions[0].Line : CoverLines) - 1 }.Min();
        for (var i = 0; i < coverEnd; i++)
        {
            var line = lines[i];
            if (group is null && NamedHeaderRegex().Match(line) is { Success: true } named)
            {
                group = named.Groups["code"].Success ? named.Groups["code"].Value : GroupCodeForName(lines, Collapse(named.Groups["name"].Value));
                number = named.Groups["num"].Value;
                headerLine = i;
            }
            else if (group is null && CodeHeaderRegex().Match(line) is { Success: true } coded && !NotGroupCodes.Contains(coded.Groups["code"].Value))
            {
                group = coded.Groups["code"].Value;
                number = coded.Groups["num"].Value;
                headerLine = i;
            }
            if (date is null && StandaloneDateRegex().Match(line) is { Success: true } d)
            {
                date = ToDate(DateRegex().Match(line));
                if (date is null) warnings.Add(new PapersWarning(i + 1, "could not read the meeting date", line));
            }
            if (start is null && StandaloneTimeRegex().Match(line) is { Success: true } t)
            {
                start = RangeTime(t, 1);
                end = RangeTime(t, 2);
            }
            if (documentId is null && DocumentIdRegex().Match(line) is { Success: true } doc)
            {
                documentId = doc.Groups["id"].Value.ToUpperInvariant();
            }
        }
        if (headerLine is null) date = null; // a date on a page without a meeting title is not the meeting's date

        var fileName = sourceName is null ? null : Path.GetFileNameWithoutExtension(sourceName);
        if (documentId is null && fileName is not null && DocumentIdInNameRegex().Match(fileName) is { Success: true } docInName)
        {
            documentId = docInName.Value.ToUpperInvariant();
        }
        if (fileName is not null && FileNameMeetingRegex().Matches(fileName).FirstOrDefault(x => !NotGroupCodes.Contains(x.Groups["g"].Value.ToUpperInvariant())) is { } f)
        {
            // "dag-34-2024-03-13-papers", "MHHS-DEL1056 DAG 34 Papers 13 March 2024": the group and number, and the date if there is one.
            var fileGroup = f.Groups["g"].Value.ToUpperInvariant();
            var fileNumber = NormaliseNumber(f.Groups["n"].Value.Replace('_', '.'));
            DateOnly? fileDate = FileNameIsoDateRegex().Match(fileName) is { Success: true } iso
                && DateOnly.TryParseExact(iso.Groups["d"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fd)
                ? fd
                : ParseDate(fileName.Replace('-', ' ').Replace('_', ' '));
            if (group is not null && (group != fileGroup || number != fileNumber))
            {
                warnings.Add(new PapersWarning(headerLine + 1, $"the papers say {group} {number} but the file name says {fileGroup} {fileNumber}; using the papers", headerLine is { } h ? lines[h] : null));
            }
            if (group is null)
            {
                group = fileGroup;
                number = fileNumber;
            }
            if (date is not null && fileDate is not null && date != fileDate)
            {
                warnings.Add(new PapersWarning(null, $"the papers are dated {date:yyyy-MM-dd} but the file name says {fileDate:yyyy-MM-dd}; using the papers", null));
            }
            date ??= fileDate;
        }

        if (group is null)
        {
            var likely = actions.Select(a => RefParts(a.Ref).Group).Concat(nextMeetings.Select(n => n.Group ?? ""))
                .Where(g => g.Length > 0).GroupBy(g => g).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            warnings.Add(new PapersWarning(null, "the papers do not name the group" + (likely is null ? "" : $" (the action refs and next meeting suggest {likely})"), null));
        }
        if (number is null)
        {
            var latest = actions.Where(a => group is null || RefParts(a.Ref).Group == group)
                .Select(a => RefParts(a.Ref).Number).Where(n => n is not null)
                .OrderByDescending(n => decimal.Parse(n!, CultureInfo.InvariantCulture)).FirstOrDefault();
            warnings.Add(new PapersWarning(null, "the papers do not give the meeting number" + (latest is null ? "" : $" (the latest action ref is from meeting {latest})"), null));
        }
        if (date is null)
        {
            warnings.Add(new PapersWarning(null, "the papers do not give the meeting date", null));
        }

        if (headerLine is null || agenda.Count > 0)
        {
            // The agenda's first and last slots; a time on a page without a meeting title is not the meeting's.
            start = null;
            end = null;
        }
        if (agenda.Count > 0)
        {
            start = agenda.Where(a => a.Start is not null).Select(a => a.Start).Min();
            end = agenda.Where(a => a.End is not null).Select(a => a.End).Max();
        }
        return new PapersMeetingInfo(group, number, date, start, end, documentId);
    }

    internal static string NormaliseNumber(string number)
    {
        var parts = number.Split('.');
        var head = parts[0].TrimStart('0');
        if (head.Length == 0) head = "0";
        return parts.Length > 1 ? $"{head}.{parts[1]}" : head;
    }

    /// <summary>"DAG10.1-03" → ("DAG", "10.1").</summary>
    internal static (string Group, string? Number) RefParts(string actionRef)
    {
        var m = Regex.Match(actionRef, @"^(?<g>[A-Z]+)(?<n>\d+(?:\.\d+)?)-");
        return m.Success ? (m.Groups["g"].Value, NormaliseNumber(m.Groups["n"].Value)) : (actionRef, null);
    }

    private static string GroupCodeForName(string[] lines, string name)
    {
        var pattern = new Regex(Regex.Escape(name).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"\s*\((?<code>[A-Z]{2,6})\)", RegexOptions.CultureInvariant);
        foreach (var line in lines)
        {
            if (pattern.Match(line) is { Success: true } m) return m.Groups["code"].Value;
        }
        var sb = new StringBuilder();
        foreach (var word in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsUpper(word[0])) sb.Append(word[0]);
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- decisions

    [GeneratedRegex(@"\(?\s*DECISION\s*\[\s*(?<n>\d+)\s*\]\s*\)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DecisionRegex();

    [GeneratedRegex(@"^\s*(?:\d{1,2}[.)]\s*|[•\-–]\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarkerRegex();

    [GeneratedRegex(@"^\s*Confirmation of next steps", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DecisionBoilerplateRegex();

    private static List<PapersDecision> ReadDecisions(string[] lines, List<PapersWarning> warnings)
    {
        var decisions = new List<PapersDecision>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match m in DecisionRegex().Matches(lines[i]))
            {
                var number = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (decisions.Any(d => d.Number == number)) continue;
                var inline = StripLeadingSeparators(ListMarkerRegex().Replace(lines[i].Remove(m.Index, m.Length), ""));
                inline = inline.TrimEnd(' ', '.', ':', ';', ',', '–', '-').Trim();
                var text = inline.Length > 0 ? Collapse(inline) : FollowingText(lines, i + 1);
                if (text.Length == 0)
                {
                    warnings.Add(new PapersWarning(i + 1, $"decision [{number}] has no readable text", lines[i]));
                }
                decisions.Add(new PapersDecision(number, text, i + 1));
            }
        }
        return decisions;
    }

    private static string FollowingText(string[] lines, int from)
    {
        var parts = new List<string>();
        var blanks = 0;
        for (var j = from; j < lines.Length && parts.Count < 8; j++)
        {
            var line = lines[j];
            if (IsBlank(line))
            {
                if (++blanks >= 3 && parts.Count > 0) break;
                continue;
            }
            blanks = 0;
            if (DecisionRegex().IsMatch(line) || RowRefRegex().IsMatch(line)) break;
            if (DecisionBoilerplateRegex().IsMatch(line)) continue;
            parts.Add(line.Trim());
        }
        return Collapse(string.Join(' ', parts));
    }

    // ---------------------------------------------------------------- participant checklist

    [GeneratedRegex(@"^\s*(?:Programme\s+)?Participant\s+Checklist\b.{0,25}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ChecklistHeadingRegex();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})[.)]\s*(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItemRegex();

    [GeneratedRegex(@"^\s*REMINDER\s*:\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReminderRegex();

    [GeneratedRegex(@"\b(?:deadline|due|closes|closing\s+date)\b[^.;]{0,40}?(?<date>" + DatePattern + ")", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineRegex();

    [GeneratedRegex(@"\bdeadline\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineWordRegex();

    [GeneratedRegex(@"\bUpdated\s+to\s+(?<date>" + DatePattern + ")", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UpdatedToRegex();

    private static (List<PapersChecklistItem> Items, DateOnly? UpdatedTo) ReadChecklist(string[] lines, List<PapersWarning> warnings)
    {
        var items = new List<PapersChecklistItem>();
        DateOnly? updatedTo = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!ChecklistHeadingRegex().IsMatch(lines[i])) continue;
            for (var k = Math.Max(0, i - 8); k <= i && updatedTo is null; k++)
            {
                if (UpdatedToRegex().Match(lines[k]) is { Success: true } u) updatedTo = ParseDate(u.Groups["date"].Value);
            }
            var expected = 1;
            var j = NextNonBlank(lines, i + 1);
            while (j < lines.Length && NumberedItemRegex().Match(lines[j]) is { Success: true } m
                   && int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) == expected)
            {
                var itemLine = j;
                var parts = new List<string> { m.Groups["text"].Value };
                var last = lines[j];
                j = NextNonBlank(lines, j + 1);
                while (j < lines.Length && parts.Count < 8 && !NumberedItemRegex().IsMatch(lines[j])
                       && (EndsWithSpace(last) || StartsLikeContinuation(lines[j])))
                {
                    parts.Add(lines[j].Trim());
                    last = lines[j];
                    j = NextNonBlank(lines, j + 1);
                }
                var text = Collapse(string.Join(' ', parts));
                var reminder = ReminderRegex().IsMatch(text);
                if (reminder) text = ReminderRegex().Replace(text, "");
                DateOnly? deadline = null;
                if (DeadlineRegex().Match(text) is { Success: true } dm)
                {
                    deadline = ParseDate(dm.Groups["date"].Value);
                    if (deadline is null) warnings.Add(new PapersWarning(itemLine + 1, $"checklist item {expected}: the deadline is not a real date", lines[itemLine]));
                }
                else if (DeadlineWordRegex().IsMatch(text))
                {
                    warnings.Add(new PapersWarning(itemLine + 1, $"checklist item {expected}: could not read the deadline", text));
                }
                items.Add(ChecklistAudience.Read(new PapersChecklistItem(expected, text, deadline, reminder, itemLine + 1)));
                expected++;
            }
            if (expected == 1) warnings.Add(new PapersWarning(i + 1, "participant checklist heading without numbered items", lines[i]));
        }
        return (items, updatedTo);
    }

    private static bool StartsLikeContinuation(string line)
    {
        var t = line.TrimStart();
        return t.Length > 0 && (char.IsLower(t[0]) || char.IsDigit(t[0]) || t[0] is '(' or '–' or '-');
    }

    internal static int NextNonBlank(string[] lines, int from)
    {
        var j = from;
        while (j < lines.Length && IsBlank(lines[j])) j++;
        return j;
    }

    // ---------------------------------------------------------------- next meeting

    [GeneratedRegex(@"\b(?i:next)\s+(?:(?<g>[A-Z]{2,6})\s+(?i:meeting)\b\s*(?i:date)?\s*(?i:is|will\s+be)?\s*(?i:on|held\s+on)?\s*[:\-–]?|(?i:meeting)\s*(?i:date)?\s*:)\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NextMeetingRegex();

    [GeneratedRegex(@"\bDate\s+of\s+(?:the\s+)?next\s+(?<g>[A-Z]{2,6})\b(?:\s+meeting)?\s*(?:is|:|-|–)?\s*(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateOfNextRegex();

    private static List<PapersNextMeeting> ReadNextMeetings(string[] lines, List<PapersWarning> warnings)
    {
        var found = new List<PapersNextMeeting>();
        for (var i = 0; i < lines.Length; i++)
        {
            var m = NextMeetingRegex().Match(lines[i]);
            if (!m.Success) m = DateOfNextRegex().Match(lines[i]);
            if (!m.Success) continue;
            string? group = m.Groups["g"].Success ? m.Groups["g"].Value.ToUpperInvariant() : null;
            var rest = m.Groups["rest"].Value;
            var dm = DateRegex().Match(rest);
            if (!dm.Success && rest.Trim().Length == 0 && NextNonBlank(lines, i + 1) is var n && n < lines.Length)
            {
                rest = rest + " " + lines[n];
                dm = DateRegex().Match(rest);
            }
            var date = dm.Success ? ToDate(dm) : null;
            if (date is null && m.Index > 6)
            {
                continue; // prose ("an update at the next DAG meeting"), not the next-meeting line
            }
            if (date is null)
            {
                warnings.Add(new PapersWarning(i + 1, $"could not read the date of the next {group ?? "group"} meeting", lines[i]));
                continue;
            }
            var start = ParseClock(rest[(dm.Index + dm.Length)..]);
            found.Add(new PapersNextMeeting(group, date, start, i + 1));
        }
        return found;
    }

    // ---------------------------------------------------------------- change requests

    [GeneratedRegex(@"\bCR\d{3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CrRegex();

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[A-Z•+])|\s+•\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreakRegex();

    private const int ParagraphCap = 800;
    private const int MentionCap = 300;

    private static List<PapersChangeRequestMention> ReadChangeRequests(string[] lines)
    {
        var mentions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            if (IsBlank(lines[i]))
            {
                i++;
                continue;
            }
            // A logical paragraph: wrapped lines end with a space; blank lines between them are extraction noise.
            var sb = new StringBuilder(lines[i].Trim());
            var last = lines[i];
            var j = i + 1;
            while (EndsWithSpace(last) && sb.Length < ParagraphCap)
            {
                var n = NextNonBlank(lines, j);
                if (n >= lines.Length || RowRefRegex().IsMatch(lines[n]) || NumberedItemRegex().IsMatch(lines[n])) break;
                sb.Append(' ').Append(lines[n].Trim());
                last = lines[n];
                j = n + 1;
            }
            var paragraph = sb.ToString();
            if (CrRegex().IsMatch(paragraph))
            {
                foreach (var sentence in SentenceBreakRegex().Split(paragraph))
                {
                    var ids = CrRegex().Matches(sentence).Select(x => x.Value).Distinct().ToList();
                    if (ids.Count == 0) continue;
                    var trimmed = Collapse(sentence.Trim().TrimStart('•', '+', '-', '–', ' ').Trim());
                    if (trimmed.Length > MentionCap) trimmed = trimmed[..MentionCap].TrimEnd() + "…";
                    foreach (var id in ids)
                    {
                        if (!mentions.TryGetValue(id, out var list))
                        {
                            mentions[id] = list = [];
                            order.Add(id);
                        }
                        if (!list.Contains(trimmed)) list.Add(trimmed);
                    }
                }
            }
            i = j;
        }
        return order.Select(id => new PapersChangeRequestMention(id, mentions[id])).ToList();
    }

    // ---------------------------------------------------------------- shared bits

    internal static AgendaItemType? ReadAgendaType(string text, out bool several)
    {
        var words = Regex.Matches(text, @"\b(Decision|Information|Discussion)\b", RegexOptions.IgnoreCase).Select(x => x.Value.ToLowerInvariant()).Distinct().ToList();
        several = words.Count > 1;
        if (words.Count != 1) return null;
        return words[0] switch
        {
            "decision" => AgendaItemType.Decision,
            "information" => AgendaItemType.Information,
            _ => AgendaItemType.Discussion,
        };
    }
}
