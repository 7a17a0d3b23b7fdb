using GovBot.Clock;
using GovBot.CommandLine;
using GovBot.Hosting;
using GovBot.Observability;
using GovBot.Storage;

if (GovBotCommandLine.IsCommand(args))
{
    return await GovBotCommandLine.RunAsync(args, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGovBotTelemetry();
builder.Services.AddGovBotClock(builder.Configuration);
builder.Services.AddGovBotStorage(builder.Configuration);
builder.Services.AddGovBotHealth();

var app = builder.Build();
app.MapGovBotHealth();
await app.RunAsync();
return 0;

public partial class Program;
