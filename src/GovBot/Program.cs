using GovBot.CommandLine;

if (GovBotCommandLine.IsCommand(args))
{
    return await GovBotCommandLine.RunAsync(args, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok("ok"));
await app.RunAsync();
return 0;

public partial class Program;
