using GovBot.CommandLine;

namespace GovBot.Tests.CommandLine;

/// <summary>The csv verbs are routed by the app's command line (storage-backed runs are in CsvCommandTests).</summary>
public class GovBotCommandLineCsvTests
{
    [Theory]
    [InlineData(new[] { "export", "csv", "people" }, true)]
    [InlineData(new[] { "import", "csv", "people", "people.csv" }, true)]
    [InlineData(new[] { "import", "papers", "papers.txt" }, true)]
    [InlineData(new[] { "--urls", "http://localhost:3978" }, false)]
    public void CsvVerbs_AreCommands_NotTheWebHost(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, GovBotCommandLine.IsCommand(args));

    [Fact]
    public async Task ExportWithoutCsv_IsAUsageError()
    {
        var stderr = new StringWriter();
        var previous = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.Equal(2, await GovBotCommandLine.RunAsync(["export"], CancellationToken.None));
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("govbot export csv KIND [FILE]", stderr.ToString());
    }
}
