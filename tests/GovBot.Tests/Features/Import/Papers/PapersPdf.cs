using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace GovBot.Tests.Features.Import;

/// <summary>
/// PDFs made from papers text with PdfPig's own builder, as a word processor would lay them out: Courier 8 pt, one
/// text line per line, a blank line as vertical space, and tab-separated table rows drawn as real columns (each
/// cell at its column's x, the page as wide as the table needs): a table page like the ones in real papers.
/// </summary>
internal static class PapersPdf
{
    private const double FontSize = 8;
    private const double CharWidth = FontSize * 0.6; // Courier
    private const double LineHeight = 10;
    private const double Margin = 36;
    private const int LinesPerPage = 60;

    /// <summary>Table cells wrap within this many characters, as a word processor's table columns do.</summary>
    private const int MaxCellChars = 28;

    /// <summary>The PDF, and for each line of <paramref name="text"/> the page it was drawn on (1-based).</summary>
    public static (byte[] Pdf, int[] PageOfLine) FromText(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var columns = ColumnStarts(lines);

        // Each source line becomes one or more drawn rows of (column in characters, text): a table row's cells wrap.
        var drawn = new List<List<(int Column, string Text)>>();
        var firstRowOf = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            firstRowOf[i] = drawn.Count;
            if (!columns.TryGetValue(i, out var starts))
            {
                drawn.Add(lines[i].Length > 0 ? [(0, lines[i])] : []);
                continue;
            }
            var cells = lines[i].Split('\t').Select(Wrap).ToList();
            for (var k = 0; k < cells.Max(c => c.Count); k++)
            {
                drawn.Add([.. cells.Select((c, n) => (starts[n], k < c.Count ? c[k] : "")).Where(c => c.Item2.Length > 0)]);
            }
        }

        var widest = drawn.SelectMany(r => r).Select(c => c.Column + c.Text.Length).DefaultIfEmpty(80).Max();
        var width = Math.Max(595, Margin * 2 + widest * CharWidth);
        var height = Margin * 2 + LinesPerPage * LineHeight;
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Courier);
        var pageOfRow = new int[drawn.Count];
        PdfPageBuilder? page = null;
        for (var r = 0; r < drawn.Count; r++)
        {
            if (r % LinesPerPage == 0) page = builder.AddPage(width, height);
            pageOfRow[r] = r / LinesPerPage + 1;
            var y = height - Margin - (r % LinesPerPage + 1) * LineHeight;
            foreach (var (column, cell) in drawn[r])
            {
                page!.AddText(WinAnsi(cell), FontSize, new PdfPoint(Margin + column * CharWidth, y), font);
            }
        }
        return (builder.Build(), [.. firstRowOf.Select(r => r < pageOfRow.Length ? pageOfRow[r] : pageOfRow[^1])]);
    }

    /// <summary>A cell's text in lines of at most <see cref="MaxCellChars"/> (longer words stay whole).</summary>
    private static List<string> Wrap(string cell)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in cell.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > MaxCellChars)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>A page with a drawn rectangle and no text at all (what a scanner gives, minus the image).</summary>
    public static byte[] WithoutText()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600);
        return builder.Build();
    }

    /// <summary>For each tab-separated line: where each cell starts (in characters), per block of consecutive tab lines.</summary>
    private static Dictionary<int, int[]> ColumnStarts(string[] lines)
    {
        var result = new Dictionary<int, int[]>();
        for (var i = 0; i < lines.Length;)
        {
            if (!lines[i].Contains('\t')) { i++; continue; }
            var block = Enumerable.Range(i, lines.Length - i).TakeWhile(j => lines[j].Contains('\t')).ToList();
            var cells = block.Select(j => lines[j].Split('\t')).ToList();
            var count = cells.Max(c => c.Length);
            var starts = new int[count];
            for (var c = 1; c < count; c++)
            {
                starts[c] = starts[c - 1] + Math.Min(MaxCellChars, cells.Max(r => c - 1 < r.Length ? r[c - 1].Length : 0)) + 3;
            }
            foreach (var j in block) result[j] = starts;
            i = block[^1] + 1;
        }
        return result;
    }

    /// <summary>The standard fonts are WinAnsi-encoded; the papers use only characters it has, this guards the rest.</summary>
    private static string WinAnsi(string s) => new(s.Select(c => c < 0x100 || "•–—‘’“”…€".Contains(c) ? c : '?').ToArray());
}
