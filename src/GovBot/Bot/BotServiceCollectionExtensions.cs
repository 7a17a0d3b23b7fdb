using Azure.Identity;
using GovBot.Connector;
using GovBot.Directory;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Csv;
using GovBot.Features.FileImport;
using GovBot.Features.Import;
using GovBot.Features.Groups;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace GovBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>The Teams bot: the connector with GovBot's routes, who-is-asking, and the answers of every capability.</summary>
    public static IServiceCollection AddGovBotBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName)
            .Validate(o => o.Source is "Local" or "Graph", "Directory:Source must be 'Local' or 'Graph'.")
            .Validate(o => o.CacheDuration >= TimeSpan.Zero && o.CacheDuration <= TimeSpan.FromHours(1), "Directory:CacheDuration must be between 0 and 1 hour.")
            .ValidateOnStart();
        services.AddOptions<PmoOptions>().BindConfiguration(PmoOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.GroupId) || Guid.TryParse(o.GroupId, out _), "Pmo:GroupId must be the object id (a GUID) of an Entra security group.")
            .ValidateOnStart();

        services.AddSingleton<IUserDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectoryOptions>>();
            IUserDirectory inner = options.Value.Source == "Graph"
                ? new GraphUserDirectory(
                    new GraphServiceClient(new DefaultAzureCredential(), ["https://graph.microsoft.com/.default"]),
                    sp.GetRequiredService<ILogger<GraphUserDirectory>>())
                : new LocalUserDirectory(sp.GetRequiredService<PersonStore>());
            return new CachedUserDirectory(inner, sp.GetRequiredService<IMemoryCache>(), options);
        });
        services.AddScoped<CallerResolver>();
        services.AddSingleton<ActionAnswers>();
        services.AddSingleton<ActionWriteLocks>();
        services.AddSingleton<ActionQueries>();
        services.AddSingleton<ActionCommands>();
        services.AddSingleton<MeetingQueries>();
        services.AddSingleton<MeetingAnswers>();
        services.AddSingleton<ChangeRequestQueries>();
        services.AddSingleton<ChangeRequestAnswers>();
        services.AddSingleton<ChecklistAnswers>();
        services.AddSingleton<MilestoneAnswers>();
        services.AddSingleton<GroupAnswers>();
        services.AddScoped<AskService>();

        // Files sent to the bot (papers, CSV): downloaded with a client of its own, never the connector's (no bot token).
        services.AddHttpClient(FileDownloadClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 3 });
        services.AddSingleton<FileDownloadClient>();
        services.AddSingleton<PendingImportStore>();
        services.AddSingleton<StoragePapersImportWriter>();
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<FileImportReader>();
        services.AddScoped<IFileMessageHandler, FileImportHandler>();

        services.AddBotConnector(configuration, routes =>
        {
            routes.OnActivity<MessageHandler>(ActivityTypes.Message)
                .OnActivity<ConversationEventsHandler>(ActivityTypes.ConversationUpdate)
                .OnActivity<ConversationEventsHandler>(ActivityTypes.InstallationUpdate);
            CardActions<ActionCardHandler>(services, routes, ActionCardHandler.Verbs);
            CardActions<NavigationCardActions>(services, routes, NavigationCardActions.Verbs);
            CardActions<Features.Reminders.ReminderCardActions>(services, routes, Features.Reminders.ReminderCardActions.Verbs);
            CardActions<FileImportCardActions>(services, routes, FileImportCardActions.Verbs);
            CardActions<Features.Notices.NoticeCardActions>(services, routes, Features.Notices.NoticeCardActions.Verbs);
        });
        return services;
    }

    /// <summary>Routes the verbs to the handler, behind the guard that turns a storage outage into a clear error.</summary>
    private static void CardActions<THandler>(IServiceCollection services, BotRouteBuilder routes, IEnumerable<string> verbs)
        where THandler : class, ICardActionHandler
    {
        services.TryAddScoped<THandler>();
        foreach (var verb in verbs) routes.OnCardAction<StorageOutageGuard<THandler>>(verb);
    }
}
