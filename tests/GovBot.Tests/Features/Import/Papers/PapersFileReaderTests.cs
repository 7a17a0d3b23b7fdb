using GovBot.Features.Import;

namespace GovBot.Tests.Features.Import;

public sealed class PapersFileReaderTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("govbot-import-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task MissingFile_IsRefused()
    {
        var result = await PapersFileReader.ReadAsync(Path.Combine(_dir, "nope.txt"), CancellationToken.None);
        Assert.Null(result.Text);
        Assert.StartsWith("file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFile_IsRefused()
    {
        var result = await PapersFileReader.ReadAsync(Write("empty.txt", []), CancellationToken.None);
        Assert.Null(result.Text);
        Assert.EndsWith("is empty.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhitespaceOnlyFile_IsRefused()
    {
        var result = await PapersFileReader.ReadAsync(Write("blank.txt", "\n\n   \n"u8.ToArray()), CancellationToken.None);
        Assert.EndsWith("contains no text.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryFileWithNulBytes_IsRefused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var result = await PapersFileReader.ReadAsync(Write("papers.txt", bytes), CancellationToken.None);
        Assert.Null(result.Text);
        Assert.Contains("binary file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MostlyInvalidUtf8_IsRefused_ButAFewBadBytesAreReplacedWithANote()
    {
        var junk = Enumerable.Range(0, 2000).Select(i => (byte)(0x80 + (i % 0x40))).ToArray();
        var refused = await PapersFileReader.ReadAsync(Write("latin.txt", junk), CancellationToken.None);
        Assert.Contains("not UTF-8 text", refused.Error, StringComparison.Ordinal);

        var mostlyFine = "Next DAG meeting: 10 April 2024 \xff at 10am\n"u8.ToArray().Concat(new byte[] { 0xff }).ToArray();
        var read = await PapersFileReader.ReadAsync(Write("ok.txt", mostlyFine), CancellationToken.None);
        Assert.NotNull(read.Text);
        Assert.Single(read.Notes);
    }

    [Fact]
    public async Task FiftyMegabyteFile_IsRefusedWithoutBeingRead()
    {
        var path = Path.Combine(_dir, "huge.txt");
        await using (var stream = File.Create(path))
        {
            var line = "DAG33-01 Programme to do something Programme (PMO) 06/03/2024 ONGOING: more\n"u8.ToArray();
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length) stream.Write(line);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = await PapersFileReader.ReadAsync(path, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(result.Text);
        Assert.Contains("larger than 20 MB", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 2 * 1024 * 1024, $"refusing a 50 MB file allocated {allocated} bytes");
    }

    [Fact]
    public async Task StreamLongerThanTheCap_IsRefusedWhileReading()
    {
        // A file that passes the size check but is longer than the cap it is read with (as a growing file or device would be).
        var path = Write("grows.txt", new byte[3000].Select(_ => (byte)'a').ToArray());
        var result = await PapersFileReader.ReadAsync(path, maxBytes: 1000, CancellationToken.None);
        Assert.Contains("larger than", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8Text_WithBom_IsRead()
    {
        var path = Write("papers.txt", [0xEF, 0xBB, 0xBF, .. "Date of next TMAG: 20 July 2022"u8.ToArray()]);
        var result = await PapersFileReader.ReadAsync(path, CancellationToken.None);
        Assert.Equal("Date of next TMAG: 20 July 2022", result.Text);
    }
}
