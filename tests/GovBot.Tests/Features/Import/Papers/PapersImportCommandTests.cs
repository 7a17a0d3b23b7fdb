using System.Text.Json;
using GovBot.CommandLine;
using GovBot.Features.Import;

namespace GovBot.Tests.Features.Import;

public sealed class PapersImportCommandTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("govbot-import-cli-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await PapersImportCommand.RunAsync(args, stdout, stderr, writer: null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task DryRunJson_PrintsTheContractShape()
    {
        var (code, output, _) = await Run("papers", PapersFixtures.PathOf("dag-34-2024-03-13-papers.txt"), "--dry-run", "--json");
        Assert.Equal(0, code);

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["meeting", "agenda", "actions", "decisions", "checklist", "changeRequests", "nextMeeting", "warnings", "upcomingMeetings", "events", "groupUpdates"], root.EnumerateObject().Select(p => p.Name));
        var meeting = root.GetProperty("meeting");
        Assert.Equal(["group", "number", "date", "start", "end", "documentId"], meeting.EnumerateObject().Select(p => p.Name));
        Assert.Equal("DAG", meeting.GetProperty("group").GetString());
        Assert.Equal("34", meeting.GetProperty("number").GetString());
        Assert.Equal("2024-03-13", meeting.GetProperty("date").GetString());
        Assert.Equal("10:00", meeting.GetProperty("start").GetString());
        Assert.Equal(JsonValueKind.Null, meeting.GetProperty("documentId").ValueKind);

        var agenda = root.GetProperty("agenda")[0];
        Assert.Equal(["number", "title", "type", "lead", "start", "end"], agenda.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Information", agenda.GetProperty("type").GetString());

        var action = root.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("ref").GetString() == "DAG33-02");
        Assert.Equal(["ref", "raised", "text", "owner", "due", "status", "update"], action.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, action.GetProperty("raised").ValueKind);
        Assert.Equal("2024-02-28", action.GetProperty("due").GetString());
        Assert.Equal("RecommendClosed", action.GetProperty("status").GetString());
        Assert.Equal("Large Supplier Representative (Craig Handford)", action.GetProperty("owner").GetString());

        var decision = root.GetProperty("decisions")[0];
        Assert.Equal(["number", "text"], decision.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, decision.GetProperty("number").ValueKind);

        var item = root.GetProperty("checklist")[6];
        Assert.Equal(["number", "text", "deadline", "reminder", "information", "constituencies", "dated"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, item.GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("deadline").ValueKind);
        Assert.Equal(JsonValueKind.False, item.GetProperty("reminder").ValueKind);

        var cr = root.GetProperty("changeRequests")[0];
        Assert.Equal(["id", "mentions"], cr.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, cr.GetProperty("mentions").ValueKind);

        var next = root.GetProperty("nextMeeting");
        Assert.Equal(["group", "date", "start"], next.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-04-10", next.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Contains("–", output, StringComparison.Ordinal); // en dashes printed as they are
    }

    [Fact]
    public async Task DryRunJson_WarningsAreLineNumberedStrings()
    {
        var path = Path.Combine(_dir, "qag-02-2024-02-22-papers.txt");
        await File.WriteAllTextAsync(path, "Ref Action Owner Due Latest update\n\nQAG01-01 Publish the plan Programme (PMO) TBC PENDING: soon\n");
        var (code, output, _) = await Run("papers", path, "--json", "--dry-run");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains("line 3: could not read a due date for QAG01-01 ('TBC' is not a date) in 'QAG01-01 Publish the plan Programme (PMO) TBC PENDING: soon'", warnings);
        Assert.Contains(warnings, w => w!.StartsWith("line 3: unknown status 'PENDING' for QAG01-01", StringComparison.Ordinal));
        var action = json.RootElement.GetProperty("actions")[0];
        Assert.Equal(JsonValueKind.Null, action.GetProperty("due").ValueKind);
        Assert.Equal(JsonValueKind.Null, action.GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("nextMeeting").ValueKind);
    }

    [Fact]
    public async Task DryRun_WithoutJson_PrintsAReadableSummary()
    {
        var (code, output, _) = await Run("papers", PapersFixtures.PathOf("tmag-06-2022-06-15-papers.txt"), "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("TMAG 6: Wed 15 Jun 2022, 10:00-11:15", output, StringComparison.Ordinal);
        Assert.Contains("TMAG05-01", output, StringComparison.Ordinal);
        Assert.Contains("Next meeting: TMAG Wed 20 Jul 2022", output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was written.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutDryRun_AndNoStorageEngine_ExitsWith3()
    {
        var (code, _, error) = await Run("papers", PapersFixtures.PathOf("tmag-06-2022-06-15-papers.txt"));
        Assert.Equal(3, code);
        Assert.Contains("writing to storage requires the storage engine", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAWriter_TheWritePathReceivesTheParsedImport()
    {
        var writer = new RecordingWriter();
        using var stdout = new StringWriter();
        var code = await PapersImportCommand.RunAsync(["papers", PapersFixtures.PathOf("tmag-06-2022-06-15-papers.txt")], stdout, TextWriter.Null, writer, CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Equal(4, writer.Received?.Actions.Count);
        Assert.Contains("wrote 4 actions", stdout.ToString(), StringComparison.Ordinal);
    }

    private sealed class RecordingWriter : IPapersImportWriter
    {
        public PapersImport? Received { get; private set; }

        public Task<string> WriteAsync(PapersImport import, CancellationToken cancellationToken)
        {
            Received = import;
            return Task.FromResult($"wrote {import.Actions.Count} actions");
        }
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "minutes", "x.txt" }, 2)]
    [InlineData(new[] { "papers" }, 2)]
    [InlineData(new[] { "papers", "a.txt", "--force" }, 2)]
    [InlineData(new[] { "papers", "/definitely/not/here.txt", "--dry-run" }, 1)]
    public async Task BadArgumentsAndUnreadableInput_ExitNonZeroWithAMessage(string[] args, int expected)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(expected, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task EmptyFile_ExitsWith1()
    {
        var path = Path.Combine(_dir, "empty.txt");
        await File.WriteAllBytesAsync(path, []);
        var (code, output, error) = await Run("papers", path, "--dry-run", "--json");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("is empty", error, StringComparison.Ordinal);
    }
}

/// <summary>Runs through the app's own verb dispatch with the console captured; not parallel with other console users.</summary>
[Collection(nameof(ConsoleCollection))]
public class GovBotCommandLineImportTests
{
    [Fact]
    public async Task ImportVerb_DispatchesToPapersImport()
    {
        var originalOut = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            Assert.True(GovBotCommandLine.IsCommand(["import", "papers"]));
            var code = await GovBotCommandLine.RunAsync(["import", "papers", PapersFixtures.PathOf("dag-14-2022-08-10-papers.txt"), "--dry-run", "--json"], CancellationToken.None);
            Assert.Equal(0, code);
        }
        finally
        {
            Console.SetOut(originalOut);
        }
        using var json = JsonDocument.Parse(captured.ToString());
        Assert.Equal("MHHS-DEL540", json.RootElement.GetProperty("meeting").GetProperty("documentId").GetString());
        Assert.Equal(26, json.RootElement.GetProperty("actions").GetArrayLength());
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public class ConsoleCollection;

public class PapersImportCommandNotPapersTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TextThatIsNotPapers_ExitsNonZero_AndNothingIsWritten(bool dryRun)
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-papers-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Shopping list\nmilk\nbread\n");
        var writer = new RecordingWriter();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            string[] args = dryRun ? ["papers", file, "--dry-run"] : ["papers", file];
            var code = await GovBot.Features.Import.PapersImportCommand.RunAsync(args, stdout, stderr, writer, CancellationToken.None);

            Assert.Equal(GovBot.Features.Import.PapersImportCommand.UnreadableInput, code);
            Assert.Contains("is it a meeting's papers?", stderr.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, writer.Calls);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class RecordingWriter : GovBot.Features.Import.IPapersImportWriter
    {
        public int Calls { get; private set; }

        public Task<string> WriteAsync(GovBot.Features.Import.PapersImport import, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult("written");
        }
    }
}
