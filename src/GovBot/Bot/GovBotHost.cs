using Azure.Identity;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.People;
using GovBot.Hosting;
using GovBot.Recognition;
using GovBot.SampleData;
using GovBot.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace GovBot.Bot;

/// <summary>What the feature modules declared, put together: the recogniser's grammar, the answers, card routes and tables.</summary>
public sealed record GovBotComposition(Grammar Grammar, AnswerRoutes Answers, IReadOnlyList<Action<BotRouteBuilder>> Routes, TableCatalogue Tables)
{
    /// <summary>Runs every feature's registration against <paramref name="services"/>.</summary>
    public static GovBotComposition Compose(IServiceCollection services, IConfiguration configuration, IEnumerable<IGovBotFeature> features)
    {
        var grammar = new Grammar();
        var answers = new AnswerRoutes();
        var routes = new List<Action<BotRouteBuilder>>();
        // The people directory (who is asking) belongs to the host, not to a feature.
        var tables = new TableCatalogue([TableNames.People, TableNames.PeopleIndex]);
        var builder = new FeatureBuilder(services, configuration, grammar, answers, routes, tables);
        foreach (var feature in features) feature.Register(builder);
        return new GovBotComposition(grammar, answers, routes, tables);
    }
}

public static class GovBotHost
{
    /// <summary>
    /// The whole app: clock, storage, health, who-is-asking, the Teams connector with the message and conversation
    /// handlers, and every feature module.
    /// </summary>
    public static IServiceCollection AddGovBot(this IServiceCollection services, IConfiguration configuration, IEnumerable<IGovBotFeature> features)
    {
        services.AddGovBotClock(configuration);
        services.AddGovBotStorage(configuration);
        services.AddGovBotHealth();
        services.AddMemoryCache();
        AddPeople(services);

        // Registered before the features, so a feature's answer may depend on them (help lists every feature's examples).
        GovBotComposition? composition = null;
        services.AddSingleton(_ => composition!.Tables);
        services.AddSingleton(_ => composition!.Answers);
        services.AddSingleton(_ => new QuestionRecogniser(composition!.Grammar));
        services.AddScoped<AskService>();
        composition = GovBotComposition.Compose(services, configuration, features);
        services.AddSingleton<GovernanceDataWriter>();
        services.AddHostedService<StorageStartupService>();

        services.AddBotConnector(configuration, routes =>
        {
            routes.OnActivity<MessageHandler>(ActivityTypes.Message)
                .OnActivity<ConversationEventsHandler>(ActivityTypes.ConversationUpdate)
                .OnActivity<ConversationEventsHandler>(ActivityTypes.InstallationUpdate)
                .OnCardAction<ListMoreCardAction>(ListMoreCardAction.Verb)
                // A storage outage gets one clear answer wherever it happens; anything else the "went wrong" card.
                .OnTurnError<StorageOutageReplies>()
                .OnTurnError<AnswerFailedReply>();
            foreach (var route in composition.Routes) route(routes);
        });
        return services;
    }

    /// <summary>/api/messages, the health endpoints and the features' own endpoints.</summary>
    public static IEndpointRouteBuilder MapGovBot(this IEndpointRouteBuilder app, IEnumerable<IGovBotFeature> features)
    {
        app.MapGovBotHealth();
        app.MapBotEndpoint("/api/messages");
        foreach (var feature in features) feature.Map(app);
        return app;
    }

    /// <summary>Who is asking: the people directory (local or Microsoft Graph), PMO membership and the caller resolver.</summary>
    private static void AddPeople(IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName)
            .Validate(o => o.Source is "Local" or "Graph", "Directory:Source must be 'Local' or 'Graph'.")
            .Validate(o => o.CacheDuration >= TimeSpan.Zero && o.CacheDuration <= TimeSpan.FromHours(1), "Directory:CacheDuration must be between 0 and 1 hour.")
            .ValidateOnStart();
        services.AddOptions<PmoOptions>().BindConfiguration(PmoOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.GroupId) || Guid.TryParse(o.GroupId, out _), "Pmo:GroupId must be the object id (a GUID) of an Entra security group.")
            .ValidateOnStart();
        services.AddSingleton<PersonStore>();
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
    }
}
