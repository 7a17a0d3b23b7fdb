using System.Text;
using System.Text.RegularExpressions;

namespace GovBot.Features.Papers;

/// <summary>
/// Cuts a paper's text into passages (pure): paragraphs (blank-line separated) are gathered until the next would
/// pass <see cref="MaxChars"/>; a heading starts a new passage; a paragraph longer than the limit is cut at line
/// ends, then sentence ends, then spaces. Each passage carries the headings above it and its first page.
/// </summary>
internal static partial class PaperPassages
{
    public const int MaxChars = 1500;

    private const int UnnumberedLevel = 10;

    public static IReadOnlyList<PaperPassage> Split(string paperKey, string text, IReadOnlyList<int>? pageStarts)
    {
        var passages = new List<PaperPassage>();
        var headings = new List<(int Level, string Text)>();
        var current = new StringBuilder();
        var currentStart = 0;
        IReadOnlyList<string> currentHeadings = [];

        var hasBody = false; // a passage holding only headings so far carries on into the text below them

        void Flush()
        {
            var body = current.ToString().Trim();
            if (body.Length > 0) passages.Add(new(paperKey, passages.Count, currentHeadings, PageAt(pageStarts, currentStart), body));
            current.Clear();
            hasBody = false;
        }

        foreach (var (start, paragraph) in Paragraphs(text))
        {
            var level = HeadingLevel(paragraph);
            if (level is { } l)
            {
                if (hasBody) Flush();
                headings.RemoveAll(h => h.Level >= l);
                headings.Add((l, paragraph.Trim()));
                currentHeadings = [.. headings.Select(h => h.Text)];
            }
            foreach (var (offset, piece) in Cut(paragraph, MaxChars))
            {
                if (current.Length > 0 && current.Length + 2 + piece.Length > MaxChars) Flush();
                if (level is null) hasBody = true;
                if (current.Length == 0) currentStart = start + offset;
                else current.Append("\n\n");
                current.Append(piece);
            }
        }
        Flush();
        return passages;
    }

    /// <summary>1-based page holding <paramref name="offset"/>; null when pages are unknown.</summary>
    internal static int? PageAt(IReadOnlyList<int>? pageStarts, int offset)
    {
        if (pageStarts is null || pageStarts.Count == 0) return null;
        var page = 1;
        for (var i = 1; i < pageStarts.Count && pageStarts[i] <= offset; i++) page = i + 1;
        return page;
    }

    /// <summary>Paragraphs with their offsets: runs of non-blank lines (line ends normalised to \n, trailing spaces kept).</summary>
    internal static IEnumerable<(int Start, string Text)> Paragraphs(string text)
    {
        var lines = new List<string>();
        int position = 0, start = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                if (lines.Count > 0) yield return (start, string.Join('\n', lines));
                lines.Clear();
            }
            else
            {
                if (lines.Count == 0) start = position;
                lines.Add(line.TrimEnd());
            }
            position += rawLine.Length + 1;
        }
        if (lines.Count > 0) yield return (start, string.Join('\n', lines));
    }

    /// <summary>
    /// A heading is a paragraph of one short line that reads as a title: a numbered section ("3.2 Design status",
    /// "7.Data Integration Platform…", level = its depth) or a short capitalised line without sentence punctuation
    /// or table gaps ("Participant checklist", nested under the current numbered section). Table rows and sentences are not headings.
    /// </summary>
    internal static int? HeadingLevel(string paragraph)
    {
        if (paragraph.Contains('\n') || paragraph.Contains('\t') || paragraph.Contains("   ", StringComparison.Ordinal)) return null;
        var line = paragraph.Trim();
        if (line.Length is < 3 or > 80 || line.EndsWith('.') || line.EndsWith(',') || line.EndsWith(';') || line.EndsWith(':')) return null;
        if (NumberedRegex().Match(line) is { Success: true } numbered)
        {
            return numbered.Groups["n"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Length;
        }
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 8 || !char.IsUpper(line[0]) || line.Any(char.IsDigit) && words.Length < 2) return null;
        // Below the numbered section it appears in (a numbered heading replaces it).
        return line.StartsWith('•') ? null : UnnumberedLevel;
    }

    /// <summary>The paragraph itself, or pieces of it of at most <paramref name="max"/> characters.</summary>
    internal static IEnumerable<(int Offset, string Text)> Cut(string paragraph, int max)
    {
        var offset = 0;
        while (paragraph.Length - offset > max)
        {
            var window = paragraph.AsSpan(offset, max);
            var cut = window.LastIndexOf('\n');
            if (cut < max / 3)
            {
                var sentence = Math.Max(window.LastIndexOf(". "), window.LastIndexOf("; "));
                cut = sentence > 0 ? sentence + 1 : -1;
            }
            if (cut < max / 3) cut = window.LastIndexOf(' ');
            if (cut < max / 3) cut = max; // one unbroken run: cut it anyway
            yield return (offset, paragraph.Substring(offset, cut).Trim());
            offset += cut;
            while (offset < paragraph.Length && char.IsWhiteSpace(paragraph[offset])) offset++;
        }
        if (offset < paragraph.Length) yield return (offset, paragraph[offset..].Trim());
    }

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRegex();
}
