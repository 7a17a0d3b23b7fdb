namespace GovBot.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/GovBot.Benchmarks -- reminders</c> (or <c>notices [--quick]</c>).</summary>
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
            default:
                await Console.Error.WriteLineAsync("Usage: GovBot.Benchmarks reminders | notices [--quick]");
                return 2;
        }
    }
}
