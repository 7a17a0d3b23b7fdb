using GovBot.SampleData;
using GovBot.Storage;
using GovBot.Features.Import;

namespace GovBot.CommandLine;

/// <summary>
/// The app's command-line verbs (<c>govbot seed sample</c>, <c>govbot import papers FILE</c>).
/// Anything that is not a verb starts the web host.
/// </summary>
public static class GovBotCommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed" or "import" or "export" or "playground-config" or "search";

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) => args[0] switch
    {
        "playground-config" => Task.FromResult(PlaygroundConfigCommand.Run(args, Console.Out, Console.Error)),
        "seed" when args.Length >= 2 && args[1] == "sample" => SeedSampleAsync(args[2..], cancellationToken),
        "seed" => Task.FromResult(Usage("usage: govbot seed sample")),
        "import" when args.Length >= 2 && args[1] == "csv" => ImportCsvAsync(args[2..], cancellationToken),
        "import" => ImportAsync(args[1..], cancellationToken),
        "export" when args.Length >= 2 && args[1] == "csv" => ExportCsvAsync(args[2..], cancellationToken),
        "export" => Task.FromResult(Usage(CsvCommand.ExportUsage)),
        "search" => SearchCommand.RunAsync(args[1..], Console.Out, Console.Error, cancellationToken),
        _ => Task.FromResult(Usage($"'{args[0]}' is not available yet.")),
    };

    /// <summary>Writes the sample data set into the configured storage (idempotent upserts).</summary>
    private static async Task<int> SeedSampleAsync(string[] rest, CancellationToken cancellationToken)
    {
        await using var services = await StorageCommandHost.StartAsync(rest, Console.Error, register: null, cancellationToken);
        if (services is null) return 1;
        var data = MhhsSampleData.Build();
        await services.GetRequiredService<GovernanceDataWriter>().WriteAsync(data, cancellationToken);
        // Running instances reload their search index within a poll.
        var search = services.GetRequiredService<Features.Search.SearchChanges>();
        await search.SourcesChangedAsync(search.SourceNames, cancellationToken);
        Console.WriteLine(
            $"Sample data written: {data.Groups.Count} groups, {data.People.Count} people, {data.Meetings.Count} meetings, " +
            $"{data.Actions.Count} actions, {data.Decisions.Count} decisions, {data.ChangeRequests.Count} change requests, " +
            $"{data.Checklist.Count} checklist items, {data.Milestones.Count} milestones.");
        var papers = services.GetRequiredService<Features.Papers.PaperCommands>();
        foreach (var line in await SamplePapers.KeepAsync(papers, SamplePapers.FindFolder(), cancellationToken)) Console.WriteLine(line);
        return 0;
    }

    private static async Task<int> ImportAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var writer = new LazyStorageImportWriter(Console.Error);
        return await PapersImportCommand.RunAsync(args, Console.Out, Console.Error, writer, cancellationToken);
    }

    private static async Task<int> ImportCsvAsync(string[] args, CancellationToken cancellationToken)
    {
        ServiceProvider? services = null;
        try
        {
            return await CsvCommand.ImportAsync(args, Console.Out, Console.Error, async ct =>
            {
                services = await StorageCommandHost.StartAsync([], Console.Error, s => s.AddTransient<CsvImporter>(), ct);
                return services?.GetRequiredService<CsvImporter>();
            }, cancellationToken);
        }
        finally
        {
            if (services is not null) await services.DisposeAsync();
        }
    }

    private static async Task<int> ExportCsvAsync(string[] args, CancellationToken cancellationToken)
    {
        ServiceProvider? services = null;
        try
        {
            return await CsvCommand.ExportAsync(args, Console.Out, Console.Error, async ct =>
            {
                services = await StorageCommandHost.StartAsync([], Console.Error, s => s.AddTransient<CsvExporter>(), ct);
                return services?.GetRequiredService<CsvExporter>();
            }, cancellationToken);
        }
        finally
        {
            if (services is not null) await services.DisposeAsync();
        }
    }

    internal static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("usage: govbot seed sample | govbot import papers FILE [--dry-run] [--json] | govbot import csv KIND FILE [--dry-run] | govbot export csv KIND [FILE] | govbot playground-config [--as PERSON-ID] | govbot search \"TEXT\" [--as-of DATE] [--json]");
        return 2;
    }
}
