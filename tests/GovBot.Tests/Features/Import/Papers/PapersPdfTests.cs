using System.Diagnostics;
using System.Text;
using GovBot.Features.Import;
using GovBot.Features.Papers;

namespace GovBot.Tests.Features.Import;

/// <summary>
/// PDFs read in-process (PdfPig): the seed papers made into PDFs read back to the same import with page numbers,
/// and hostile files refused with a clear message, nothing written, in bounded time and memory.
/// </summary>
public sealed class PapersPdfTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("govbot-import-pdf-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("dag-14-2022-08-10-papers.txt")] // its agenda and action log are tab-separated tables: drawn as columns on a table page
    [InlineData("dag-34-2024-03-13-papers.txt")]
    [InlineData("tmag-06-2022-06-15-papers.txt")]
    public async Task SeedPapers_AsPdf_ReadBackToTheSameImport_WithPages(string fileName)
    {
        var text = await File.ReadAllTextAsync(PapersFixtures.PathOf(fileName), Ct);
        var (pdf, pageOfLine) = PapersPdf.FromText(text);
        var path = Path.Combine(_dir, Path.ChangeExtension(fileName, ".pdf"));
        await File.WriteAllBytesAsync(path, pdf, Ct);

        var read = await PapersFileReader.ReadAsync(path, Ct);

        Assert.Null(read.Error);
        Assert.Equal(pdf, read.Original);
        Assert.Equal(pageOfLine[^1], read.PageStarts!.Count);
        var fromText = PapersParser.Parse(text, fileName);
        var fromPdf = PapersParser.Parse(read.Text!, Path.GetFileName(path));
        Assert.Equal(fromText.Meeting, fromPdf.Meeting);
        Assert.Equal(fromText.NextMeeting! with { Line = 0 }, fromPdf.NextMeeting! with { Line = 0 }); // blank lines are not all kept, so line numbers differ
        // Every row read from the text is read the same from the PDF. (dag-14: a wrapped update cell whose line starts
        // with another action's ref, "DAG10.1-03", is also taken for a row by the layout table reader; see the report.)
        Assert.All(Rows(fromText), row => Assert.Contains(row, Rows(fromPdf)));
        Assert.Equal(fromText.Agenda.Select(a => (a.Number, a.Title, a.Type, a.Lead, a.Start, a.End)), fromPdf.Agenda.Select(a => (a.Number, a.Title, a.Type, a.Lead, a.Start, a.End)));
        // A page break cannot show how many blank lines ended a page, so a decision may run on into what follows.
        Assert.Equal(fromText.Decisions.Select(d => d.Number), fromPdf.Decisions.Select(d => d.Number));
        Assert.All(fromText.Decisions.Zip(fromPdf.Decisions), p => Assert.StartsWith(p.First.Text, p.Second.Text, StringComparison.Ordinal));
        Assert.Equal(fromText.Checklist.Select(c => (c.Number, c.Deadline, c.Text)), fromPdf.Checklist.Select(c => (c.Number, c.Deadline, c.Text)));

        // Pages: every action ref is found on the page it was drawn on.
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        foreach (var row in fromText.Actions)
        {
            var drawnOn = pageOfLine[Array.FindIndex(lines, l => l.TrimStart().StartsWith(row.Ref, StringComparison.Ordinal))];
            var at = read.Text!.IndexOf(row.Ref, StringComparison.Ordinal);
            Assert.Equal(drawnOn, PaperPassages.PageAt(read.PageStarts, at));
        }
    }

    private static IEnumerable<string> Rows(PapersImport import) =>
        import.Actions.Select(a => $"{a.Ref}|{a.Raised}|{a.Owner}|{a.Due}|{a.Status}");

    [Fact]
    public async Task TablePage_KeepsCellsUnderTheirColumns()
    {
        var text = "Ref\tAction\tOwner\tDue\tStatus\nDAG13-01\tShare the plan\tProgramme (PMO)\t10/08/2022\tOpen\nDAG13-02\tReview the log\tDAG members\t24/08/2022\tClosed\n";
        var read = PapersFileReader.Read("table.pdf", PapersPdf.FromText(text).Pdf, Ct);

        var lines = read.Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var header in new[] { "Owner", "Due", "Status" })
        {
            var column = lines[0].IndexOf(header, StringComparison.Ordinal);
            Assert.All(lines.Skip(1), l => Assert.NotEqual(' ', l[column]));
            Assert.All(lines.Skip(1), l => Assert.Equal(' ', l[column - 1]));
        }
    }

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "empty", "is empty" },
        { "binary", "is truncated or not a PDF" },
        { "deep-nesting", "not a readable PDF" },
        { "huge-page-count", "claims 100,000 pages" },
        { "truncated", "is truncated or not a PDF" },
        { "text-less", "has no text layer (a scanned PDF?)" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task HostileFile_ClearMessage_NothingWritten_BoundedTimeAndMemory(string kind, string message)
    {
        var path = Path.Combine(_dir, kind + ".pdf");
        await File.WriteAllBytesAsync(path, Hostile(kind), Ct);
        var writer = new RecordingWriter();
        using var stderr = new StringWriter();

        var clock = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var code = await PapersImportCommand.RunAsync(["papers", path], TextWriter.Null, stderr, writer, Ct);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.Equal(PapersImportCommand.UnreadableInput, code);
        Assert.True(stderr.ToString().Contains(message, StringComparison.Ordinal), stderr.ToString());
        Assert.False(writer.Called);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{kind}: {clock.Elapsed}");
        Assert.True(allocated < 200L * 1024 * 1024, $"{kind}: {allocated / (1024 * 1024)} MB allocated");
    }

    [Fact]
    public void SlowPdf_IsStoppedAtTheDeadline()
    {
        var pdf = PapersPdf.FromText(string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"Line {i} of a long paper"))).Pdf;

        var read = PdfPapersReader.Read("long.pdf", pdf, PapersFileReader.MaxBytes, TimeSpan.Zero, Ct);

        Assert.Contains("took longer than 0 seconds; stopped", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfOverTheCap_IsRefusedWhileStreaming()
    {
        var (pdf, _) = PapersPdf.FromText("Design Advisory Group #35\n\n10 April 2024");
        var path = Path.Combine(_dir, "big.pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);

        var read = await PapersFileReader.ReadAsync(path, maxBytes: pdf.Length - 1, Ct);

        Assert.Null(read.Text);
        Assert.Contains("larger than", read.Error, StringComparison.Ordinal);
    }

    private static byte[] Hostile(string kind) => kind switch
    {
        "empty" => [],
        "binary" => Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7919 % 251)).ToArray(),
        "deep-nesting" => Pdf($"<< /Type /Catalog /Pages 2 0 R /Deep {new string('[', 200_000)}{new string(']', 200_000)} >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        // One page object listed 100,000 times: a small file whose page tree is huge.
        "huge-page-count" => Pdf("<< /Type /Catalog /Pages 2 0 R >>", $"<< /Type /Pages /Kids [{string.Concat(Enumerable.Repeat("3 0 R ", 100_000))}] /Count 100000 >>"),
        "truncated" => PapersPdf.FromText(string.Join('\n', Enumerable.Range(0, 200).Select(i => $"Line {i}"))).Pdf is var whole ? whole[..(whole.Length / 2)] : [],
        "text-less" => PapersPdf.WithoutText(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A PDF with these catalog and page tree objects, one empty page and a correct xref table.</summary>
    private static byte[] Pdf(string catalog, string pages)
    {
        string[] objects = [catalog, pages, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private sealed class RecordingWriter : IPapersImportWriter
    {
        public bool Called { get; private set; }

        public Task<string> WriteAsync(PapersImport import, CancellationToken cancellationToken)
        {
            Called = true;
            return Task.FromResult("written");
        }
    }
}
