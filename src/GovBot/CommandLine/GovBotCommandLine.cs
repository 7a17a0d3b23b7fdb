using GovBot.SampleData;
using GovBot.Storage;

namespace GovBot.CommandLine;

/// <summary>
/// The app's command-line verbs (<c>govbot seed sample</c>, <c>govbot import papers FILE</c>).
/// Anything that is not a verb starts the web host.
/// </summary>
public static class GovBotCommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed" or "import" or "playground-config";

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) => args[0] switch
    {
        "playground-config" => Task.FromResult(PlaygroundConfigCommand.Run(args, Console.Out, Console.Error)),
        "seed" when args.Length >= 2 && args[1] == "sample" => SeedSampleAsync(args[2..], cancellationToken),
        "seed" => Task.FromResult(Usage("usage: govbot seed sample")),
        _ => Task.FromResult(Usage($"'{args[0]}' is not available yet.")),
    };

    /// <summary>Writes the sample data set into the configured storage (idempotent upserts).</summary>
    private static async Task<int> SeedSampleAsync(string[] rest, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = rest,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddGovBotStorage(builder.Configuration);
        using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value; // validates now, for a clear message
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        var tables = services.GetRequiredService<GovBotTables>();
        var writer = services.GetRequiredService<GovernanceDataWriter>();
        await tables.EnsureCreatedAsync(cancellationToken);
        var data = MhhsSampleData.Build();
        await writer.WriteAsync(data, cancellationToken);
        Console.WriteLine(
            $"Sample data written: {data.Groups.Count} groups, {data.People.Count} people, {data.Meetings.Count} meetings, " +
            $"{data.Actions.Count} actions, {data.Decisions.Count} decisions, {data.ChangeRequests.Count} change requests, " +
            $"{data.Checklist.Count} checklist items, {data.Milestones.Count} milestones.");
        return 0;
    }

    internal static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("usage: govbot seed sample | govbot import papers FILE [--dry-run] [--json] | govbot playground-config [--as PERSON-ID]");
        return 2;
    }
}
