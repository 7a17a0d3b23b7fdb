using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Connector.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Connector;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the bot's messaging endpoint (POST only; other methods get 405, which the Agents Playground's HEAD
    /// probe accepts). Requires <c>AddBotConnector</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, static (HttpContext context) => context.RequestServices.GetRequiredService<BotEndpointHandler>().HandleAsync(context))
            .WithDisplayName("Bot Framework messaging endpoint");
    }
}

/// <summary>
/// POST /api/messages: parse (400), authenticate (401), answer invokes inline, acknowledge everything else with 200
/// and process it in the background. Unhandled errors: 500 with an empty body.
/// </summary>
internal sealed partial class BotEndpointHandler(
    IBotAuthenticator authenticator,
    ITrustedServiceUrls trusted,
    BotRouter router,
    TurnQueue queue,
    IServiceScopeFactory scopes,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<BotEndpointHandler> logger)
{
    private const long MaxBodyBytes = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        try
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            Activity? activity;
            try
            {
                activity = await JsonSerializer.DeserializeAsync(context.Request.Body, ConnectorJsonContext.Default.Activity, aborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                activity = null;
            }

            if (activity is null || string.IsNullOrEmpty(activity.Type))
            {
                LogBadRequest(logger);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var auth = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), activity, aborted).ConfigureAwait(false);
            if (!auth.Succeeded)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            if (!auth.IsAnonymous && !string.IsNullOrEmpty(activity.ServiceUrl))
            {
                trusted.Remember(activity.ServiceUrl);
            }

            if (activity.Type == ActivityTypes.Invoke)
            {
                await AnswerInvokeAsync(context, activity).ConfigureAwait(false);
                return;
            }

            if (!queue.TryEnqueue(activity))
            {
                LogQueueFull(logger, activity.Type);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
        catch (Exception ex)
        {
            LogUnhandled(logger, ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private async Task AnswerInvokeAsync(HttpContext context, Activity activity)
    {
        using var deadline = new CancellationTokenSource(options.Value.InvokeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        InvokeResponse response;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var turn = new TurnContext(activity, scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ConnectorClient>());
            try
            {
                response = await router.RouteInvokeAsync(turn, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
            {
                LogInvokeTimeout(logger, activity.Name);
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await WriteBodyAsync(context.Response.Body, response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteBodyAsync(Stream stream, object body, CancellationToken ct)
    {
        switch (body)
        {
            case JsonNode node:
                await JsonSerializer.SerializeAsync(stream, node, ConnectorJsonContext.Default.JsonNode, ct).ConfigureAwait(false);
                break;
            case JsonElement element:
                await JsonSerializer.SerializeAsync(stream, element, ConnectorJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
                break;
            default:
                await JsonSerializer.SerializeAsync(stream, body, body.GetType(), ConnectorJson.Options, ct).ConfigureAwait(false);
                break;
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Rejected a request to the bot endpoint: not an activity (malformed JSON or no type)")]
    private static partial void LogBadRequest(ILogger logger);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "Unhandled error at the bot endpoint")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Error, Message = "Invoke {InvokeName} did not finish within the invoke deadline")]
    private static partial void LogInvokeTimeout(ILogger logger, string? invokeName);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Error, Message = "Turn queue full; refused a {ActivityType} activity with 503")]
    private static partial void LogQueueFull(ILogger logger, string activityType);
}
