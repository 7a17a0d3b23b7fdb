using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>
/// Signed, expiring links served by GovBot (no sign-in: a card button opens them in a browser):
/// <c>/notices/{n}/calendar.ics?exp=…&amp;sig=…</c> and <c>/notices/{n}/report.csv?exp=…&amp;sig=…</c>.
/// sig = base64url(HMAC-SHA256(key, "{path}|{exp}")), exp = Unix seconds. The key is Notices:LinkSigningKey
/// (required in Production), else generated per process (links then die with the process: fine in Development).
/// </summary>
internal sealed class NoticeLinks
{
    private readonly byte[] _key;
    private readonly NoticeOptions _options;
    private readonly TimeProvider _clock;

    public NoticeLinks(IOptions<NoticeOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _key = _options.LinkSigningKey is { Length: > 0 } k && TryDecodeKey(k, out var key) ? key : RandomNumberGenerator.GetBytes(32);
    }

    public static bool TryDecodeKey(string text, out byte[] key)
    {
        key = [];
        try
        {
            key = Convert.FromBase64String(text);
            return key.Length >= 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string CalendarPath(int notice) => $"/notices/{notice.ToString(CultureInfo.InvariantCulture)}/calendar.ics";

    public static string ReportPath(int notice) => $"/notices/{notice.ToString(CultureInfo.InvariantCulture)}/report.csv";

    public string CalendarUrl(int notice) => Sign(CalendarPath(notice), _options.CalendarLinkLifetime);

    public string ReportUrl(int notice) => Sign(ReportPath(notice), _options.ReportLinkLifetime);

    /// <summary>True when the signature matches the path and the link has not expired.</summary>
    public bool Verify(string path, string? exp, string? sig)
    {
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || string.IsNullOrEmpty(sig)) return false;
        if (_clock.GetUtcNow().ToUnixTimeSeconds() > expires) return false;
        var expected = Signature(path, expires);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sig));
    }

    private string Sign(string path, TimeSpan lifetime)
    {
        var expires = (_clock.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var baseUrl = (_options.PublicBaseUrl?.ToString() ?? "https://localhost:5001/").TrimEnd('/');
        return $"{baseUrl}{path}?exp={expires.ToString(CultureInfo.InvariantCulture)}&sig={Signature(path, expires)}";
    }

    private string Signature(string path, long expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{path}|{expires.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
