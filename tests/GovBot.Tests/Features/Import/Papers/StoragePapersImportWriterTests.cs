using System.Text;
using Azure.Data.Tables;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.Checklist;
using GovBot.Features.Decisions;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Import;
using GovBot.Features.Meetings;
using GovBot.Storage;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Import;

/// <summary>The import's write path on Azurite: idempotent, ordered by the papers' dates, nothing deleted.</summary>
public class StoragePapersImportWriterTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    // The next meeting's papers, in the same style as ccag-15-2023-06-28-papers.txt (ours, written for this test).
    private const string Ccag16Papers = """
         # Item Objective Type Lead Time Page

        1. Welcome Chair 10:00-10:05
        5 mins
        2. Minutes and Actions Approve minutes and review actions Decision Chair & Secretariat 10:05-10:15
        10 mins

         Minutes and Actions

        Ref Date Action Owner Due Date Status Latest update

        CCAG14-02 24/05/2023 CCAG members to review the REC
        change proposals R0062 and R0064

        CCAG members 28/06/2023 ONGOING

        Two responses received; the rest are due by the end of July.

        CCAG14-03 24/05/2023 Chair to write to Ofgem on the
        licence review timeline Chair 12/07/2023 Closed Letter sent on 10/07/2023.

        Next steps
        • Date of next CCAG: 23 August 2023
        """;

    private StoragePapersImportWriter Writer() => new(
        new ActionStore(Tables), new MeetingStore(Tables), new DecisionStore(Tables), new ChecklistStore(Tables), new PersonStore(Tables),
        new EventStore(Tables), new GroupUpdateStore(Tables),
        new GovBot.Features.Papers.PaperCommands(CreatePaperStore(), Microsoft.Extensions.Logging.Abstractions.NullLogger<GovBot.Features.Papers.PaperCommands>.Instance));

    private static PapersImport Older() =>
        PapersParser.Parse(File.ReadAllText(PapersFixtures.SyntheticPath("ccag-15-2023-06-28-papers.txt")), "ccag-15-2023-06-28-papers.txt");

    private static PapersImport Newer() => PapersParser.Parse(Ccag16Papers, "ccag-16-2023-07-26-papers.txt");

    /// <summary>Every row of every table, without the service's timestamps and ETags.</summary>
    private async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var table in GovBotFeatures.Tables.Names)
        {
            await foreach (var entity in Tables.Get(table).QueryAsync<TableEntity>())
            {
                text.Append(table).Append('|').Append(entity.PartitionKey).Append('|').Append(entity.RowKey);
                foreach (var (key, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key is "Timestamp" or "odata.etag" or "PartitionKey" or "RowKey") continue;
                    text.Append('|').Append(key).Append('=').Append(value);
                }
                text.AppendLine();
            }
        }
        return text.ToString();
    }

    [Fact]
    public async Task ImportingTheSamePapersTwice_ChangesNothing()
    {
        var writer = Writer();
        var first = await writer.WriteAsync(Older(), CancellationToken.None);
        var afterFirst = await SnapshotAsync();

        var second = await writer.WriteAsync(Older(), CancellationToken.None);

        Assert.Contains("4 created", first);
        Assert.Contains("0 created, 0 updated, 4 unchanged", second);
        Assert.Equal(afterFirst, await SnapshotAsync());
    }

    [Fact]
    public async Task OlderThenNewerPapers_UpdateStatusAndAppendHistoryInOrder_AndDeleteNothing()
    {
        var writer = Writer();
        await writer.WriteAsync(Older(), CancellationToken.None);
        var summary = await writer.WriteAsync(Newer(), CancellationToken.None);
        var store = new ActionStore(Tables);

        Assert.Contains("2 updated", summary);
        var reviewed = (await store.GetAsync("CCAG14-02", CancellationToken.None))!.Value;
        Assert.Equal(ActionStatus.Ongoing, reviewed.Status);
        Assert.StartsWith("Two responses received", reviewed.LatestUpdate);
        Assert.Equal(2, reviewed.History.Count);
        Assert.True(reviewed.History[0].At < reviewed.History[1].At);
        Assert.Contains("CCAG 16", reviewed.History[1].Text);
        Assert.Equal(ActionStatus.Closed, (await store.GetAsync("CCAG14-03", CancellationToken.None))!.Value.Status);
        // Rows the newer papers no longer list stay as they were.
        Assert.Equal(ActionStatus.RecommendClosed, (await store.GetAsync("CCAG14-01", CancellationToken.None))!.Value.Status);
    }

    [Fact]
    public async Task OlderPapersAfterNewer_AreStale_AndOverwriteNothing()
    {
        var writer = Writer();
        await writer.WriteAsync(Older(), CancellationToken.None);
        await writer.WriteAsync(Newer(), CancellationToken.None);
        var before = await SnapshotAsync();

        var summary = await writer.WriteAsync(Older(), CancellationToken.None);

        Assert.Contains("2 stale", summary);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task OwnerNamesAsWritten_ResolveToDirectoryPeopleByAlias()
    {
        var people = new PersonStore(Tables);
        await people.UpsertAsync(new Person("fraser-mathieson", null, "Fraser Mathieson", "fraser@mhhs.example", "MHHS Programme", []), CancellationToken.None);
        await people.UpsertAsync(new Person("paul-pettitt", null, "Paul Pettitt", "paul@mhhs.example", "MHHS Programme", ["Paul Pettit"]), CancellationToken.None);
        var directory = await people.ListAsync(CancellationToken.None);

        var resolved = StoragePapersImportWriter.ToDirectoryIds(
            [new OwnerParty(OwnerPartyKind.Person, "paul-pettit"), new OwnerParty(OwnerPartyKind.Person, "fraser-mathieson"), new OwnerParty(OwnerPartyKind.Person, "nobody-known")],
            directory);

        Assert.Equal(["paul-pettitt", "fraser-mathieson", "nobody-known"], resolved.Select(o => o.Value));
    }
}
