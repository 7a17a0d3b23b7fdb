using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovBot.Connector;

/// <summary>
/// The Bot Connector REST API (v3) as Teams implements it. All paths are relative to the conversation's
/// serviceUrl, path segments escaped. The bot's token is attached only when the serviceUrl is trusted
/// (<see cref="ITrustedServiceUrls"/>); otherwise nothing is sent and a <see cref="ConnectorException"/> with
/// <see cref="ConnectorException.UntrustedServiceUrlCode"/> is thrown.
/// </summary>
public partial class ConnectorClient
{
    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly ITrustedServiceUrls _trusted;
    private readonly ConnectorRetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly IConnectorPacer? _pacer;

    public ConnectorClient(HttpClient http, IBotTokenProvider tokens, ITrustedServiceUrls trusted, ConnectorRetryPolicy retry, ILogger<ConnectorClient>? logger = null)
    {
        _http = http;
        _tokens = tokens;
        _trusted = trusted;
        _retry = retry;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    private ConnectorClient(ConnectorClient other, IConnectorPacer pacer)
        : this(other._http, other._tokens, other._trusted, other._retry)
    {
        _logger = other._logger;
        _pacer = pacer;
    }

    /// <summary>
    /// The same client (HTTP, token, trust, retries), with every attempt, the retries included, passing
    /// <paramref name="pacer"/> first and every 429 reported to it. Turn replies keep using the unpaced client.
    /// </summary>
    public ConnectorClient WithPacer(IConnectorPacer pacer)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return new ConnectorClient(this, pacer);
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c></summary>
    public virtual Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendForResourceAsync(HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Esc(conversationId)}/activities", activity, ct);

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{activityId}</c></summary>
    public virtual Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendForResourceAsync(HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, ct);

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c> (the body carries the id).</summary>
    public virtual Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendForResourceAsync(HttpMethod.Put, serviceUrl, conversationId, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity with { Id = activityId }, ct);

    /// <summary><c>DELETE /v3/conversations/{conversationId}/activities/{activityId}</c></summary>
    public virtual async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, serviceUrl, conversationId, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", null, ct).ConfigureAwait(false);
    }

    /// <summary><c>POST /v3/conversations</c>. For a Teams 1:1 chat use <see cref="ConversationParametersFactory.Personal"/>.</summary>
    public virtual async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, ConnectorJsonContext.Default.ConversationParameters);
        using var response = await SendAsync(HttpMethod.Post, serviceUrl, null, "v3/conversations", body, ct).ConfigureAwait(false);
        return await ReadAsync(response, ConnectorJsonContext.Default.ConversationResourceResponse, ct).ConfigureAwait(false)
            ?? throw new ConnectorException((int)response.StatusCode, null, "Create conversation returned no conversation id.");
    }

    /// <summary><c>GET /v3/conversations/{conversationId}/members/{memberId}</c> (member id <c>29:…</c> or Entra object id).</summary>
    public virtual async Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, serviceUrl, conversationId, $"v3/conversations/{Esc(conversationId)}/members/{Esc(memberId)}", null, ct).ConfigureAwait(false);
        return await ReadAsync(response, ConnectorJsonContext.Default.TeamsChannelAccount, ct).ConfigureAwait(false)
            ?? throw new ConnectorException((int)response.StatusCode, null, "Get member returned no member.");
    }

    /// <summary><c>GET /v3/conversations/{conversationId}/pagedmembers?pageSize=&amp;continuationToken=</c></summary>
    public virtual async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken ct)
    {
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var path = $"v3/conversations/{Esc(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var response = await SendAsync(HttpMethod.Get, serviceUrl, conversationId, path, null, ct).ConfigureAwait(false);
        var result = await ReadAsync(response, ConnectorJsonContext.Default.PagedMembersResult, ct).ConfigureAwait(false);
        return result is null ? new PagedMembersResult(null, []) : result with { Members = result.Members ?? [] };
    }

    /// <summary><c>GET /v3/teams/{teamId}/conversations</c>: the team's channels (General: id = team id, no name).</summary>
    public virtual async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, serviceUrl, null, $"v3/teams/{Esc(teamId)}/conversations", null, ct).ConfigureAwait(false);
        var result = await ReadAsync(response, ConnectorJsonContext.Default.ConversationList, ct).ConfigureAwait(false);
        return result?.Conversations ?? [];
    }

    private async Task<ResourceResponse> SendForResourceAsync(HttpMethod method, string serviceUrl, string conversationId, string path, Activity activity, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ConnectorJsonContext.Default.Activity);
        using var response = await SendAsync(method, serviceUrl, conversationId, path, body, ct).ConfigureAwait(false);
        return await ReadAsync(response, ConnectorJsonContext.Default.ResourceResponse, ct).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    private static string Esc(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return Uri.EscapeDataString(segment);
    }

    internal static Uri BuildUri(string serviceUrl, string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        if (!Uri.TryCreate(baseUrl + relativePath, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"serviceUrl must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        return uri;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string serviceUrl, string? conversationId, string path, byte[]? body, CancellationToken ct)
    {
        var uri = BuildUri(serviceUrl, path);
        var token = await _tokens.GetTokenAsync(ct).ConfigureAwait(false);
        if (token is not null && !_trusted.IsTrusted(serviceUrl))
        {
            LogUntrusted(_logger, uri.Host);
            throw new ConnectorException(0, ConnectorException.UntrustedServiceUrlCode, $"The serviceUrl host '{uri.Host}' is not trusted: it did not arrive in an authenticated activity and is not in Bot:TrustedServiceUrls. The bot's token was not sent.");
        }

        var started = _retry.Time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var paced = new ConnectorAttempt(method, serviceUrl, conversationId, attempt);
            if (_pacer is not null)
            {
                // Every attempt, retries included, waits its turn: a retry must not break the limits either.
                await _pacer.WaitAsync(paced, ct).ConfigureAwait(false);
            }

            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            if (_pacer is not null && response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _pacer.OnThrottled(paced, ConnectorRetryPolicy.RetryAfter(response.Headers.RetryAfter, _retry.Time));
            }

            var delay = _retry.GetDelay(attempt, response, _retry.Time.GetElapsedTime(started));
            if (delay is null)
            {
                using (response)
                {
                    throw await CreateExceptionAsync(method, path, response, ct).ConfigureAwait(false);
                }
            }

            LogRetry(_logger, method.Method, (int)response.StatusCode, attempt, delay.Value.TotalMilliseconds);
            response.Dispose();
            await _retry.DelayAsync(delay.Value, ct).ConfigureAwait(false);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken ct)
        where T : class
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException((int)response.StatusCode, null, "The Connector returned a body that is not the expected JSON.", innerException: ex);
        }
    }

    private static async Task<ConnectorException> CreateExceptionAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken ct)
    {
        string? code = null, message = null, subCode = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                var error = JsonSerializer.Deserialize(bytes, ConnectorJsonContext.Default.ErrorResponse);
                code = error?.Error?.Code ?? error?.Code;
                message = error?.Error?.Message ?? error?.Message;
                subCode = error?.Error?.SubCode;
            }
        }
        catch (JsonException)
        {
            // Not an ErrorResponse; the status says enough.
        }

        var operation = path.Split('?', 2)[0];
        var text = new StringBuilder()
            .Append("Connector ").Append(method.Method).Append(' ').Append(operation)
            .Append(" failed with ").Append((int)response.StatusCode);
        if (code is not null)
        {
            text.Append(' ').Append(code);
        }

        if (message is not null)
        {
            text.Append(": ").Append(message);
        }

        return new ConnectorException((int)response.StatusCode, code, text.ToString(), subCode);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Connector {Method} answered {Status}; attempt {Attempt}, retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, double delayMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Refused to send the bot's token to untrusted serviceUrl host {Host}")]
    private static partial void LogUntrusted(ILogger logger, string host);
}

/// <summary>Ready-made <see cref="ConversationParameters"/>.</summary>
public static class ConversationParametersFactory
{
    /// <summary>A Teams 1:1 chat between the bot and one user (id <c>29:…</c> or the user's Entra object id) in a tenant.</summary>
    public static ConversationParameters Personal(ChannelAccount bot, string userId, string tenantId) => new()
    {
        IsGroup = false,
        Bot = bot,
        Members = [new ChannelAccount(userId)],
        TenantId = tenantId,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
    };
}
