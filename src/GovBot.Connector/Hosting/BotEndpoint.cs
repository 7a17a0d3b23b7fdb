using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Connector.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
/// POST /api/messages: validate the token (401/403), read at most 4 MB of body (413), parse (400), check the activity
/// against the token (401/403), answer invokes inline, acknowledge everything else with 200
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
            // The token first (signature, issuer, audience, lifetime, calling app): nothing of the body is read or
            // parsed for a caller that cannot prove who it is.
            var token = await authenticator.ValidateTokenAsync(context.Request.Headers.Authorization.ToString(), aborted).ConfigureAwait(false);
            if (!token.Succeeded)
            {
                Refuse(context, token.Result);
                return;
            }

            var body = await ReadBodyAsync(context, aborted).ConfigureAwait(false);
            if (body is null)
            {
                LogTooLarge(logger, MaxBodyBytes);
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // Close rather than drain what the caller is still sending.
                context.Response.Headers.Connection = "close";
                return;
            }

            Activity? activity;
            try
            {
                activity = JsonSerializer.Deserialize(body.AsSpan(), ConnectorJsonContext.Default.Activity);
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

            var auth = authenticator.Authorize(token, activity);
            if (!auth.Succeeded)
            {
                Refuse(context, auth);
                return;
            }

            // Only a Bot Connector token vouches for the serviceUrl (its signed serviceurl claim): Entra-path callers
            // never add a place the bot's token may be sent.
            if (auth.MayTrustServiceUrl && !string.IsNullOrEmpty(activity.ServiceUrl))
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

    private static void Refuse(HttpContext context, BotAuthenticationResult result)
    {
        context.Response.StatusCode = result.FailureStatus == StatusCodes.Status403Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
    }

    /// <summary>
    /// The whole body, or null when it is over <see cref="MaxBodyBytes"/>: enforced on the stream (chunked or not), by
    /// the server where it supports a per-request limit and by counting here whatever the server.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var buffer = new MemoryStream(context.Request.ContentLength is { } length ? (int)length : 16 * 1024);
        // Pooled: a fresh 16 KB array per activity was one of the larger allocations of a turn.
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        // The exact-size stream's own array when the length was declared and met: no second copy.
        return buffer.TryGetBuffer(out var written) && written.Offset == 0 && written.Count == written.Array!.Length ? written.Array : buffer.ToArray();
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

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Refused a request body over {MaxBytes} bytes with 413")]
    private static partial void LogTooLarge(ILogger logger, long maxBytes);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Error, Message = "Turn queue full; refused a {ActivityType} activity with 503")]
    private static partial void LogQueueFull(ILogger logger, string activityType);
}
