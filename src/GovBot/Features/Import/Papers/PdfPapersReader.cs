using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace GovBot.Features.Import;

/// <summary>
/// The text of a PDF, in-process with PdfPig: each page's lines top to bottom, each line's letters left to right, with
/// wide gaps kept as runs of spaces so table cells stay under their column headers (what the papers parser reads, as
/// it read <c>pdftotext -layout</c>). Pages are joined by a blank line; <see cref="PapersFileText.PageStarts"/> says
/// where each begins. Hostile files are refused with a message: too many pages, nesting too deep, too much text,
/// too slow, no text layer, or not a readable PDF at all.
/// </summary>
internal static class PdfPapersReader
{
    /// <summary>Meeting papers run to tens of pages, a few hundred at most; a page tree claiming more is refused before reading.</summary>
    internal const int MaxPages = 2000;

    /// <summary>PdfPig's guard on nested arrays and dictionaries (a PDF bomb nests thousands deep to exhaust the stack).</summary>
    internal const int MaxNesting = 64;

    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static PapersFileText Read(string name, byte[] bytes, long maxChars, CancellationToken cancellationToken) =>
        Read(name, bytes, maxChars, DefaultTimeout, cancellationToken);

    internal static PapersFileText Read(string name, byte[] bytes, long maxChars, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A PDF ends with %%EOF (a few bytes of padding may follow). Without it the copy was cut short, and lenient
        // parsing would quietly import whatever pages survived.
        if (bytes.AsSpan(Math.Max(0, bytes.Length - 1024)).LastIndexOf("%%EOF"u8) < 0)
        {
            return PapersFileText.Fail($"'{name}' is truncated or not a PDF (it does not end with %%EOF): the download or copy was cut short. Nothing was written.");
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // PdfPig is synchronous: the deadline is checked between pages, so one pathological page is the most it can overrun.
            using var document = PdfDocument.Open(bytes, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                MaxStackDepth = MaxNesting,
            });
            var pageCount = document.NumberOfPages;
            if (pageCount > MaxPages) return PapersFileText.Fail($"'{name}' claims {pageCount:N0} pages; papers have at most {MaxPages:N0}, so it was not read.");
            if (pageCount == 0) return PapersFileText.Fail($"'{name}' is a PDF with no pages; nothing to import.");

            var text = new StringBuilder();
            var starts = new List<int>(pageCount);
            for (var number = 1; number <= pageCount; number++)
            {
                deadline.Token.ThrowIfCancellationRequested();
                if (text.Length > 0) text.Append("\n\n");
                starts.Add(text.Length);
                AppendPage(document.GetPage(number), text);
                if (text.Length > maxChars) return PapersFileText.Fail($"the text of '{name}' is larger than {maxChars / (1024 * 1024)} MB; it was not read.");
            }
            if (string.IsNullOrWhiteSpace(text.ToString()))
            {
                return PapersFileText.Fail($"'{name}' has no text layer (a scanned PDF?): GovBot reads the text of papers, not images of it. Export the papers as PDF from the original document, or import its text. Nothing was written.");
            }
            return new PapersFileText(text.ToString(), null, [], starts);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PapersFileText.Fail($"reading '{name}' took longer than {timeout.TotalSeconds:0} seconds; stopped. Papers are read in a second or two, so this PDF is not ordinary papers.");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig throws many kinds (PdfDocumentFormatException, InvalidOperationException, ArgumentException...) for broken files.
            return PapersFileText.Fail($"'{name}' is not a readable PDF ({Describe(e)}). Nothing was written.");
        }
    }

    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        if (message.Length > 160) message = message[..160] + "…";
        return message.Contains("depth", StringComparison.OrdinalIgnoreCase) || message.Contains("stack", StringComparison.OrdinalIgnoreCase)
            ? $"its objects are nested deeper than {MaxNesting} levels: {message}"
            : message;
    }

    /// <summary>One page as layout text: lines by baseline, letters by x, wide gaps as spaces on a character grid.</summary>
    internal static void AppendPage(Page page, StringBuilder text)
    {
        var letters = page.Letters.Where(l => l.Value.Length > 0 && l.TextOrientation == TextOrientation.Horizontal).ToList();
        if (letters.Count == 0) return;

        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.Width > 0).Select(l => l.Width / Math.Max(1, l.Value.Length)).Order().ToList();
        var cell = visible.Count > 0 ? visible[visible.Count / 2] : 5.0; // the median glyph width: one column of the grid
        var left = letters.Min(l => l.StartBaseLine.X);
        var lineHeight = Math.Max(1, letters.Select(l => l.PointSize).Order().ElementAt(letters.Count / 2));

        // Letters whose baselines are within a third of a line of each other are on one line.
        var lines = new List<(double Y, List<Letter> Letters)>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y))
        {
            var y = letter.StartBaseLine.Y;
            if (lines.Count > 0 && Math.Abs(lines[^1].Y - y) <= lineHeight / 3) lines[^1].Letters.Add(letter);
            else lines.Add((y, [letter]));
        }

        // The usual distance between baselines; a bigger gap is that many blank lines (the parser reads paragraph and
        // section ends from them, as pdftotext -layout keeps them).
        var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Y - b.Y).Where(g => g > lineHeight / 3).Order().ToList();
        var pitch = gaps.Count > 0 ? gaps[gaps.Count / 2] : lineHeight * 1.2;
        double? previousY = null;
        foreach (var (y, lineLetters) in lines)
        {
            if (previousY is { } py) text.Append('\n', (int)Math.Clamp(Math.Round((py - y) / pitch) - 1, 0, 5));
            previousY = y;
            var line = new StringBuilder();
            double? end = null;
            foreach (var letter in lineLetters.OrderBy(l => l.StartBaseLine.X))
            {
                var x = letter.StartBaseLine.X;
                if (line.Length == 0) line.Append(' ', (int)Math.Max(0, Math.Round((x - left) / cell))); // indented: a cell of a later column
                else if (end is { } e && x - e > cell * 0.6 && line[^1] != ' ')
                {
                    // A word gap is one space; a gap of two cells or more is a column gap, kept on the grid.
                    var column = (int)Math.Round((x - left) / cell);
                    var spaces = x - e < cell * 2 ? 1 : Math.Max(2, column - line.Length);
                    line.Append(' ', spaces);
                }
                line.Append(letter.Value);
                end = letter.EndBaseLine.X;
            }
            text.Append(line.ToString().TrimEnd(' ', '\u00A0') is var trimmed && line.Length > trimmed.Length ? trimmed + " " : trimmed).Append('\n');
        }
    }
}
