using Microsoft.Extensions.Options;

namespace GovBot.Connector;

/// <summary>Which serviceUrls may receive the bot's token.</summary>
public interface ITrustedServiceUrls
{
    bool IsTrusted(string serviceUrl);

    /// <summary>Remember a serviceUrl that arrived in an activity authenticated by a Bot Connector (channel) token.</summary>
    void Remember(string serviceUrl);
}

/// <summary>
/// Configured prefixes (<c>Bot:TrustedServiceUrls</c>, default <c>https://smba.trafficmanager.net/</c>) plus the
/// serviceUrls seen in channel-authenticated activities since start (in memory), at most
/// <see cref="MaxRemembered"/> of them: the least recently used is forgotten first, so a flood of distinct (signed)
/// serviceUrls cannot grow memory. Teams uses a handful of regional URLs, so nothing in use is ever evicted.
/// </summary>
public sealed class TrustedServiceUrls : ITrustedServiceUrls
{
    public const int MaxRemembered = 256;

    private readonly string[] _prefixes;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<string>> _remembered = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _recency = new();

    public TrustedServiceUrls(IOptions<BotOptions> options)
    {
        _prefixes = options.Value.GetTrustedServiceUrls()
            .Select(Normalize)
            .OfType<string>()
            .ToArray();
    }

    public bool IsTrusted(string serviceUrl)
    {
        var normalized = Normalize(serviceUrl);
        if (normalized is null)
        {
            return false;
        }

        lock (_gate)
        {
            if (_remembered.TryGetValue(normalized, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return true;
            }
        }

        foreach (var prefix in _prefixes)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Remember(string serviceUrl)
    {
        var normalized = Normalize(serviceUrl);
        if (normalized is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_remembered.TryGetValue(normalized, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return;
            }

            _remembered[normalized] = _recency.AddFirst(normalized);
            if (_remembered.Count > MaxRemembered)
            {
                _remembered.Remove(_recency.Last!.Value);
                _recency.RemoveLast();
            }
        }
    }

    /// <summary>scheme://host[:port]/path/ with scheme and host lower-cased and a trailing slash; null if not absolute http(s) or carrying user info, query or fragment.</summary>
    internal static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        if ((uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return null;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return $"{uri.Scheme}://{uri.Authority.ToLowerInvariant()}{path}";
    }
}
