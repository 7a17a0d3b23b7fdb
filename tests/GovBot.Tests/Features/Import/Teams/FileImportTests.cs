using GovBot.Tests.Bot;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.Import;
using GovBot.Features.Meetings;
using GovBot.Tests.Features.Import;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Tests.Features.Import;

/// <summary>
/// Files sent to GovBot in Teams 1:1 chat, end to end through /api/messages: a PMO member gets a dry-run preview with
/// Import / Cancel; everyone else is refused before anything is downloaded; bad files get a kind refusal.
/// </summary>
[Collection(StorageCollection.Name)]
public class FileImportTests(AzuriteFixture azurite)
{
    private const string PapersFile = "dag-34-2024-03-13-papers.txt";
    private const string DownloadBase = "https://contoso-my.sharepoint.com/personal/priya_contoso_com/Documents/";

    private static async Task<(BotHarness Bot, FakeDownloads Downloads)> StartAsync(AzuriteFixture azurite)
    {
        var downloads = new FakeDownloads();
        var bot = await BotHarness.StartAsync(azurite, testServices: services =>
            services.AddHttpClient(FileDownloadClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => downloads));
        return (bot, downloads);
    }

    private static JsonObject FileMessage(BotHarness bot, Person from, string name, string url, long? size = null)
    {
        var activity = bot.Message("", from);
        var content = new JsonObject { ["downloadUrl"] = url, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') };
        if (size is { } s) content["size"] = s;
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = TeamsFile.ContentType,
            ["contentUrl"] = "https://contoso.sharepoint.test/personal/file",
            ["name"] = name,
            ["content"] = content,
        });
        return activity;
    }

    /// <summary>Sends a file and returns the card GovBot answers with.</summary>
    private static async Task<SentRequest> SendFileAsync(BotHarness bot, Person from, string name, string? url = null, long? size = null)
    {
        var before = bot.Connector.Sent.Count;
        using var response = await bot.PostAsync(FileMessage(bot, from, name, url ?? DownloadBase + Uri.EscapeDataString(name), size));
        Assert.True(response.IsSuccessStatusCode);
        return await bot.Connector.WaitForAsync(r => r.Activity?["attachments"] is JsonArray, before);
    }

    private static string PendingId(SentRequest reply, string verb = FileImportCards.ConfirmVerb)
    {
        var action = reply.Card!["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!;
        return (string)action["data"]!["pendingId"]!;
    }

    private static byte[] RealPapers() => File.ReadAllBytes(PapersFixtures.PathOf(PapersFile));

    /// <summary>The sample data was seeded from these papers; take two of its actions away so the import has something to do.</summary>
    private static async Task ForgetAsync(BotHarness bot, params string[] refs)
    {
        var tables = bot.Services.GetRequiredService<GovBot.Storage.GovBotTables>();
        foreach (var reference in refs)
        {
            var action = (await bot.Services.GetRequiredService<ActionStore>().GetAsync(reference, CancellationToken.None))!.Value;
            await tables.Get(GovBot.Storage.TableNames.Actions).DeleteEntityAsync(action.GroupCode, action.Ref);
        }
    }

    [Fact]
    public async Task Pmo_SendsPapers_GetsPreview_ConfirmImportsThem_CardUpdatedInPlace()
    {
        var (bot, downloads) = await StartAsync(azurite);
        await using var _ = bot;
        downloads.Files[DownloadBase + PapersFile] = RealPapers();
        var actions = bot.Services.GetRequiredService<ActionStore>();
        await ForgetAsync(bot, "DAG33-01", "DAG33-02");

        var reply = await SendFileAsync(bot, bot.Person("priya-patel"), PapersFile);

        Assert.Contains("Import the DAG 34 papers?", reply.CardText);
        Assert.Contains("2 new", reply.CardText);
        var request = Assert.Single(downloads.Requests);
        Assert.Equal(DownloadBase + PapersFile, request.Url);
        Assert.Null(request.Authorization); // never the bot's token
        Assert.DoesNotContain(bot.Connector.Sent, s => s.Path.Contains("download", StringComparison.Ordinal));
        Assert.Null(await actions.GetAsync("DAG33-01", CancellationToken.None)); // a preview writes nothing

        var (status, body) = await bot.InvokeAsync(FileImportCards.ConfirmVerb, new JsonObject { ["pendingId"] = PendingId(reply) }, bot.Person("priya-patel"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body!["type"]);
        Assert.Contains($"Imported {PapersFile}", BotHarnessText.Of(body["value"]));
        Assert.Contains("2 created", BotHarnessText.Of(body["value"]));
        Assert.NotNull(await actions.GetAsync("DAG33-01", CancellationToken.None));
        Assert.NotNull(await bot.Services.GetRequiredService<MeetingStore>().GetAsync("DAG", "34", CancellationToken.None));

        // Pressed again (a double click, a second device): imported once.
        var (_, again) = await bot.InvokeAsync(FileImportCards.ConfirmVerb, new JsonObject { ["pendingId"] = PendingId(reply) }, bot.Person("priya-patel"));
        Assert.Contains("no longer available", BotHarnessText.Of(again!["value"]));
    }

    [Fact]
    public async Task NonPmo_IsRefusedPolitely_AndNothingIsDownloaded()
    {
        var (bot, downloads) = await StartAsync(azurite);
        await using var _ = bot;
        downloads.Files[DownloadBase + PapersFile] = RealPapers();

        var reply = await SendFileAsync(bot, bot.Person("lee-cox"), PapersFile);

        Assert.Contains("Only the PMO can import files", reply.CardText);
        Assert.Empty(downloads.Requests);
        Assert.Null(reply.Card!["actions"]);
    }

    [Theory]
    [InlineData("lee-cox", "Only the PMO")]                       // not PMO
    [InlineData("daniel-okoro", "started by someone else")]       // PMO, but not the sender
    public async Task HandMadeConfirm_BySomeoneElse_IsRefused_AndThePendingImportStays(string who, string message)
    {
        var (bot, downloads) = await StartAsync(azurite);
        await using var _ = bot;
        downloads.Files[DownloadBase + PapersFile] = RealPapers();
        await ForgetAsync(bot, "DAG33-01");
        var reply = await SendFileAsync(bot, bot.Person("priya-patel"), PapersFile);
        var id = PendingId(reply);

        foreach (var verb in new[] { FileImportCards.ConfirmVerb, FileImportCards.CancelVerb })
        {
            var (status, body) = await bot.InvokeAsync(verb, new JsonObject { ["pendingId"] = id, ["personId"] = who, ["isPmo"] = true }, bot.Person(who));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains(message, BotHarnessText.Of(body));
        }
        Assert.Null(await bot.Services.GetRequiredService<ActionStore>().GetAsync("DAG33-01", CancellationToken.None));

        var (ok, _) = await bot.InvokeAsync(FileImportCards.ConfirmVerb, new JsonObject { ["pendingId"] = id }, bot.Person("priya-patel"));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.NotNull(await bot.Services.GetRequiredService<ActionStore>().GetAsync("DAG33-01", CancellationToken.None));
    }

    [Fact]
    public async Task ExpiredOrUnknownPendingId_SaysSoClearly_AndWritesNothing()
    {
        var (bot, _) = await StartAsync(azurite);
        await using var __ = bot;
        var store = bot.Services.GetRequiredService<PendingImportStore>();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var id = PendingImportStore.NewId();
        await store.SaveAsync(new PendingImport(id, "priya-patel", PendingImportKind.Csv, GovBot.Features.Import.CsvKind.People, "people.csv", now.AddMinutes(-1),
            "id,name,email,organisation,entraObjectId,aliases,isPmo\r\nnew-person,New Person,new@example.org,,,,false\r\n"), CancellationToken.None);

        var (status, body) = await bot.InvokeAsync(FileImportCards.ConfirmVerb, new JsonObject { ["pendingId"] = id }, bot.Person("priya-patel"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("no longer available", BotHarnessText.Of(body!["value"]));
        Assert.Contains("30 minutes", BotHarnessText.Of(body["value"]));
        Assert.Null(await bot.Services.GetRequiredService<PersonStore>().GetAsync("new-person", CancellationToken.None));
        Assert.Null(await store.GetAsync(id, CancellationToken.None));

        var (unknown, unknownBody) = await bot.InvokeAsync(FileImportCards.CancelVerb, new JsonObject { ["pendingId"] = PendingImportStore.NewId() }, bot.Person("priya-patel"));
        Assert.Equal(HttpStatusCode.OK, unknown);
        Assert.Contains("no longer available", BotHarnessText.Of(unknownBody!["value"]));

        var (bad, _) = await bot.InvokeAsync(FileImportCards.ConfirmVerb, new JsonObject { ["pendingId"] = "../../etc" }, bot.Person("priya-patel"));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task Cancel_DeletesThePendingImport_AndSaysNothingWasImported()
    {
        var (bot, downloads) = await StartAsync(azurite);
        await using var _ = bot;
        downloads.Files[DownloadBase + PapersFile] = RealPapers();
        await ForgetAsync(bot, "DAG33-01");
        var reply = await SendFileAsync(bot, bot.Person("priya-patel"), PapersFile);

        var (status, body) = await bot.InvokeAsync(FileImportCards.CancelVerb, new JsonObject { ["pendingId"] = PendingId(reply, FileImportCards.CancelVerb) }, bot.Person("priya-patel"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Import cancelled", BotHarnessText.Of(body!["value"]));
        Assert.Null(await bot.Services.GetRequiredService<PendingImportStore>().GetAsync(PendingId(reply), CancellationToken.None));
        Assert.Null(await bot.Services.GetRequiredService<ActionStore>().GetAsync("DAG33-01", CancellationToken.None));
    }

    [Fact]
    public async Task Csv_ValidFile_PreviewThenImport_BadFile_ProblemsWithLineAndColumn()
    {
        var (bot, downloads) = await StartAsync(azurite);
        await using var _ = bot;
        const string header = "id,name,email,organisation,entraObjectId,aliases,isPmo\r\n";
        downloads.Files[DownloadBase + "good.csv"] = Encoding.UTF8.GetBytes("\uFEFF" + header + "ann-example,Ann Example,ann@example.org,\"Example, Ltd\",,Ann,false\r\n");
        downloads.Files[DownloadBase + "bad.csv"] = Encoding.UTF8.GetBytes(header + "ok-person,Ok,ok@example.org,,,,false\r\nBad Id,,x,,,,false\r\n");
        var people = bot.Services.GetRequiredService<PersonStore>();

        var bad = await SendFileAsync(bot, bot.Person("priya-patel"), "bad.csv");
        Assert.Contains("bad.csv has 3 problems", bad.CardText);
        Assert.Contains("line 3, column 'id'", bad.CardText);
        Assert.Contains("Nothing was changed", bad.CardText);
        Assert.Null(bad.Card!["actions"]);
        Assert.Null(await people.GetAsync("ok-person", CancellationToken.None));

        var good = await SendFileAsync(bot, bot.Person("priya-patel"), "good.csv");
        Assert.Contains("Import people from good.csv?", good.CardText);
        Assert.Null(await people.GetAsync("ann-example", CancellationToken.None));
        var (status, body) = await bot.InvokeAsync(FileImportCards.ConfirmVerb, new JsonObject { ["pendingId"] = PendingId(good) }, bot.Person("priya-patel"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 created", BotHarnessText.Of(body!["value"]));
        Assert.Equal("Example, Ltd", (await people.GetAsync("ann-example", CancellationToken.None))!.Value.Organisation);
    }

    [Fact]
    public async Task Refusals_OversizeBinaryExeHttpAndNotPapers_AreKind_AndChangeNothing()
    {
        var (bot, downloads) = await StartAsync(azurite);
        await using var _ = bot;
        var priya = bot.Person("priya-patel");
        downloads.Files[DownloadBase + "binary.txt"] = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00];
        downloads.Files[DownloadBase + "notes.txt"] = Encoding.UTF8.GetBytes("Shopping list\nmilk\neggs\n");
        downloads.Files[DownloadBase + "unknown.csv"] = Encoding.UTF8.GetBytes("a,b\n1,2\n");
        downloads.Endless.Add(DownloadBase + "huge.txt");

        var declared = await SendFileAsync(bot, priya, "huge-declared.txt", size: 21L * 1024 * 1024);
        Assert.Contains("larger than 20 MB", declared.CardText);
        Assert.Empty(downloads.Requests);

        var exe = await SendFileAsync(bot, priya, "setup.exe");
        Assert.Contains("Other kinds of file are not opened", exe.CardText);
        var http = await SendFileAsync(bot, priya, "plain.txt", url: "http://files.test/plain.txt");
        Assert.Contains("not a secure (https) address", http.CardText);
        Assert.Empty(downloads.Requests);

        // Only SharePoint hosts (FileImport:AllowedHosts): anything else is not fetched at all.
        downloads.Files["https://files.example.com/papers.txt"] = RealPapers();
        var elsewhere = await SendFileAsync(bot, priya, "papers.txt", url: "https://files.example.com/papers.txt");
        Assert.Contains("not a Microsoft 365 (SharePoint) address", elsewhere.CardText);
        Assert.Empty(downloads.Requests);

        var streamed = await SendFileAsync(bot, priya, "huge.txt");
        Assert.Contains("larger than 20 MB", streamed.CardText);
        Assert.True(downloads.BytesServed < 21L * 1024 * 1024, $"read {downloads.BytesServed} bytes");

        Assert.Contains("binary", (await SendFileAsync(bot, priya, "binary.txt")).CardText);
        Assert.Contains("doesn't look like a meeting's papers", (await SendFileAsync(bot, priya, "notes.txt")).CardText);
        Assert.Contains("header of one of these kinds", (await SendFileAsync(bot, priya, "unknown.csv")).CardText);

        foreach (var reply in bot.Connector.Sent.Where(s => s.Card is not null))
        {
            Assert.Null(reply.Card!["actions"]);
        }
    }

    [Fact]
    public async Task BrokenPdf_IsRefusedInProcess_WithItsNameOnly()
    {
        var (bot, downloads) = await StartAsync(azurite);
        await using var _ = bot;
        downloads.Files[DownloadBase + "broken.pdf"] = Encoding.ASCII.GetBytes("%PDF-1.4\nthis is not really a pdf\n");

        var reply = await SendFileAsync(bot, bot.Person("priya-patel"), "broken.pdf");

        Assert.Contains("I couldn't import broken.pdf", reply.CardText);
        Assert.Contains("'broken.pdf' is truncated or not a PDF", reply.CardText);
        Assert.DoesNotContain(Path.GetTempPath(), reply.CardText, StringComparison.Ordinal);
    }
}

/// <summary>The file host behind Teams download URLs: serves registered files, records what was asked and with which Authorization.</summary>
public sealed class FakeDownloads : HttpMessageHandler
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>URLs answered with an endless stream of text and no Content-Length.</summary>
    public ConcurrentBag<string> Endless { get; } = [];

    public ConcurrentQueue<(string Url, string? Authorization)> Requests { get; } = new();

    public long BytesServed => _served;
    private long _served;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        Requests.Enqueue((url, request.Headers.Authorization?.ToString()));
        if (Endless.Contains(url))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessText(n => Interlocked.Add(ref _served, n))) });
        }
        return Task.FromResult(Files.TryGetValue(url, out var bytes)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private sealed class EndlessText(Action<int> served) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            served(count);
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
