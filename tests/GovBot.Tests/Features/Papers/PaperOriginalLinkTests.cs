using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GovBot.Features.Import;
using GovBot.Features.Papers;
using GovBot.Features.Search;
using GovBot.Hosting;
using GovBot.Tests.Bot;
using GovBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Features.Papers;

/// <summary>
/// Imported papers' passages are searchable at once, and a passage found in chat opens the original paper from
/// Blob storage by a signed, expiring link: a good link returns the file, a tampered or expired one gets 403.
/// </summary>
[Collection(StorageCollection.Name)]
public class PaperOriginalLinkTests(AzuriteFixture azurite)
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static IEnumerable<string> OpenUrls(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if (o["type"]?.GetValue<string>() == "Action.OpenUrl" && o["url"] is JsonValue url) yield return url.GetValue<string>();
            foreach (var (_, v) in o) foreach (var u in OpenUrls(v)) yield return u;
        }
        else if (node is JsonArray a) foreach (var v in a) foreach (var u in OpenUrls(v)) yield return u;
    }

    [Fact]
    public async Task Link_ComesFromTheIndexedPassage_NoneWhenTheOriginalIsNotKept()
    {
        var links = new PaperLinks(Microsoft.Extensions.Options.Options.Create(new PaperLinkOptions { LinkSigningKey = Key, PublicBaseUrl = new Uri("https://govbot.test/") }), TimeProvider.System);
        var paper = new Paper("DAG-34-papers", "DAG", "34", new DateOnly(2024, 3, 13), null, null, "DAG 34 papers", "dag-34.txt", new string('a', 64), "", "text/plain", 10, 1);
        var passage = new PaperPassage(paper.Key, 0, ["Agenda"], null, "The meeting is at Elexon's offices.");

        Assert.Null(await links.LinkAsync(PaperSearchSource.Document(paper, passage), CancellationToken.None));
        var link = await links.LinkAsync(PaperSearchSource.Document(paper with { BlobName = paper.ContentHash + ".txt" }, passage), CancellationToken.None);
        Assert.Equal("https://govbot.test/papers/DAG/DAG-34-papers/original", link!.GetLeftPart(UriPartial.Path));
        Assert.True(links.Verify("DAG", "DAG-34-papers", QueryValue(link, "exp"), QueryValue(link, "sig")));
    }

    private static string? QueryValue(Uri link, string name) =>
        link.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();

    [Fact]
    public async Task PassageResult_OpensTheOriginal_TamperedOrExpiredLinkIs403()
    {
        await using var bot = await BotHarness.StartAsync(azurite, settings: new Dictionary<string, string?>
        {
            ["Papers:LinkSigningKey"] = Key,
            ["Papers:PublicBaseUrl"] = "https://govbot.test/",
        });
        var file = Path.Combine(RepoPaths.PapersFolder, "dag-34-2024-03-13-papers.txt");
        var bytes = await File.ReadAllBytesAsync(file);
        var changes = bot.Services.GetRequiredService<SearchChanges>();
        await changes.EnsureBuiltAsync(CancellationToken.None); // a running instance: the import updates its index
        var import = PapersParser.Parse(Encoding.UTF8.GetString(bytes), "dag-34-2024-03-13-papers.txt");
        var summary = await bot.Services.GetRequiredService<StoragePapersImportWriter>().WriteAsync(import,
            new PaperFile("dag-34-2024-03-13-papers.txt", bytes, Encoding.UTF8.GetString(bytes), null), CancellationToken.None);
        Assert.Contains("Paper kept", summary, StringComparison.Ordinal);

        var lee = bot.Person("lee-cox");
        await bot.AskAsync("help", lee); // the caller and conversation caches are warm, as in a running chat
        bot.StorageRequests.Clear();
        var card = await bot.AskAsync("search Elexon's offices Euston Rd livestream", lee);
        // The link comes from the indexed passage: the answer reads no paper (it read one per result before).
        Assert.Empty(bot.StorageRequests.To(bot.Prefix + "Papers"));
        var text = BotHarnessText.Of(card);
        Assert.Contains("DAG 34 papers", text);
        var link = Assert.Single(OpenUrls(card).Distinct());
        Assert.StartsWith("https://govbot.test/papers/DAG/", link, StringComparison.Ordinal);
        var path = link["https://govbot.test".Length..];

        using (var good = await bot.Client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            Assert.Equal(bytes, await good.Content.ReadAsByteArrayAsync());
        }
        // Another paper key under the same signature, a later expiry, a changed signature: all refused.
        var tampered = new[]
        {
            path.Replace("/original?", "x/original?", StringComparison.Ordinal),
            System.Text.RegularExpressions.Regex.Replace(path, @"exp=(\d+)", m => "exp=" + (long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 3600)),
            path[..^2] + (path[^2..] == "AA" ? "BB" : "AA"),
            path.Split('?')[0],
        };
        foreach (var bad in tampered)
        {
            using var refused = await bot.Client.GetAsync(bad);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{bad} answered {(int)refused.StatusCode}");
        }

        // Signed with the right key, but it expired an hour before the app's clock (6 March 2024, 09:00).
        var signedEarlier = new LinkSigner(Key, new FakeTimeProvider(new DateTimeOffset(2024, 3, 6, 7, 0, 0, TimeSpan.Zero)));
        var original = path.Split('?')[0];
        var expired = signedEarlier.Sign(null, original, TimeSpan.FromHours(1))["https://localhost:5001".Length..];
        using (var late = await bot.Client.GetAsync(expired))
        {
            Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        }
        var fresh = signedEarlier.Sign(null, original, TimeSpan.FromDays(1))["https://localhost:5001".Length..];
        using (var ok = await bot.Client.GetAsync(fresh))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode); // the same key and path, not yet expired: the check is the clock
        }
    }
}
