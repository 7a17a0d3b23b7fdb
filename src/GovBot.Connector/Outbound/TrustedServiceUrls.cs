using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GovBot.Connector;

/// <summary>Which serviceUrls may receive the bot's token.</summary>
public interface ITrustedServiceUrls
{
    bool IsTrusted(string serviceUrl);

    /// <summary>Remember a serviceUrl that arrived in an authenticated activity.</summary>
    void Remember(string serviceUrl);
}

/// <summary>
/// Configured prefixes (<c>Bot:TrustedServiceUrls</c>, default <c>https://smba.trafficmanager.net/</c>) plus the
/// serviceUrls seen in authenticated activities since start (in memory).
/// </summary>
public sealed class TrustedServiceUrls : ITrustedServiceUrls
{
    private readonly string[] _prefixes;
    private readonly ConcurrentDictionary<string, byte> _remembered = new(StringComparer.Ordinal);

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

        if (_remembered.ContainsKey(normalized))
        {
            return true;
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
        if (normalized is not null)
        {
            _remembered.TryAdd(normalized, 0);
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
