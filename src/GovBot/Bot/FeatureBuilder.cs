using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Recognition;
using GovBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovBot.Bot;

/// <summary>What a feature module registers itself with. Every method checks for clashes with other features at start-up.</summary>
public sealed class FeatureBuilder
{
    private readonly Grammar _grammar;
    private readonly AnswerRoutes _answers;
    private readonly List<Action<BotRouteBuilder>> _routes;
    private readonly TableCatalogue _tables;

    internal FeatureBuilder(IServiceCollection services, IConfiguration configuration, Grammar grammar, AnswerRoutes answers,
        List<Action<BotRouteBuilder>> routes, TableCatalogue tables)
    {
        Services = services;
        Configuration = configuration;
        _grammar = grammar;
        _answers = answers;
        _routes = routes;
        _tables = tables;
    }

    /// <summary>The feature's stores, options and services are added here.</summary>
    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }

    /// <summary>The feature's own tables (logical names): created at start-up, by the command line and by the tests.</summary>
    public FeatureBuilder Tables(params string[] logicalNames)
    {
        foreach (var name in logicalNames) _tables.Add(name);
        return this;
    }

    /// <summary>The rules, topic words, examples and help section of the feature's questions.</summary>
    public FeatureBuilder Questions(Action<Grammar> grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        grammar(_grammar);
        return this;
    }

    /// <summary>Answers <typeparamref name="TIntent"/> with <typeparamref name="TService"/> (registered scoped unless already registered).</summary>
    public FeatureBuilder Answer<TIntent, TService>(Func<TService, TIntent, AskContext, CancellationToken, Task<JsonObject>> answer)
        where TIntent : Intent
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        Services.TryAddScoped<TService>();
        _answers.Add(typeof(TIntent), (services, intent, ask, ct) => answer(services.GetRequiredService<TService>(), (TIntent)intent, ask, ct));
        return this;
    }

    /// <summary>Answers <typeparamref name="TIntent"/> without storage (a fixed card).</summary>
    public FeatureBuilder Answer<TIntent>(Func<TIntent, AskContext, JsonObject> answer)
        where TIntent : Intent
    {
        ArgumentNullException.ThrowIfNull(answer);
        _answers.Add(typeof(TIntent), (_, intent, ask, _) => Task.FromResult(answer((TIntent)intent, ask)));
        return this;
    }

    /// <summary>Routes Adaptive Card verbs (Action.Execute, or Action.Submit in older clients) to <typeparamref name="THandler"/>.</summary>
    public FeatureBuilder CardVerbs<THandler>(IEnumerable<string> verbs)
        where THandler : class, ICardActionHandler
    {
        var list = verbs.ToList();
        _routes.Add(routes =>
        {
            foreach (var verb in list) routes.OnCardAction<THandler>(verb);
        });
        return this;
    }

    /// <summary>Routes an invoke by name (a message extension's composeExtension/query …) to <typeparamref name="THandler"/>.</summary>
    public FeatureBuilder Invoke<THandler>(string invokeName)
        where THandler : class, IInvokeHandler
    {
        _routes.Add(routes => routes.OnInvoke<THandler>(invokeName));
        return this;
    }

    /// <summary>Routes an activity type (message, conversationUpdate …) to <typeparamref name="THandler"/>.</summary>
    public FeatureBuilder OnActivity<THandler>(string activityType)
        where THandler : class, IActivityHandler
    {
        _routes.Add(routes => routes.OnActivity<THandler>(activityType));
        return this;
    }
}

/// <summary>Which answer serves each intent type; an intent with two answers is a start-up error.</summary>
public sealed class AnswerRoutes
{
    internal delegate Task<JsonObject> Route(IServiceProvider services, Intent intent, AskContext ask, CancellationToken cancellationToken);

    private readonly Dictionary<Type, Route> _routes = [];

    internal void Add(Type intentType, Route route)
    {
        if (!_routes.TryAdd(intentType, route))
        {
            throw new InvalidOperationException($"Two features answer {intentType.Name}; each intent has one answer.");
        }
    }

    internal bool TryGet(Type intentType, out Route route) => _routes.TryGetValue(intentType, out route!);

    /// <summary>The intent types that have an answer.</summary>
    public IReadOnlyCollection<Type> IntentTypes => _routes.Keys;
}
