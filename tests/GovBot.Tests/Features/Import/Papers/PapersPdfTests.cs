using System.Globalization;
using System.Text;
using GovBot.Features.Import;

namespace GovBot.Tests.Features.Import;

public sealed class PapersPdfTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("govbot-import-pdf-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    /// <summary>PDF papers are read through pdftotext; a machine without it fails here rather than passing unchecked.</summary>
    private static void RequirePdftotext() =>
        Assert.True(PapersFileReader.FindOnPath("pdftotext") is not null,
            "pdftotext is not on PATH, so PDF papers cannot be read or tested. Install poppler-utils (Debian: apt-get install poppler-utils; ./govbot test does this).");

    [Fact]
    public async Task Pdf_IsReadThroughPdftotext()
    {
        RequirePdftotext();
        var path = Path.Combine(_dir, "dag-35-2024-04-10-papers.pdf");
        await File.WriteAllBytesAsync(path, MinimalPdf("Design Advisory Group #35", "10 April 2024", "Next DAG meeting: 8 May 2024 at 10am"));

        var read = await PapersFileReader.ReadAsync(path, CancellationToken.None);

        Assert.Null(read.Error);
        var import = PapersParser.Parse(read.Text!, Path.GetFileName(path));
        Assert.Equal(("DAG", "35", new DateOnly(2024, 4, 10)), (import.Meeting.Group, import.Meeting.Number, import.Meeting.Date));
        Assert.Equal(new DateOnly(2024, 5, 8), import.NextMeeting?.Date);
    }

    [Fact]
    public async Task BrokenPdf_GivesPdftotextsMessage()
    {
        RequirePdftotext();
        var path = Path.Combine(_dir, "broken.pdf");
        await File.WriteAllTextAsync(path, "%PDF-1.4\nthis is not really a pdf\n");
        var read = await PapersFileReader.ReadAsync(path, CancellationToken.None);
        Assert.Null(read.Text);
        Assert.False(string.IsNullOrWhiteSpace(read.Error));
    }

    /// <summary>A one-page PDF with one text line per argument (Helvetica), with a correct xref table.</summary>
    private static byte[] MinimalPdf(params string[] lines)
    {
        var content = new StringBuilder("BT /F1 12 Tf 72 720 Td 16 TL");
        foreach (var line in lines) content.Append(" (").Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*");
        content.Append(" ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
