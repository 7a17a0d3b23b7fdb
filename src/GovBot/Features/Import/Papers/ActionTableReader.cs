using System.Text;
using System.Text.RegularExpressions;
using GovBot.Features.Actions;
using static GovBot.Features.Import.PapersParser;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>
/// Reads action log tables ("Ref Date Action Owner Due Date Status Latest update" and narrower variants).
/// A row starts at a line that begins with an action ref; its due date is the date that is followed by a
/// status word or ends its line (never one preceded by "on", "by" ...); the owner is the owner-shaped
/// tail of the text before it; the status is the status word after it, or the status written at the
/// start of the update column.
/// </summary>
internal static partial class ActionTableReader
{
    /// <param name="ColumnStarts">For <c>pdftotext -layout</c> text: where each header column starts; null otherwise.</param>
    private sealed record Layout(bool Tabbed, IReadOnlyList<string> Columns, bool HasRaised, bool HasStatus, IReadOnlyList<int>? ColumnStarts = null);

    private sealed record Piece(int Line, string Text, bool Wraps);

    [GeneratedRegex(@"^\s*(?:Action\s+)?Ref(?:erence)?\.?\b(?=.*\bAction\b)(?=.*\b(?:Owner|Due)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^ \S", RegexOptions.CultureInvariant)]
    private static partial Regex PageStartRegex();

    [GeneratedRegex(@"^\s*\d{1,2}\.\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedListRegex();

    [GeneratedRegex(@"^\s*\d{1,3}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumberRegex();

    [GeneratedRegex(@"\(\d+ of \d+\)\s*$|^\s*Document Classification", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PageFurnitureRegex();

    [GeneratedRegex(@"(?<!\w)(?:TBC|TBA|TBD|N/A|ASAP)(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex NotADateRegex();

    [GeneratedRegex(@"\b(?:on|by|from|until|till|of|to|at|before|after|dated|since|in|the|and|between)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatePrepositionRegex();

    [GeneratedRegex(@"(?:\b[A-Z]{2,6}|\b[A-Z][a-z]+)\s+[Mm]embers\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MembersOwnerRegex();

    [GeneratedRegex(@"(?:\b[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)+\s*,\s*)+(?:and\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamesOwnerRegex();

    [GeneratedRegex(@"(?:\b(?:[A-Z]{2,6}\s+)?Chair(?:\s*(?:&|and)\s*Secretariat)?|\bSecretariat|\bPMO|\bProgramme|\bOfgem|\bElexon|\bDCC|\bRECCo|\bSRO|\bIPA|\bAll)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleOwnerRegex();

    /// <summary>Words that start an organisation's name in an owner ("Programme (Lee Cox)", "Elexon Change Raiser (Mike Ceney)").</summary>
    private static readonly HashSet<string> OwnerHeads = ["Programme", "Elexon", "Ofgem", "PMO", "DCC", "RECCo", "SRO", "IPA"];

    private const int MaxRowLines = 40;

    public static List<PapersActionRow> Read(string[] lines, List<PapersWarning> warnings)
    {
        var rows = new List<PapersActionRow>();
        Layout? layout = null;
        var anyHeader = lines.Any(l => HeaderRegex().IsMatch(l) && l.Length < 200);
        if (!anyHeader && lines.Any(l => RowRefRegex().IsMatch(l)))
        {
            layout = new Layout(false, [], HasRaised: false, HasStatus: false);
            warnings.Add(new PapersWarning(null, "action rows found without a table header; reading them without column names", null));
        }

        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (HeaderRegex().IsMatch(line) && line.Length < 200)
            {
                layout = ReadLayout(line);
                i++;
                continue;
            }
            if (layout is null || !RowRefRegex().IsMatch(line))
            {
                i++;
                continue;
            }
            if (layout.Tabbed && line.Contains('\t'))
            {
                rows.Add(ReadTabbedRow(line, i, layout, warnings));
                i++;
                continue;
            }
            if (layout.ColumnStarts is { } starts)
            {
                var (cells, after) = CollectColumns(lines, i, starts);
                rows.Add(ReadCells(cells, lines[i], i, layout, warnings));
                i = after;
                continue;
            }
            var (pieces, next) = CollectRow(lines, i, warnings);
            rows.Add(ReadWrappedRow(pieces, layout, lines[i], warnings));
            i = next;
        }
        foreach (var repeated in rows.GroupBy(r => r.Ref).Where(g => g.Count() > 1))
        {
            var lineNumbers = string.Join(", ", repeated.Select(r => r.Line));
            warnings.Add(new PapersWarning(repeated.Last().Line, $"{repeated.Key} appears {repeated.Count()} times (lines {lineNumbers}); all are listed", null));
        }
        return rows;
    }

    [GeneratedRegex(@"\S+(?: \S+)*", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentRegex();

    private static Layout ReadLayout(string header)
    {
        var tabbed = header.Contains('\t');
        var segments = SegmentRegex().Matches(header);
        if (!tabbed && segments.Count >= 4)
        {
            // pdftotext -layout: columns separated by runs of spaces; cells sit under their header.
            var names = segments.Select(x => x.Value.ToLowerInvariant()).ToList();
            return new Layout(false, names, names.Count > 1 && names[1].StartsWith("date", StringComparison.Ordinal),
                names.Contains("status"), segments.Select(x => x.Index).ToList());
        }
        var columns = tabbed
            ? header.Split('\t').Select(c => Collapse(c).ToLowerInvariant()).ToList()
            : [];
        var hasRaised = Regex.IsMatch(header, @"^\s*(?:Action\s+)?Ref(?:erence)?\.?\s+Date\b", RegexOptions.IgnoreCase);
        var hasStatus = Regex.IsMatch(header, @"\bStatus\b", RegexOptions.IgnoreCase);
        return new Layout(tabbed, columns, hasRaised, hasStatus);
    }

    // ------------------------------------------------------------ tab-separated rows

    /// <summary>The cells of a row laid out in columns: each run of text goes to the column it starts under.</summary>
    private static (List<string> Cells, int Next) CollectColumns(string[] lines, int start, IReadOnlyList<int> starts)
    {
        var cells = starts.Select(_ => new List<string>()).ToList();
        var j = start;
        var blanks = 0;
        for (; j < lines.Length && j - start < MaxRowLines; j++)
        {
            var line = lines[j];
            if (j > start && (RowRefRegex().IsMatch(line) || HeaderRegex().IsMatch(line) || NumberedListRegex().IsMatch(line) || PageFurnitureRegex().IsMatch(line))) break;
            if (IsBlank(line))
            {
                if (++blanks >= 2) break;
                continue;
            }
            blanks = 0;
            foreach (Match seg in SegmentRegex().Matches(line))
            {
                var column = 0;
                for (var c = 0; c < starts.Count; c++)
                {
                    if (starts[c] <= seg.Index + 1) column = c;
                }
                cells[column].Add(seg.Value);
            }
        }
        return (cells.Select(c => Collapse(string.Join(" ", c))).ToList(), j);
    }

    private static PapersActionRow ReadTabbedRow(string line, int index, Layout layout, List<PapersWarning> warnings) =>
        ReadCells(line.Split('\t').Select(Collapse).ToList(), line, index, layout, warnings);

    private static PapersActionRow ReadCells(List<string> cells, string line, int index, Layout layout, List<PapersWarning> warnings)
    {
        int Col(Func<string, bool> match) => layout.Columns.ToList().FindIndex(c => match(c));
        string? Cell(int c) => c >= 0 && c < cells.Count && cells[c].Length > 0 ? cells[c] : null;

        var actionRef = RowRefRegex().Match(line).Groups["ref"].Value;
        var raisedCol = Col(c => c is "date" or "date raised" or "raised");
        var actionCol = Col(c => c.StartsWith("action", StringComparison.Ordinal));
        var ownerCol = Col(c => c.StartsWith("owner", StringComparison.Ordinal));
        var dueCol = Col(c => c.StartsWith("due", StringComparison.Ordinal));
        var statusCol = Col(c => c == "status");
        var updateCol = Col(c => c.Contains("update", StringComparison.Ordinal));

        if (cells.Count != layout.Columns.Count)
        {
            warnings.Add(new PapersWarning(index + 1, $"{actionRef}: the row has {cells.Count} cells but the header has {layout.Columns.Count}", line));
        }

        DateOnly? raised = null;
        if (Cell(raisedCol) is { } raisedText)
        {
            raised = ParseDate(raisedText);
            if (raised is null) warnings.Add(new PapersWarning(index + 1, $"{actionRef}: could not read the date raised", line));
        }

        var dueText = Cell(dueCol);
        var due = dueText is null ? null : ParseWholeDate(dueText);
        if (due is null) warnings.Add(new PapersWarning(index + 1, $"could not read a due date for {actionRef}", line));

        var owner = Cell(ownerCol);
        if (owner is null) warnings.Add(new PapersWarning(index + 1, $"no owner for {actionRef}", line));

        var text = Cell(actionCol) ?? "";
        if (text.Length == 0) warnings.Add(new PapersWarning(index + 1, $"no action text for {actionRef}", line));

        ActionStatus? status;
        string? update;
        if (statusCol >= 0)
        {
            var statusText = Cell(statusCol) ?? "";
            status = TryReadStatus(statusText, out var s, out var restOfCell) && restOfCell.Length == 0 ? s : null;
            if (status is null) warnings.Add(new PapersWarning(index + 1, $"unknown status '{statusText}' for {actionRef}", line));
            update = Cell(updateCol);
        }
        else
        {
            (status, update) = ReadStatusAndUpdate(Cell(updateCol) ?? "", hasStatusColumn: false, actionRef, index, line, warnings);
        }
        return new PapersActionRow(actionRef, raised, text, owner, due, status, update, index + 1);
    }

    private static DateOnly? ParseWholeDate(string text)
    {
        var m = DateRegex().Match(text);
        return m.Success && m.Index == 0 && m.Length == text.Trim().Length ? ToDate(m) : null;
    }

    // ------------------------------------------------------------ wrapped rows

    private static (List<Piece> Pieces, int Next) CollectRow(string[] lines, int start, List<PapersWarning> warnings)
    {
        var pieces = new List<Piece> { new(start + 1, lines[start], EndsWithSpace(lines[start])) };
        var j = start + 1;
        for (; j < lines.Length; j++)
        {
            var line = lines[j];
            if (IsBlank(line)) continue;
            if (RowRefRegex().IsMatch(line) || HeaderRegex().IsMatch(line) || PageStartRegex().IsMatch(line)
                || NumberedListRegex().IsMatch(line) || PageFurnitureRegex().IsMatch(line))
            {
                break;
            }
            if (BareNumberRegex().IsMatch(line)) continue; // a page number
            if (pieces.Count >= MaxRowLines)
            {
                warnings.Add(new PapersWarning(start + 1, $"the row is longer than {MaxRowLines} lines; the rest is left out", lines[start]));
                break;
            }
            pieces.Add(new Piece(j + 1, line, EndsWithSpace(line)));
        }
        return (pieces, j);
    }

    private static PapersActionRow ReadWrappedRow(List<Piece> pieces, Layout layout, string firstLine, List<PapersWarning> warnings)
    {
        var lineNo = pieces[0].Line;
        var refMatch = RowRefRegex().Match(pieces[0].Text);
        var actionRef = refMatch.Groups["ref"].Value;
        var firstText = pieces[0].Text[(refMatch.Index + refMatch.Length)..];

        DateOnly? raised = null;
        var lead = DateRegex().Match(firstText);
        if (lead.Success && firstText[..lead.Index].Trim().Length == 0)
        {
            raised = ToDate(lead);
            if (raised is null) warnings.Add(new PapersWarning(lineNo, $"{actionRef}: could not read the date raised", firstLine));
            firstText = firstText[(lead.Index + lead.Length)..];
        }
        else if (layout.HasRaised)
        {
            warnings.Add(new PapersWarning(lineNo, $"{actionRef}: could not read the date raised", firstLine));
        }

        var body = new List<Piece> { pieces[0] with { Text = firstText } };
        body.AddRange(pieces.Skip(1));

        // The due date (or a "TBC" in its place) splits the row: text and owner before, status and update after.
        // With a status column, a date followed by an unknown status word is still the due date.
        var anchor = FindDueAnchor(body, relaxed: false) ?? (layout.HasStatus ? FindDueAnchor(body, relaxed: true) : null);
        DateOnly? due = null;
        List<Piece> pre;
        string post;
        if (anchor is { } a)
        {
            var piece = body[a.Piece];
            due = a.Date;
            if (a.Date is null)
            {
                warnings.Add(new PapersWarning(piece.Line, $"could not read a due date for {actionRef} ('{Collapse(piece.Text.Substring(a.Index, a.Length))}' is not a date)", a.Piece == 0 ? firstLine : piece.Text));
            }
            pre = body.Take(a.Piece).ToList();
            pre.Add(piece with { Text = piece.Text[..a.Index], Wraps = true });
            post = UpdateText([piece.Text[(a.Index + a.Length)..], .. body.Skip(a.Piece + 1).Select(p => p.Text)]);
        }
        else
        {
            warnings.Add(new PapersWarning(lineNo, $"could not read a due date for {actionRef}", Collapse(string.Join(" ", pieces.Select(p => p.Text)))));
            // Without a due date, an upper-case status word ("ONGOING:") is where the update begins.
            var at = FindUpperCaseStatus(body);
            if (at is { } s)
            {
                pre = body.Take(s.Piece).ToList();
                pre.Add(body[s.Piece] with { Text = body[s.Piece].Text[..s.Index] });
                post = string.Join(" ", new[] { body[s.Piece].Text[s.Index..] }.Concat(body.Skip(s.Piece + 1).Select(p => p.Text)));
            }
            else
            {
                pre = body;
                post = "";
            }
        }

        var (text, owner) = SplitTextAndOwner(pre);
        if (owner is null) warnings.Add(new PapersWarning(lineNo, $"could not read the owner of {actionRef}", firstLine));
        if (text.Length == 0) warnings.Add(new PapersWarning(lineNo, $"no action text for {actionRef}", firstLine));

        ActionStatus? status = null;
        string? update = null;
        if (Collapse(post).Length > 0)
        {
            (status, update) = ReadStatusAndUpdate(post, layout.HasStatus, actionRef, lineNo - 1, firstLine, warnings);
        }
        else
        {
            warnings.Add(new PapersWarning(lineNo, $"no status for {actionRef}", firstLine));
        }
        return new PapersActionRow(actionRef, raised, text, owner, due, status, update, lineNo);
    }

    private readonly record struct Anchor(int Piece, int Index, int Length, DateOnly? Date);

    [GeneratedRegex(@"^\s*[A-Z][^.!?;]{0,60}:?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingLikeRegex();

    /// <summary>
    /// The status and update after the due date. The last row of a table is followed by whatever comes next
    /// on the page; a short heading-like line after a finished sentence ("Next steps") is not part of the update.
    /// </summary>
    private static string UpdateText(IReadOnlyList<string> lines)
    {
        var taken = new List<string>();
        foreach (var line in lines)
        {
            var previous = taken.Count > 0 ? taken[^1].TrimEnd() : "";
            if (previous.Length > 0 && previous[^1] is '.' or '!' or '?' && HeadingLikeRegex().IsMatch(line)
                && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8)
            {
                break;
            }
            taken.Add(line);
        }
        return string.Join(" ", taken);
    }

    [GeneratedRegex(@"(?<![\w-])(?:ONGOING|OPEN|CLOSED|COMPLETED?|RECOMMEND(?:ED)?\s+(?:TO\s+)?CLOS(?:ED?|URE))(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex UpperCaseStatusRegex();

    private static Anchor? FindUpperCaseStatus(List<Piece> body)
    {
        for (var p = 0; p < body.Count; p++)
        {
            var m = UpperCaseStatusRegex().Match(body[p].Text);
            if (m.Success && (p > 0 || m.Index > 0)) return new Anchor(p, m.Index, m.Length, null);
        }
        return null;
    }

    private static Anchor? FindDueAnchor(List<Piece> body, bool relaxed)
    {
        for (var p = 0; p < body.Count; p++)
        {
            var text = body[p].Text;
            var next = p + 1 < body.Count ? body[p + 1].Text : "";
            var previous = p > 0 ? body[p - 1].Text : "";
            foreach (Match m in DateRegex().Matches(text))
            {
                if (IsDueShaped(text, m.Index, m.Length, next, previous, relaxed)) return new Anchor(p, m.Index, m.Length, ToDate(m));
            }
            foreach (Match m in NotADateRegex().Matches(text))
            {
                if (IsDueShaped(text, m.Index, m.Length, next, previous, relaxed)) return new Anchor(p, m.Index, m.Length, null);
            }
        }
        return null;
    }

    /// <summary>
    /// A due date starts its line, ends it, or is followed by a status word; and it is not the object of a
    /// preposition ("shared on 17/01/2024"), looking back to the previous line when it starts its line.
    /// </summary>
    private static bool IsDueShaped(string text, int index, int length, string nextLine, string previousLine, bool relaxed)
    {
        var after = text[(index + length)..].Trim();
        var before = text[..index];
        var startsLine = before.Trim().Length == 0;
        if (DatePrepositionRegex().IsMatch(startsLine ? previousLine : before)) return false;
        // A status word may be wrapped onto the next line ("Recommend" / "closed").
        return relaxed || startsLine || after.Length == 0 || TryReadStatus(Collapse(after + " " + nextLine), out _, out _)
            || StatusLikePrefix(after) is not null;
    }

    [GeneratedRegex(@"\b(?<head>[A-Z]{2,6}\d+(?:\.\d+)?-)\s+(?<tail>\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex BrokenRefRegex();

    private static (ActionStatus? Status, string? Update) ReadStatusAndUpdate(
        string post, bool hasStatusColumn, string actionRef, int index, string line, List<PapersWarning> warnings)
    {
        var text = BrokenRefRegex().Replace(Collapse(post), "${head}${tail}");
        if (TryReadStatus(text, out var status, out var rest))
        {
            return (status, rest.Length == 0 ? null : rest);
        }
        if (StatusLikePrefix(text) is { } word)
        {
            warnings.Add(new PapersWarning(index + 1, $"unknown status '{word}' for {actionRef}", line));
        }
        else if (hasStatusColumn)
        {
            var first = text.Split(' ', 2)[0];
            warnings.Add(new PapersWarning(index + 1, $"unknown status '{first}' for {actionRef}", line));
        }
        else
        {
            warnings.Add(new PapersWarning(index + 1, $"no status word at the start of the update of {actionRef}", line));
        }
        return (null, text.Length == 0 ? null : text);
    }

    /// <summary>
    /// Splits what precedes the due date into action text and owner. Lines that end with a space were
    /// wrapped inside one cell; the owner is the owner-shaped tail of the last cell.
    /// </summary>
    private static (string Text, string? Owner) SplitTextAndOwner(List<Piece> pre)
    {
        // Cells: join a line to the previous one when the previous was wrapped. Remember where lines start.
        var cells = new List<(StringBuilder Text, List<int> LineStarts)>();
        var wraps = false;
        foreach (var piece in pre)
        {
            var t = piece.Text.Trim();
            if (t.Length == 0)
            {
                wraps = cells.Count > 0 && (wraps || piece.Wraps);
                continue;
            }
            if (cells.Count == 0 || !wraps)
            {
                cells.Add((new StringBuilder(), []));
            }
            var cell = cells[^1];
            if (cell.Text.Length > 0) cell.Text.Append(' ');
            cell.LineStarts.Add(cell.Text.Length);
            cell.Text.Append(t);
            wraps = piece.Wraps;
        }
        if (cells.Count == 0) return ("", null);

        var last = cells[^1];
        var lastText = last.Text.ToString();
        var ownerStart = OwnerStart(lastText, last.LineStarts, isOnlyCell: cells.Count == 1);
        var textParts = cells.Take(cells.Count - 1).Select(c => c.Text.ToString()).ToList();
        string? owner = null;
        if (ownerStart >= 0)
        {
            owner = Collapse(lastText[ownerStart..]);
            textParts.Add(lastText[..ownerStart]);
            // Without wrap markers an owner can be split over cells ("Programme" / "(PMO)", "TMAG" / "members").
            while (owner.Length > 0 && (owner[0] == '(' || char.IsLower(owner[0])) && textParts.Count > 1
                   && textParts[^1].Trim().Length == 0 && IsShortCapitalised(textParts[^2]))
            {
                textParts.RemoveAt(textParts.Count - 1);
                owner = Collapse(textParts[^1] + " " + owner);
                textParts.RemoveAt(textParts.Count - 1);
                textParts.Add("");
            }
        }
        else
        {
            textParts.Add(lastText);
        }
        var text = Collapse(string.Join(" ", textParts)).TrimEnd(',', ';', '-', '–').Trim();
        return (text, string.IsNullOrEmpty(owner) ? null : owner);
    }

    private static int OwnerStart(string cell, List<int> lineStarts, bool isOnlyCell)
    {
        var s = cell.TrimEnd();
        if (s.EndsWith(')'))
        {
            var open = MatchingOpen(s);
            if (open >= 0)
            {
                var start = CapitalisedRunStart(s, open);
                // A run that begins mid-line may have swallowed the end of the action text ("... part of IA" / "Elexon Change Raiser").
                if (start != 0 && !lineStarts.Contains(start))
                {
                    var lineStart = lineStarts.Where(ls => ls > start && ls <= open).DefaultIfEmpty(-1).Min();
                    if (lineStart >= 0) start = lineStart;
                }
                start = RightmostHead(s, start, open);
                if (start < open || !isOnlyCell) return EarlierParties(s, start);
            }
        }
        if (MembersOwnerRegex().Match(s) is { Success: true } members) return members.Index;
        if (NamesOwnerRegex().Match(s) is { Success: true } names && (!isOnlyCell || names.Index > 0)) return names.Index;
        if (RoleOwnerRegex().Match(s) is { Success: true } role && (!isOnlyCell || role.Index > 0 || lineStarts.Contains(role.Index)))
        {
            // Take the whole line the role ends when it is a short line of its own ("Chair & Secretariat").
            var ls = lineStarts.Where(x => x <= role.Index).DefaultIfEmpty(0).Max();
            return ls > 0 && IsShortCapitalised(s[ls..]) ? ls : role.Index;
        }
        if (!isOnlyCell && IsShortCapitalised(s)) return 0;
        return -1;
    }

    // A party's closing bracket, a separator, and the start of the next party's name when it wrapped before the owner start.
    [GeneratedRegex(@"\)\s*(?:/|,|;|&|\+|\band\b)\s*(?<run>(?:(?:[A-Z]|[a-z][A-Z])[^\s()]*\s+){0,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex PartySeparatorBeforeRegex();

    /// <summary>
    /// "Elexon (Jane Doe) / LDSOs (John Roe)": a party with a person in brackets, joined to the owner by a separator,
    /// is an owner too. Walks left over each such party, so none but the last is lost to the action text.
    /// </summary>
    private static int EarlierParties(string s, int start)
    {
        while (PartySeparatorBeforeRegex().Match(s[..start]) is { Success: true } separator)
        {
            var open = MatchingOpen(s[..(separator.Index + 1)]);
            if (open <= 0) break;
            var runStart = RightmostHead(s, PartyNameStart(s, open), open);
            if (runStart >= open) break; // a bracket with no party before it belongs to the text
            start = runStart;
        }
        return start;
    }

    /// <summary>Like <see cref="CapitalisedRunStart"/>, but a name may start lower-case before a capital ("iDNOs").</summary>
    private static int PartyNameStart(string s, int end)
    {
        var start = end;
        var k = end;
        for (var words = 0; words < 6; words++)
        {
            while (k > 0 && s[k - 1] == ' ') k--;
            var wordEnd = k;
            while (k > 0 && s[k - 1] != ' ') k--;
            if (k == wordEnd) break;
            var word = s[k..wordEnd];
            if (!(char.IsUpper(word[0]) || word == "&" || (word.Length > 1 && char.IsLower(word[0]) && char.IsUpper(word[1])))) break;
            start = k;
        }
        return start;
    }

    private static bool IsShortCapitalised(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 8 && words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w is "and" or "of" or "members");
    }

    private static int MatchingOpen(string s)
    {
        var depth = 0;
        for (var k = s.Length - 1; k >= 0; k--)
        {
            if (s[k] == ')') depth++;
            else if (s[k] == '(' && --depth == 0) return k;
        }
        return -1;
    }

    /// <summary>Start of the run of capitalised words (or "&amp;") just before <paramref name="end"/>.</summary>
    private static int CapitalisedRunStart(string s, int end)
    {
        var start = end;
        var k = end;
        var words = 0;
        while (words < 6)
        {
            while (k > 0 && s[k - 1] == ' ') k--;
            var wordEnd = k;
            while (k > 0 && s[k - 1] != ' ') k--;
            if (k == wordEnd) break;
            var word = s[k..wordEnd];
            if (!(char.IsUpper(word[0]) || word == "&")) break;
            start = k;
            words++;
        }
        return start;
    }

    /// <summary>Within [start, end), the rightmost word that starts an organisation name (or an upper-case code), if any.</summary>
    private static int RightmostHead(string s, int start, int end)
    {
        var best = -1;
        foreach (Match w in Regex.Matches(s[start..end], @"\S+"))
        {
            if (OwnerHeads.Contains(w.Value) || Regex.IsMatch(w.Value, @"^[A-Z]{2,6}$")) best = start + w.Index;
        }
        return best >= 0 ? best : start;
    }
}
