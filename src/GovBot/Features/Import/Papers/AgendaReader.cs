using System.Text.RegularExpressions;
using GovBot.Features.Meetings;
using static GovBot.Features.Import.PapersParser;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>
/// Reads the agenda table: "# Item Objective Type Lead Time Page", either tab-separated (one row a line)
/// or with cells wrapped over several lines. A row starts with the next item number and ends after its time slot.
/// </summary>
internal static partial class AgendaReader
{
    [GeneratedRegex(@"^\s*(?:#|No\.?)?\s*\bItem\b(?=.*\b(?:Time|Type)\b).*\bLead\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\.?(?:\s+(?<rest>\S.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RowStartRegex();

    [GeneratedRegex(@"^\s*\d{1,3}\s*mins?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^\s*\d{1,3}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumberRegex();

    [GeneratedRegex(@"^\s*(?:Break|Lunch)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BreakRegex();

    /// <summary>The type column: the last type word that does not start an objective ("Decision on approval ...").</summary>
    [GeneratedRegex(@"\b(?:Decision|Information|Discussion)(?:\s*/\s*(?:Decision|Information|Discussion))*\b(?!\s+(?:on|of|to|for|from|about)\b)", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex TypeColumnRegex();

    /// <summary>Words that open an objective when title and objective share a line.</summary>
    [GeneratedRegex(@"\s(?:Introduction|Approval|Approve|Review|Discuss|Provide|Updates?\s+(?:on|from)|Overview|Summarise|Summary\s+of|Decision\s+on|Receive|Hear|Agree|Confirm|Present|Consider|Sign-post|Outline|To\s+[a-z])\b", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectiveStartRegex();

    [GeneratedRegex(@"(?:\b(?:[A-Z]{2,6}\s+)?Chair(?:\s*(?:&|and)\s*Secretariat)?|\bSecretariat|\bPMO|\bProgramme(?:\s*\([^)]*\))?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadTailRegex();

    [GeneratedRegex(@"\b(?:and|of|to|the|&|for|on|in|with|a)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectorEndRegex();

    private const int MaxRowLines = 30;

    public static List<PapersAgendaItem> Read(string[] lines, List<PapersWarning> warnings)
    {
        var header = Array.FindIndex(lines, l => HeaderRegex().IsMatch(l) && l.Length < 160);
        if (header < 0) return [];
        if (lines[header].Contains('\t')) return ReadTabbed(lines, header, warnings);
        return SegmentRegex().Count(lines[header]) >= 4 ? ReadColumns(lines, header, warnings) : ReadWrapped(lines, header, warnings);
    }

    [GeneratedRegex(@"\S+(?: \S+)*", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentRegex();

    /// <summary>pdftotext -layout: cells sit under their header; a row starts with its number in the first column.</summary>
    private static List<PapersAgendaItem> ReadColumns(string[] lines, int header, List<PapersWarning> warnings)
    {
        var headers = SegmentRegex().Matches(lines[header]).ToList();
        var starts = headers.Select(h => h.Index).ToList();
        var tabbed = new List<string>();
        var rowLines = new List<int>();
        var cells = (List<List<string>>?)null;
        void Flush()
        {
            if (cells is not null) tabbed.Add(string.Join('\t', cells.Select(c => Collapse(string.Join(" ", c)))));
        }
        for (var i = header + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (IsBlank(line) || HeaderRegex().IsMatch(line)) continue;
            var segments = SegmentRegex().Matches(line);
            var startsRow = segments.Count > 0 && segments[0].Index <= starts[Math.Min(1, starts.Count - 1)] - 1
                && Regex.IsMatch(segments[0].Value, @"^\d{1,2}(?:\s|$)");
            if (startsRow)
            {
                Flush();
                cells = starts.Select(_ => new List<string>()).ToList();
                rowLines.Add(i);
            }
            else if (cells is null || BreakRegex().IsMatch(line) || segments.Count == 0 || segments[0].Index < starts[Math.Min(1, starts.Count - 1)] - 1)
            {
                if (cells is not null && !BreakRegex().IsMatch(line)) break; // text back at the margin: the table has ended
                continue;
            }
            foreach (Match seg in segments)
            {
                var value = seg.Value;
                var at = seg.Index;
                if (startsRow && seg.Index == segments[0].Index && Regex.Match(value, @"^(\d{1,2})\s+(.*)$") is { Success: true } split)
                {
                    cells![0].Add(split.Groups[1].Value); // "3 Interface Code": the number and the title run together
                    value = split.Groups[2].Value;
                    at = starts[Math.Min(1, starts.Count - 1)];
                }
                var column = 0;
                for (var c = 0; c < starts.Count; c++)
                {
                    if (starts[c] <= at + 1) column = c;
                }
                cells![column].Add(value);
            }
        }
        Flush();
        var headerText = string.Join('\t', headers.Select(h => h.Value));
        var synthetic = new List<string> { headerText };
        synthetic.AddRange(tabbed);
        var items = ReadTabbed([.. synthetic], 0, warnings);
        return items.Select((item, k) => item with { Line = rowLines[k] + 1 }).ToList();
    }

    private static List<PapersAgendaItem> ReadTabbed(string[] lines, int header, List<PapersWarning> warnings)
    {
        var columns = lines[header].Split('\t').Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Col(string name) => columns.FindIndex(c => c.StartsWith(name, StringComparison.Ordinal));
        int item = Col("item"), type = Col("type"), lead = Col("lead"), time = Col("time");
        var items = new List<PapersAgendaItem>();
        for (var i = header + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (IsBlank(line)) continue;
            if (!line.Contains('\t')) break;
            var cells = line.Split('\t');
            string Cell(int c) => c >= 0 && c < cells.Length ? Collapse(cells[c]) : "";
            var number = Cell(0);
            if (!Regex.IsMatch(number, @"^\d{1,2}(\.\d+)?$")) continue; // breaks, repeated headers
            var typeText = Cell(type);
            var itemType = ReadAgendaType(typeText, out var several);
            if (several || (typeText.Length > 0 && itemType is null))
            {
                warnings.Add(new PapersWarning(i + 1, $"agenda item {number}: type '{typeText}' is not one of Decision, Information, Discussion", line));
            }
            var slot = TimeRangeRegex().Match(Cell(time).Length > 0 ? Cell(time) : line);
            if (!slot.Success) warnings.Add(new PapersWarning(i + 1, $"agenda item {number}: could not read the time slot", line));
            items.Add(new PapersAgendaItem(
                number,
                Cell(item),
                itemType,
                NullIfEmpty(Cell(lead)),
                slot.Success ? RangeTime(slot, 1) : null,
                slot.Success ? RangeTime(slot, 2) : null,
                i + 1));
        }
        return items;
    }

    private static List<PapersAgendaItem> ReadWrapped(string[] lines, int header, List<PapersWarning> warnings)
    {
        var items = new List<PapersAgendaItem>();
        var expected = 1;
        var i = header + 1;
        while (true)
        {
            i = NextNonBlank(lines, i);
            if (i >= lines.Length) break;
            if (HeaderRegex().IsMatch(lines[i]) || BreakRegex().IsMatch(lines[i]))
            {
                i++;
                continue;
            }
            if (!IsRowStart(lines[i], expected)) break;

            var block = new List<int> { i };
            var sawTime = TimeRangeRegex().IsMatch(lines[i]);
            var sawDuration = false;
            var j = i + 1;
            while (true)
            {
                var n = NextNonBlank(lines, j);
                if (n >= lines.Length) { j = n; break; }
                var line = lines[n];
                if (!sawTime)
                {
                    if (IsRowStart(line, expected + 1) || HeaderRegex().IsMatch(line) || block.Count >= MaxRowLines) { j = n; break; }
                    block.Add(n);
                    sawTime = TimeRangeRegex().IsMatch(line);
                    if (sawTime && Regex.IsMatch(line, @"\d\s*mins?\b")) sawDuration = true;
                    j = n + 1;
                }
                else if (!sawDuration && DurationRegex().IsMatch(line))
                {
                    sawDuration = true;
                    j = n + 1;
                }
                else if (BareNumberRegex().IsMatch(line) && IsPageNumber(lines, n, expected))
                {
                    j = n + 1; // the page column
                    break;
                }
                else
                {
                    j = n;
                    break;
                }
            }
            items.Add(ParseBlock(lines, block, expected, sawTime, warnings));
            expected++;
            i = j;
        }
        return items;
    }

    private static bool IsRowStart(string line, int number) =>
        RowStartRegex().Match(line) is { Success: true } m && m.Groups["n"].Value == number.ToString(System.Globalization.CultureInfo.InvariantCulture)
        && !DurationRegex().IsMatch(line) && !TimeRangeRegex().IsMatch(line.TrimStart()[..Math.Min(8, line.TrimStart().Length)]);

    /// <summary>A bare number after a row is its page, unless it is the next item's number with the title on the next line.</summary>
    private static bool IsPageNumber(string[] lines, int at, int current)
    {
        if (!IsRowStart(lines[at], current + 1)) return true;
        var next = NextNonBlank(lines, at + 1);
        return next < lines.Length && (BareNumberRegex().IsMatch(lines[next]) || IsRowStart(lines[next], current + 1));
    }

    private static PapersAgendaItem ParseBlock(string[] lines, List<int> block, int number, bool sawTime, List<PapersWarning> warnings)
    {
        var first = block[0];
        var rest = RowStartRegex().Match(lines[first]).Groups["rest"].Value;
        var texts = new List<string> { rest };
        texts.AddRange(block.Skip(1).Select(b => lines[b]));
        if (texts[0].Length == 0) texts.RemoveAt(0);

        // Everything before the time slot: title, objective, type, lead.
        var pre = new List<string>();
        Match? slot = null;
        foreach (var t in texts)
        {
            var m = TimeRangeRegex().Match(t);
            if (m.Success)
            {
                slot = m;
                pre.Add(t[..m.Index]);
                break;
            }
            pre.Add(t);
        }
        var preText = string.Join("\n", pre);

        AgendaItemType? type = null;
        string lead;
        string before;
        var typeMatch = TypeColumnRegex().Match(preText);
        if (typeMatch.Success && IsPastTitle(pre, typeMatch.Index))
        {
            type = ReadAgendaType(typeMatch.Value, out var several);
            if (several) warnings.Add(new PapersWarning(first + 1, $"agenda item {number}: more than one type ('{Collapse(typeMatch.Value)}')", lines[first]));
            lead = Collapse(preText[(typeMatch.Index + typeMatch.Length)..]);
            before = preText[..typeMatch.Index];
        }
        else
        {
            var tail = LeadTailRegex().Match(preText.TrimEnd());
            lead = tail.Success ? Collapse(tail.Value) : "";
            before = tail.Success ? preText.TrimEnd()[..tail.Index] : preText;
            warnings.Add(new PapersWarning(first + 1, $"agenda item {number}: no type (Decision, Information or Discussion)", lines[first]));
        }

        var title = ReadTitle(before);
        if (title.Length == 0) warnings.Add(new PapersWarning(first + 1, $"agenda item {number}: could not read the title", lines[first]));
        if (!sawTime || slot is null) warnings.Add(new PapersWarning(first + 1, $"agenda item {number}: could not read the time slot", lines[first]));

        return new PapersAgendaItem(
            number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            title,
            type,
            NullIfEmpty(lead),
            slot is null ? null : RangeTime(slot, 1),
            slot is null ? null : RangeTime(slot, 2),
            first + 1);
    }

    /// <summary>The type word must come after the first line's title words (so "Relevant Information" in a title is not the type).</summary>
    private static bool IsPastTitle(List<string> pre, int index) => index > 0 || pre.Count == 0;

    private static string ReadTitle(string before)
    {
        var lines = before.Split('\n').Where(l => !IsBlank(l)).ToList();
        if (lines.Count == 0) return "";
        var title = lines[0];
        for (var k = 1; k < lines.Count && (EndsWithSpace(title) || ConnectorEndRegex().IsMatch(title)); k++)
        {
            if (lines[k].TrimStart().StartsWith('•')) break;
            title = title.TrimEnd() + " " + lines[k];
        }
        title = Collapse(title);
        var objective = ObjectiveStartRegex().Match(title);
        if (objective.Success && objective.Index > 0) title = title[..objective.Index];
        return title.Trim().TrimEnd('-', '–', ':').Trim();
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
