using GovBot.Bot;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.CommandLine;
using GovBot.Features.Notices;
using GovBot.Features.Reminders;
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
builder.Services.AddGovBotBot(builder.Configuration);
builder.Services.AddGovBotReminders(builder.Configuration);
builder.Services.AddGovBotNotices(builder.Configuration);

var app = builder.Build();
app.MapGovBotHealth();
app.MapBotEndpoint("/api/messages");
app.MapGovBotNotices();
await app.RunAsync();
return 0;

public partial class Program;
