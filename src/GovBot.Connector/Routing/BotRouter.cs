using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GovBot.Connector;

/// <summary>
/// Declares the bot's routes: handlers per activity type, invoke name and card verb (all ordinal), and the
/// middleware and error handlers every turn goes through (in registration order). Handlers are registered scoped.
/// A second registration for the same key throws <see cref="InvalidOperationException"/> at once.
/// </summary>
public sealed class BotRouteBuilder
{
    private readonly IServiceCollection _services;
    private readonly Dictionary<string, Type> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _invokes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _cardActions = new(StringComparer.Ordinal);
    private readonly List<Type> _middleware = [];
    private readonly List<Type> _errorHandlers = [];

    internal BotRouteBuilder(IServiceCollection services) => _services = services;

    public BotRouteBuilder OnActivity<THandler>(string activityType)
        where THandler : class, IActivityHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityType);
        if (activityType == ActivityTypes.Invoke)
        {
            throw new InvalidOperationException("Invoke activities need an answer: register them with OnInvoke<THandler>(invokeName) or OnCardAction<THandler>(verb).");
        }

        return Add<THandler>(_activities, activityType, "activity type");
    }

    public BotRouteBuilder OnInvoke<THandler>(string invokeName)
        where THandler : class, IInvokeHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invokeName);
        if (invokeName == CardAction.InvokeName)
        {
            throw new InvalidOperationException($"'{CardAction.InvokeName}' invokes are routed by verb: register them with OnCardAction<THandler>(verb).");
        }

        return Add<THandler>(_invokes, invokeName, "invoke name");
    }

    public BotRouteBuilder OnCardAction<THandler>(string verb)
        where THandler : class, ICardActionHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        return Add<THandler>(_cardActions, verb, "card action verb");
    }

    /// <summary>Adds a middleware around every turn; the first added runs outermost.</summary>
    public BotRouteBuilder Use<TMiddleware>()
        where TMiddleware : class, IBotMiddleware => AddOnce<TMiddleware>(_middleware, "middleware");

    /// <summary>Adds a handler for exceptions that escape a turn; asked in the order added.</summary>
    public BotRouteBuilder OnTurnError<THandler>()
        where THandler : class, ITurnErrorHandler => AddOnce<THandler>(_errorHandlers, "turn error handler");

    internal BotRouter Build() => new(new(_activities), new(_invokes), new(_cardActions), [.. _middleware], [.. _errorHandlers]);

    private BotRouteBuilder AddOnce<T>(List<Type> list, string kind)
        where T : class
    {
        if (list.Contains(typeof(T)))
        {
            throw new InvalidOperationException($"Duplicate bot {kind}: {typeof(T).Name} is already registered.");
        }

        list.Add(typeof(T));
        _services.TryAddScoped<T>();
        return this;
    }

    private BotRouteBuilder Add<THandler>(Dictionary<string, Type> routes, string key, string kind)
        where THandler : class
    {
        if (routes.TryGetValue(key, out var existing))
        {
            throw new InvalidOperationException($"Duplicate bot route: {kind} '{key}' is already handled by {existing.Name}; {typeof(THandler).Name} cannot also handle it.");
        }

        routes.Add(key, typeof(THandler));
        _services.TryAddScoped<THandler>();
        return this;
    }
}

/// <summary>
/// Dispatches a turn to its handler, through the middleware and, when it throws, the error handlers. Invokes always
/// get a response; other unrouted activities are ignored (after the middleware has seen them).
/// </summary>
public sealed partial class BotRouter
{
    private readonly Dictionary<string, Type> _activities;
    private readonly Dictionary<string, Type> _invokes;
    private readonly Dictionary<string, Type> _cardActions;
    private readonly Type[] _middleware;
    private readonly Type[] _errorHandlers;

    internal BotRouter(Dictionary<string, Type> activities, Dictionary<string, Type> invokes, Dictionary<string, Type> cardActions, Type[] middleware, Type[] errorHandlers)
    {
        _activities = activities;
        _invokes = invokes;
        _cardActions = cardActions;
        _middleware = middleware;
        _errorHandlers = errorHandlers;
    }

    public IReadOnlyCollection<string> ActivityTypes => _activities.Keys;

    public IReadOnlyCollection<string> InvokeNames => _invokes.Keys;

    public IReadOnlyCollection<string> CardVerbs => _cardActions.Keys;

    /// <summary>Routes an invoke and returns its response (501 when nobody handles the name).</summary>
    public async Task<InvokeResponse> RouteInvokeAsync(ITurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var kind = turn.Activity.Name == CardAction.InvokeName ? TurnKind.CardAction : TurnKind.Invoke;
        var response = await RunAsync(turn, kind, c => DispatchInvokeAsync(turn, c), ct).ConfigureAwait(false);
        return response ?? throw new InvalidOperationException($"The pipeline of invoke '{turn.Activity.Name}' returned no response: a middleware must return one for an invoke.");
    }

    /// <summary>
    /// Routes a non-invoke activity. An Action.Submit message with <c>value.verb</c> goes to that verb's card handler; a
    /// returned card replaces the card message (<c>replyToId</c>), a message or an error's message is sent as text.
    /// </summary>
    public async Task RouteActivityAsync(ITurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.Type == Connector.ActivityTypes.Message
            && CardAction.TryFromSubmitValue(activity.Value, out var action)
            && _cardActions.TryGetValue(action!.Verb, out var cardHandler))
        {
            var response = await RunAsync(turn, TurnKind.CardAction, c => ((ICardActionHandler)turn.Services.GetRequiredService(cardHandler)).HandleAsync(turn, action, c)!, ct).ConfigureAwait(false);
            if (response is not null)
            {
                await AnswerSubmitAsync(turn, response, ct).ConfigureAwait(false);
            }

            return;
        }

        await RunAsync(turn, TurnKind.Activity, async c =>
        {
            if (_activities.TryGetValue(activity.Type, out var activityHandler))
            {
                var handler = (IActivityHandler)turn.Services.GetRequiredService(activityHandler);
                await handler.HandleAsync(turn, c).ConfigureAwait(false);
            }

            return null;
        }, ct).ConfigureAwait(false);
    }

    private async Task<InvokeResponse?> DispatchInvokeAsync(ITurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        if (activity.Name == CardAction.InvokeName)
        {
            if (!CardAction.TryFromInvokeValue(activity.Value, out var action))
            {
                return InvokeResponse.Error(400, "BadRequest", "The adaptiveCard/action invoke carries no action.verb.");
            }

            if (!_cardActions.TryGetValue(action!.Verb, out var cardHandler))
            {
                // The verb is the sender's text: echo only enough of it to recognise.
                var verb = action.Verb.Length > 40 ? action.Verb[..40] + "…" : action.Verb;
                return InvokeResponse.Error(400, "UnknownVerb", $"This bot does not handle the card action verb '{verb}'.");
            }

            var handler = (ICardActionHandler)turn.Services.GetRequiredService(cardHandler);
            return await handler.HandleAsync(turn, action, ct).ConfigureAwait(false);
        }

        if (activity.Name is { } name && _invokes.TryGetValue(name, out var invokeHandler))
        {
            var handler = (IInvokeHandler)turn.Services.GetRequiredService(invokeHandler);
            return await handler.HandleAsync(turn, ct).ConfigureAwait(false);
        }

        return InvokeResponse.NotImplemented();
    }

    /// <summary>A Submit has no inline answer: a card replaces the card message, text and errors go into the chat.</summary>
    private static async Task AnswerSubmitAsync(ITurnContext turn, InvokeResponse response, CancellationToken ct)
    {
        var replyToId = turn.Activity.ReplyToId;
        if (response.AdaptiveCard is { } card && !string.IsNullOrEmpty(replyToId))
        {
            await turn.UpdateAsync(replyToId, Activity.Message(null, Attachment.AdaptiveCard(card.DeepClone())), ct).ConfigureAwait(false);
        }
        else if (response.AdaptiveCard is { } newCard)
        {
            await turn.SendAsync(Activity.Message(null, Attachment.AdaptiveCard(newCard.DeepClone())), ct).ConfigureAwait(false);
        }
        else if (response.MessageText is { } text)
        {
            await turn.SendAsync(text, ct).ConfigureAwait(false);
        }
        else if (response.ErrorMessage is { } error)
        {
            // An invoke's error is shown by Teams; a Submit has no such channel, so say it in the chat.
            await turn.SendAsync(error, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The middleware around <paramref name="handler"/>, and the error handlers around both.</summary>
    private async Task<InvokeResponse?> RunAsync(ITurnContext turn, TurnKind kind, NextTurn handler, CancellationToken ct)
    {
        var pipeline = handler;
        for (var i = _middleware.Length - 1; i >= 0; i--)
        {
            var middleware = (IBotMiddleware)turn.Services.GetRequiredService(_middleware[i]);
            var next = pipeline;
            pipeline = c => middleware.OnTurnAsync(turn, kind, next, c);
        }

        try
        {
            return await pipeline(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (_errorHandlers.Length > 0 && !ct.IsCancellationRequested)
        {
            foreach (var type in _errorHandlers)
            {
                var errorHandler = (ITurnErrorHandler)turn.Services.GetRequiredService(type);
                if (await errorHandler.OnTurnErrorAsync(turn, kind, e, ct).ConfigureAwait(false) is not { } result)
                {
                    continue;
                }

                if (kind != TurnKind.Activity && result.Response is null)
                {
                    throw new InvalidOperationException($"{type.Name} answered a failed {kind} turn with Handled; invokes and card actions need TurnErrorResult.Respond(response).", e);
                }

                return result.Response;
            }

            throw;
        }
    }
}
