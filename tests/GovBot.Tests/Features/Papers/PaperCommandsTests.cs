using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using GovBot.Features.Papers;
using GovBot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovBot.Tests.Features.Papers;

/// <summary>Keeping papers on Azurite, tables and blobs: the same file twice changes nothing; a new version replaces the passages.</summary>
public class PaperCommandsTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly PaperIdentity Dag14 = new("DAG", "14", new DateOnly(2022, 8, 10), "MHHS-DEL540");

    private static string Papers(string version, string body) => $"""
        Design Advisory Group #14

        10 August 2022

        Version {version}

        MHHS-DEL540

        Agenda

        {body}
        """;

    private static PaperFile File(string text, string name = "dag-14-2022-08-10-papers.txt") => new(name, Encoding.UTF8.GetBytes(text), text, null);

    /// <summary>Every row of both paper tables and every blob (name, length, ETag): what "changes nothing" compares.</summary>
    private async Task<string> SnapshotAsync(PaperStore store)
    {
        var text = new StringBuilder();
        foreach (var table in new[] { PaperTables.Papers, PaperTables.PaperPassages })
        {
            await foreach (var row in Tables.Get(table).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                text.Append(table).Append('|').Append(row.PartitionKey).Append('|').Append(row.RowKey).Append('|').Append(row.ETag).Append('\n');
            }
        }
        await foreach (var blob in store.Container.GetBlobsAsync(cancellationToken: Ct))
        {
            text.Append("blob|").Append(blob.Name).Append('|').Append(blob.Properties.ContentLength).Append('|').Append(blob.Properties.ETag).Append('\n');
        }
        return text.ToString();
    }

    [Fact]
    public async Task SameFileTwice_ChangesNothing_TablesAndBlobs()
    {
        var store = CreatePaperStore();
        var commands = new PaperCommands(store, NullLogger<PaperCommands>.Instance);
        var file = File(Papers("0.1", "The plan was shared.\n\nThe log was reviewed."));

        var first = await commands.KeepAsync(Dag14, file, Ct);
        var before = await SnapshotAsync(store);
        var second = await commands.KeepAsync(Dag14, file, Ct);

        Assert.Equal(PaperKeptKind.Added, first.Kind);
        Assert.Equal(PaperKeptKind.Unchanged, second.Kind);
        Assert.Equal(before, await SnapshotAsync(store));
        var paper = (await store.GetAsync("DAG", "MHHS-DEL540", Ct))!.Value;
        Assert.Equal(("Design Advisory Group #14", "0.1", "14", new DateOnly(2022, 8, 10)), (paper.Title, paper.Version, paper.MeetingNumber, paper.MeetingDate));
        Assert.Equal(file.Original, await store.DownloadOriginalAsync(paper, Ct));
        Assert.Equal([paper], await store.ListForMeetingAsync("DAG", "14", Ct));
    }

    [Fact]
    public async Task NewerVersion_ReplacesThePassages_NoStaleOnesLeft_BothOriginalsKept()
    {
        var store = CreatePaperStore();
        var commands = new PaperCommands(store, NullLogger<PaperCommands>.Instance);
        var oldBody = string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"Old paragraph {i}. " + new string('o', 400)));
        var v1 = File(Papers("0.1", oldBody));
        var v2 = File(Papers("0.2", "New paragraph."));

        await commands.KeepAsync(Dag14, v1, Ct);
        var oldCount = (await store.PassagesAsync((await store.GetAsync("DAG", "MHHS-DEL540", Ct))!.Value, Ct)).Count;
        var kept = await commands.KeepAsync(Dag14, v2, Ct);
        var older = await commands.KeepAsync(Dag14, v1, Ct); // the old version again: not applied

        Assert.Equal(PaperKeptKind.Replaced, kept.Kind);
        Assert.Equal(PaperKeptKind.OlderKept, older.Kind);
        var paper = (await store.GetAsync("DAG", "MHHS-DEL540", Ct))!.Value;
        Assert.Equal("0.2", paper.Version);
        var passages = await store.PassagesAsync(paper, Ct);
        Assert.True(oldCount > passages.Count);
        Assert.DoesNotContain(passages, p => p.Text.Contains("Old paragraph", StringComparison.Ordinal));
        // The whole table, not only the current version's range: nothing of version 0.1 is left.
        var all = new List<PaperPassage>();
        await foreach (var (_, p) in store.AllPassagesAsync(Ct)) all.Add(p);
        Assert.Equal(passages.Count, all.Count);
        Assert.Contains(all, p => p.Text.Contains("New paragraph.", StringComparison.Ordinal));
        // Every version's original stays in the container.
        var blobs = new List<BlobItem>();
        await foreach (var blob in store.Container.GetBlobsAsync(cancellationToken: Ct)) blobs.Add(blob);
        Assert.Equal(2, blobs.Count);
    }

    [Fact]
    public async Task SampleSeed_KeepsTheThreeSeedPapers_Once()
    {
        var store = CreatePaperStore();
        var commands = new PaperCommands(store, NullLogger<PaperCommands>.Instance);

        var first = await GovBot.SampleData.SamplePapers.KeepAsync(commands, RepoPaths.PapersFolder, Ct);
        var again = await GovBot.SampleData.SamplePapers.KeepAsync(commands, RepoPaths.PapersFolder, Ct);
        var absent = await GovBot.SampleData.SamplePapers.KeepAsync(commands, null, Ct);

        Assert.All(first, line => Assert.StartsWith("Paper kept:", line, StringComparison.Ordinal));
        Assert.All(again, line => Assert.StartsWith("Paper unchanged:", line, StringComparison.Ordinal));
        Assert.Equal(["Sample papers skipped: ../shared/fixtures/mhhs-papers (beside the repository) is not here."], absent);
        var papers = await store.ListAsync(Ct);
        Assert.Equal(["DAG-34-papers", "MHHS-DEL540", "TMAG-6-papers"], papers.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var paper in papers)
        {
            var passages = await store.PassagesAsync(paper, Ct);
            Assert.Equal(paper.PassageCount, passages.Count);
            Assert.All(passages, p => Assert.InRange(p.Text.Length, 1, PaperPassages.MaxChars));
            Assert.Equal(await System.IO.File.ReadAllBytesAsync(Path.Combine(RepoPaths.PapersFolder, paper.FileName), Ct), await store.DownloadOriginalAsync(paper, Ct));
        }
    }

    [Fact]
    public async Task Passages_AreAtMost1500Characters_CutAtParagraphs_WithHeadingsAndPages()
    {
        var body = string.Join("\n\n", Enumerable.Range(1, 8).Select(i => $"Paragraph {i} " + new string('x', 500) + "."));
        var text = "3. CR043 Decision\n\nBackground\n\n" + body;
        var pageTwo = text.IndexOf("Paragraph 5", StringComparison.Ordinal);

        var passages = PaperPassages.Split("MHHS-DEL1056", text, [0, pageTwo]);

        Assert.All(passages, p => Assert.InRange(p.Text.Length, 1, PaperPassages.MaxChars));
        Assert.All(passages, p => Assert.Equal(["3. CR043 Decision", "Background"], p.Headings));
        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Order));
        Assert.StartsWith("3. CR043 Decision\n\nBackground\n\nParagraph 1", passages[0].Text, StringComparison.Ordinal); // headings open their passage
        foreach (var paragraph in body.Split("\n\n"))
        {
            Assert.Single(passages, p => p.Text.Contains(paragraph, StringComparison.Ordinal)); // never cut inside a paragraph
        }
        Assert.Equal(1, passages[0].Page);
        Assert.Equal(2, passages.Single(p => p.Text.StartsWith("Paragraph 5", StringComparison.Ordinal)).Page);
    }
}
