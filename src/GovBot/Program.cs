using GovBot;
using GovBot.CommandLine;
using GovBot.Observability;

if (GovBotCommandLine.IsCommand(args))
{
    return await GovBotCommandLine.RunAsync(args, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGovBotTelemetry();
builder.Services.AddGovBot(builder.Configuration);

var app = builder.Build();
app.MapGovBot();
await app.RunAsync();
return 0;

public partial class Program;
