using GovBot.Features.Import;

namespace GovBot.CommandLine;

/// <summary>
/// The app's command-line verbs (<c>govbot seed sample</c>, <c>govbot import papers FILE</c>).
/// Anything that is not a verb starts the web host.
/// </summary>
public static class GovBotCommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed" or "import";

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) => args[0] switch
    {
        // The storage write path is wired here once the storage engine lands (an IPapersImportWriter over the action store).
        "import" => PapersImportCommand.RunAsync(args[1..], Console.Out, Console.Error, writer: null, cancellationToken),
        _ => Task.FromResult(Usage($"'{args[0]}' is not available yet.")),
    };

    internal static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("usage: govbot seed sample | govbot import papers FILE [--dry-run] [--json]");
        return 2;
    }
}
