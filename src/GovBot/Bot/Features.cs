using System.Text.Json.Nodes;
using GovBot.Connector;
using GovBot.Recognition;

namespace GovBot.Bot;

/// <summary>
/// A capability of GovBot (Actions, Meetings, Notices …): one module per folder under Features/, registered with one
/// line in <see cref="GovBotFeatures"/>. <see cref="Register"/> declares everything the feature owns: its stores and
/// tables, the rules of its questions and the answers to them, its card verbs, help examples and background services.
/// Nothing outside the feature's folder needs editing to add or change one.
/// </summary>
public interface IGovBotFeature
{
    void Register(FeatureBuilder feature);

    /// <summary>HTTP endpoints of the feature besides /api/messages (signed links, downloads).</summary>
    void Map(IEndpointRouteBuilder endpoints)
    {
    }
}

/// <summary>The question being answered: its text as typed, who asked, in which turn, and the page of a long list.</summary>
/// <param name="Page">Page of a long list ("Show more"), from 0.</param>
public sealed record AskContext(string Text, Caller Caller, ITurnContext Turn, int Page);

/// <summary>Something a message carries instead of a question (a file to import); the first handler that can, answers.</summary>
public interface IFileMessageHandler
{
    bool CanHandle(Activity activity);

    Task<JsonObject> HandleAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken);
}

/// <summary>Sees every message and conversation event before it is answered (e.g. to keep conversation references fresh).</summary>
public interface IConversationObserver
{
    Task OnActivityAsync(Activity activity, CancellationToken cancellationToken);
}
