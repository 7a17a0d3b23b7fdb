using System.Text;
using Azure.Data.Tables;
using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Import;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.SampleData;
using GovBot.Storage;
using GovBot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Features.Import;

/// <summary>CSV import and export on Azurite: every row checked before anything is written, round trips change nothing.</summary>
public class CsvImporterTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero));

    private CsvImporter Importer(GovBotTables? tables = null)
    {
        tables ??= Tables;
        return new(new ActionStore(tables), new MeetingStore(tables), new ChangeRequestStore(tables), new ChecklistStore(tables), new PersonStore(tables), _clock);
    }

    private static CsvExporter Exporter(GovBotTables tables) =>
        new(new ActionStore(tables), new MeetingStore(tables), new ChangeRequestStore(tables), new ChecklistStore(tables), new PersonStore(tables));

    private async Task SeedAsync(GovBotTables? tables = null)
    {
        tables ??= Tables;
        await new GovernanceDataWriter(tables, new GroupStore(tables)).WriteAsync(MhhsSampleData.Build(), Ct);
    }

    private static async Task<string> ExportAsync(GovBotTables tables, CsvKind kind)
    {
        using var writer = new StringWriter();
        await Exporter(tables).ExportAsync(kind, writer, Ct);
        return writer.ToString();
    }

    private async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var table in GovBotFeatures.Tables.Names)
        {
            await foreach (var entity in Tables.Get(table).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                text.Append(table).Append('|').Append(entity.PartitionKey).Append('|').Append(entity.RowKey);
                foreach (var (key, value) in entity.Where(kv => kv.Key is not ("Timestamp" or "odata.etag")).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    text.Append('|').Append(key).Append('=').Append(value);
                }
                text.AppendLine();
            }
        }
        return text.ToString();
    }

    public static TheoryData<CsvKind> Kinds() => [.. Enum.GetValues<CsvKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RoundTrip_ExportThenImport_LeavesStorageIdentical(CsvKind kind)
    {
        await SeedAsync();
        var before = await SnapshotAsync();
        var csv = await ExportAsync(Tables, kind);

        var result = await Importer().ImportAsync(kind, csv, dryRun: false, Ct);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Rows > 0);
        Assert.Equal(0, result.Created);
        Assert.Equal(0, result.Updated);
        Assert.Equal(result.Rows, result.Unchanged);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RoundTrip_IntoEmptyStorage_ExportsTheSameCsv(CsvKind kind)
    {
        await SeedAsync();
        var csv = await ExportAsync(Tables, kind);
        var other = CreateTables("t" + Guid.NewGuid().ToString("N")[..8]);
        await other.EnsureCreatedAsync(Ct);
        try
        {
            var result = await Importer(other).ImportAsync(kind, csv, dryRun: false, Ct);
            Assert.True(result.IsValid, string.Join("\n", result.Errors));
            Assert.Equal(result.Rows, result.Created);
            Assert.Equal(csv, await ExportAsync(other, kind));
            var again = await Importer(other).ImportAsync(kind, csv, dryRun: false, Ct);
            Assert.Equal(again.Rows, again.Unchanged);
        }
        finally
        {
            await other.DeleteAllAsync(Ct);
        }
    }

    [Fact]
    public async Task AnyBadRow_NothingIsWritten_AndEveryProblemHasLineAndColumn()
    {
        await SeedAsync();
        var before = await SnapshotAsync();
        var csv = """
            ref,group,meeting,raised,text,owner,due,status,latestUpdate
            DAG90-01,DAG,90,2024-03-13,A good new action,Programme (PMO),2024-04-10,Open,
            DAG90-02,DAG,90,13/03/2024,Bad date,Chair,2024-04-10,Open,
            DAG90-03,DAG,90,2024-03-13,"Bad status, and a comma",Chair,2024-04-10,Pending,
            DAG90-04,DAG,90,2024-03-13,,Chair,,Open,
            DAG90-01,DAG,90,2024-03-13,Duplicate,Chair,,Open,
            """;

        var result = await Importer().ImportAsync(CsvKind.Actions, csv, dryRun: false, Ct);

        Assert.False(result.IsValid);
        Assert.False(result.Written);
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "raised" } && e.Reason.Contains("yyyy-MM-dd"));
        Assert.Contains(result.Errors, e => e is { Line: 4, Column: "status" } && e.Reason.Contains("Open/Ongoing/RecommendClosed/Closed"));
        Assert.Contains(result.Errors, e => e is { Line: 5, Column: "text" } && e.Reason == "is required");
        Assert.Contains(result.Errors, e => e is { Line: 6, Column: null } && e.Reason.Contains("line 2"));
        Assert.Null(await new ActionStore(Tables).GetAsync("DAG90-01", Ct));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task UnknownAndMissingHeaders_AreReported_OnLineOne()
    {
        var result = await Importer().ImportAsync(CsvKind.People, "id,name,mail,organisation,entraObjectId,aliases,isPmo,shoeSize\r\nx,X,x@y.z,,,,false,\r\n", dryRun: false, Ct);

        Assert.Contains(result.Errors, e => e is { Line: 1, Column: "mail" } && e.Reason.StartsWith("unknown column", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e is { Line: 1, Column: "shoeSize" });
        Assert.Contains(result.Errors, e => e is { Line: 1, Column: "email" } && e.Reason.Contains("missing"));
        Assert.Empty(await new PersonStore(Tables).ListAsync(Ct));
    }

    [Fact]
    public async Task ChangedRows_AreUpdated_OthersUnchanged_ActionHistoryRecordsTheImport()
    {
        await SeedAsync();
        var store = new ActionStore(Tables);
        var csv = await ExportAsync(Tables, CsvKind.Actions);
        var before = (await store.GetAsync("DAG33-04", Ct))!.Value;
        var records = CsvReader.Read(csv).Records.Select(r => r.Fields.ToArray()).ToList();
        var row = records.Single(r => r[0] == "DAG33-04");
        row[^1] = "Closed at DAG 34";
        var edited = CsvWriter.Write(records);
        Assert.NotEqual(csv, edited);

        var dry = await Importer().ImportAsync(CsvKind.Actions, edited, dryRun: true, Ct);
        Assert.Equal(1, dry.Updated);
        Assert.Equal(before.LatestUpdate, (await store.GetAsync("DAG33-04", Ct))!.Value.LatestUpdate);

        var result = await Importer().ImportAsync(CsvKind.Actions, edited, dryRun: false, Ct);

        Assert.True(result.Written);
        Assert.Equal(1, result.Updated);
        Assert.Equal(result.Rows - 1, result.Unchanged);
        var after = (await store.GetAsync("DAG33-04", Ct))!.Value;
        Assert.Equal("Closed at DAG 34", after.LatestUpdate);
        Assert.Equal(before.History.Count + 1, after.History.Count);
        Assert.Equal("Imported from CSV", after.History[^1].Text);
        Assert.Equal(_clock.GetUtcNow(), after.History[^1].At);
        Assert.Equal(before.Owners, after.Owners);
    }

    [Fact]
    public async Task NewAction_OwnersResolvedThroughTheDirectory()
    {
        await SeedAsync();
        var csv = "ref,group,meeting,raised,text,owner,due,status,latestUpdate\n" +
                  "DAG90-01,DAG,90,2024-03-13,Write it up,Programme (Lee Cox),2024-04-10,open,\n";

        var result = await Importer().ImportAsync(CsvKind.Actions, csv, dryRun: false, Ct);

        Assert.Equal(1, result.Created);
        var action = (await new ActionStore(Tables).GetAsync("DAG90-01", Ct))!.Value;
        Assert.Contains(new OwnerParty(OwnerPartyKind.Person, "lee-cox"), action.Owners);
        Assert.Equal(ActionStatus.Open, action.Status);
        Assert.Single(action.History);
    }

    [Fact]
    public async Task ActionMovingToAnotherGroup_IsRefused_WithLineAndColumn()
    {
        await SeedAsync();
        var action = (await new ActionStore(Tables).GetAsync("DAG33-04", Ct))!.Value;
        var row = CsvExporter.Row(action with { GroupCode = "CCAG" });
        var csv = CsvWriter.Write([CsvColumns.Actions, row]);

        var result = await Importer().ImportAsync(CsvKind.Actions, csv, dryRun: false, Ct);

        Assert.Contains(result.Errors, e => e is { Line: 2, Column: "group" });
    }

    [Fact]
    public async Task ChecklistDeadlineChange_MovesTheItem_WithoutACopy()
    {
        await SeedAsync();
        var store = new ChecklistStore(Tables);
        var item = (await store.ListAsync(Ct)).First(i => i.Deadline is not null);
        var csv = CsvWriter.Write([CsvColumns.Checklist, CsvExporter.Row(item with { Deadline = item.Deadline!.Value.AddMonths(2) })]);

        var result = await Importer().ImportAsync(CsvKind.Checklist, csv, dryRun: false, Ct);

        Assert.Equal(1, result.Updated);
        var all = await store.ListAsync(Ct);
        Assert.Equal(item.Deadline!.Value.AddMonths(2), all.Single(i => i.Id == item.Id).Deadline);
        Assert.Null(await store.GetAsync(item.Id, item.Deadline, Ct));
    }

    [Fact]
    public async Task People_ValuesAreChecked()
    {
        var csv = "id,name,email,organisation,entraObjectId,aliases,isPmo\n" +
                  "Bad Id,Someone,not-an-email,,not-a-guid,,maybe\n";

        var result = await Importer().ImportAsync(CsvKind.People, csv, dryRun: false, Ct);

        Assert.Equal(["email", "entraObjectId", "id", "isPmo"], result.Errors.Select(e => e.Column!).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public async Task ShortRowAndBrokenQuoting_AreErrors()
    {
        var shortRow = await Importer().ImportAsync(CsvKind.Changes, "id,title,raiser,stage,outcome,targetRelease,iaOpens,iaCloses,summary\nCR050,Title\n", false, Ct);
        Assert.Contains(shortRow.Errors, e => e.Line == 2 && e.Reason.Contains("has 2 fields"));

        var broken = await Importer().ImportAsync(CsvKind.Changes, "id,title,raiser,stage,outcome,targetRelease,iaOpens,iaCloses,summary\nCR050,\"Title,,Raised,,,,,\n", false, Ct);
        Assert.Contains(broken.Errors, e => e.Line == 2 && e.Reason.Contains("not closed"));
        Assert.Empty(await new ChangeRequestStore(Tables).ListAsync(Ct));
    }

    [Fact]
    public async Task Meetings_CsvKeepsTheAgendaAndDocuments_WhenTheDateChanges()
    {
        await SeedAsync();
        var store = new MeetingStore(Tables);
        var meeting = (await store.ListAllAsync(Ct)).First(m => m.Agenda.Count > 0);
        var csv = CsvWriter.Write([CsvColumns.Meetings, CsvExporter.Row(meeting with { Date = meeting.Date.AddDays(7) })]);

        var result = await Importer().ImportAsync(CsvKind.Meetings, csv, dryRun: false, Ct);

        Assert.Equal(1, result.Updated);
        var after = (await store.GetAsync(meeting.GroupCode, meeting.Number, Ct))!.Value;
        Assert.Equal(meeting.Date.AddDays(7), after.Date);
        AssertSame(meeting.Agenda, after.Agenda);
    }
}
