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
        _ => Task.FromResult(Usage($"'{args[0]}' is not available yet.")),
    };

    internal static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("usage: govbot seed sample | govbot import papers FILE [--dry-run] [--json] | govbot playground-config [--as PERSON-ID]");
        return 2;
    }
}
