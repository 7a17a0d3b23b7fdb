using GovBot.People;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Import;
using GovBot.Features.Meetings;
using GovBot.Tests.Storage;

namespace GovBot.Tests.Features.Import;

/// <summary><c>govbot import csv</c> and <c>govbot export csv</c> in-process, on Azurite.</summary>
public sealed class CsvCommandTests(AzuriteFixture azurite) : StorageTestBase(azurite), IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("govbot-csv-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private Task<CsvImporter?> Importer(CancellationToken _) => Task.FromResult<CsvImporter?>(new(
        new ActionStore(Tables), new MeetingStore(Tables), new ChangeRequestStore(Tables), new ChecklistStore(Tables), new PersonStore(Tables), TimeProvider.System));

    private Task<CsvExporter?> Exporter(CancellationToken _) => Task.FromResult<CsvExporter?>(new(
        new ActionStore(Tables), new MeetingStore(Tables), new ChangeRequestStore(Tables), new ChecklistStore(Tables), new PersonStore(Tables)));

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private const string People = "\uFEFFid,name,email,organisation,entraObjectId,aliases,isPmo\r\n" +
                                  "ann-example,Ann Example,ann@example.org,\"Example, Ltd\",,Ann;A. Example,false\r\n";

    [Fact]
    public async Task ImportCsv_DryRun_WritesNothing_ThenImport_ThenExportToStdout()
    {
        var path = File("people.csv", People);

        Assert.Equal(0, await CsvCommand.ImportAsync(["people", path, "--dry-run"], _out, _err, Importer, Ct));
        Assert.Contains("1 to create", _out.ToString());
        Assert.Contains("Dry run: nothing was written.", _out.ToString());
        Assert.Empty(await new PersonStore(Tables).ListAsync(Ct));

        Assert.Equal(0, await CsvCommand.ImportAsync(["people", path], _out, _err, Importer, Ct));
        Assert.Contains("1 created", _out.ToString());
        var ann = (await new PersonStore(Tables).GetAsync("ann-example", Ct))!.Value;
        Assert.Equal(["Ann", "A. Example"], ann.Aliases);
        Assert.Equal("Example, Ltd", ann.Organisation);

        var stdout = new StringWriter();
        Assert.Equal(0, await CsvCommand.ExportAsync(["people"], stdout, _err, Exporter, Ct));
        Assert.Equal(People.TrimStart('\uFEFF'), stdout.ToString());
    }

    [Fact]
    public async Task ExportCsv_ToFile_ThenImportIt_ChangesNothing()
    {
        System.IO.File.WriteAllText(Path.Combine(_folder, "in.csv"), People);
        Assert.Equal(0, await CsvCommand.ImportAsync(["people", Path.Combine(_folder, "in.csv")], _out, _err, Importer, Ct));
        var path = Path.Combine(_folder, "out.csv");

        Assert.Equal(0, await CsvCommand.ExportAsync(["people", path], _out, _err, Exporter, Ct));
        Assert.Equal(0, await CsvCommand.ImportAsync(["people", path], _out, _err, Importer, Ct));

        Assert.Contains("0 created, 0 updated, 1 unchanged", _out.ToString());
    }

    [Fact]
    public async Task ImportCsv_BadRows_ExitOne_EveryProblemOnStderr_NothingWritten()
    {
        var path = File("people.csv", People + "Bad,,x,,,,false\r\n");

        Assert.Equal(CsvCommand.InvalidInput, await CsvCommand.ImportAsync(["people", path], _out, _err, Importer, Ct));

        Assert.Contains("line 3, column 'id'", _err.ToString());
        Assert.Contains("line 3, column 'name': is required", _err.ToString());
        Assert.Contains("nothing was written", _err.ToString());
        Assert.Empty(await new PersonStore(Tables).ListAsync(Ct));
    }

    [Theory]
    [InlineData(new string[0], "give KIND")]
    [InlineData(new[] { "minutes", "x.csv" }, "'minutes' is not a kind")]
    [InlineData(new[] { "people" }, "no FILE")]
    [InlineData(new[] { "people", "a.csv", "--force" }, "unknown option")]
    public async Task ImportCsv_UsageErrors_ExitTwo(string[] args, string message)
    {
        Assert.Equal(CsvCommand.UsageError, await CsvCommand.ImportAsync(args, _out, _err, Importer, Ct));
        Assert.Contains(message, _err.ToString());
        Assert.Contains("usage: govbot import csv KIND FILE [--dry-run]", _err.ToString());
    }

    [Fact]
    public async Task ImportCsv_BinaryOrMissingFile_ExitOne()
    {
        var binary = Path.Combine(_folder, "x.csv");
        await System.IO.File.WriteAllBytesAsync(binary, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        Assert.Equal(1, await CsvCommand.ImportAsync(["people", binary], _out, _err, Importer, Ct));
        Assert.Contains("binary", _err.ToString());
        Assert.Equal(1, await CsvCommand.ImportAsync(["people", Path.Combine(_folder, "nope.csv")], _out, _err, Importer, Ct));
        Assert.Contains("file not found", _err.ToString());
    }

    [Fact]
    public async Task ExportCsv_UnknownKind_ExitTwo() =>
        Assert.Equal(CsvCommand.UsageError, await CsvCommand.ExportAsync(["minutes"], _out, _err, Exporter, Ct));
}
