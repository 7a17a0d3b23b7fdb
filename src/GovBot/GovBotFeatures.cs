using GovBot.Bot;
using GovBot.Features.Actions;
using GovBot.Features.ChangeRequests;
using GovBot.Features.Checklist;
using GovBot.Features.Conversations;
using GovBot.Features.Decisions;
using GovBot.Features.Events;
using GovBot.Features.GroupUpdates;
using GovBot.Features.Groups;
using GovBot.Features.Help;
using GovBot.Features.Import;
using GovBot.Features.Meetings;
using GovBot.Features.Milestones;
using GovBot.Features.Notices;
using GovBot.Features.Outbox;
using GovBot.Features.Papers;
using GovBot.Features.Reminders;
using GovBot.Features.Search;
using GovBot.Recognition;
using GovBot.Storage;

namespace GovBot;

/// <summary>The app's feature modules: one line each. Their order is the order of help sections and examples.</summary>
public static class GovBotFeatures
{
    public static IReadOnlyList<IGovBotFeature> All { get; } =
    [
        new ActionsFeature(),
        new MeetingsFeature(),
        new ChangeRequestsFeature(),
        new DecisionsFeature(),
        new ChecklistFeature(),
        new MilestonesFeature(),
        new EventsFeature(),
        new GroupUpdatesFeature(),
        new GroupsFeature(),
        new ConversationsFeature(),
        new OutboxFeature(),
        new RemindersFeature(),
        new NoticesFeature(),
        new PapersFeature(),
        new ImportFeature(),
        new SearchFeature(),
        new HelpFeature(),
    ];

    /// <summary>GovBot with every feature (see <see cref="GovBotHost.AddGovBot"/>).</summary>
    public static IServiceCollection AddGovBot(this IServiceCollection services, IConfiguration configuration) =>
        services.AddGovBot(configuration, All);

    public static IEndpointRouteBuilder MapGovBot(this IEndpointRouteBuilder app) => app.MapGovBot(All);

    private static readonly Lazy<GovBotComposition> Declared = new(() =>
        GovBotComposition.Compose(new ServiceCollection(), new ConfigurationBuilder().Build(), All));

    private static readonly Lazy<QuestionRecogniser> DeclaredRecogniser = new(() => new QuestionRecogniser(Declared.Value.Grammar));

    /// <summary>The recogniser composed of every feature's grammar, without a running app (tests, tools).</summary>
    public static QuestionRecogniser Recogniser => DeclaredRecogniser.Value;

    /// <summary>Every table the features declare.</summary>
    public static TableCatalogue Tables => Declared.Value.Tables;
}
