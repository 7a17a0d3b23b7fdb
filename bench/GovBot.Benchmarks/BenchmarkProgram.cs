namespace GovBot.Benchmarks;

/// <summary>
/// Entry point of <c>./govbot bench</c>: with no suite (or only options such as <c>--full</c>), the endpoint suite
/// (<see cref="BenchMain"/>); <c>reminders</c>, <c>notices [--quick]</c> or <c>search</c> run that feature's suite.
/// </summary>
internal static class BenchmarkProgram
{
    private static async Task<int> Main(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "";
        switch (which)
        {
            case "reminders":
                await ReminderBenchmark.RunAsync(Console.Out);
                return 0;
            case "notices":
                await NoticeBenchmark.RunAsync(Console.Out, args.Contains("--quick"));
                return 0;
            case "chat":
                await ChatBenchmark.RunAsync(Console.Out);
                return 0;
            case "search":
                await SearchBenchmark.RunAsync(Console.Out);
                return 0;
            case "" or "--full" or "--seed-only":
                return await BenchMain.RunAsync(args);
            default:
                await Console.Error.WriteLineAsync("Usage: GovBot.Benchmarks [--full] | reminders | notices [--quick] | search");
                return 2;
        }
    }
}
