using GovBot.CommandLine;
using GovBot.Observability;

if (GovBotCommandLine.IsCommand(args))
{
    return await GovBotCommandLine.RunAsync(args, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGovBotTelemetry();
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok("ok"));
await app.RunAsync();
return 0;

public partial class Program;
