using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovBot.Hosting;

/// <summary>
/// Signs and checks GovBot's expiring links (a card button opens them in a browser, with no sign-in):
/// <c>{path}?exp=…&amp;sig=…</c>, sig = base64url(HMAC-SHA256(key, "{path}|{exp}")), exp = Unix seconds. Shared by
/// every slice that serves such links (notices' calendar and report, papers' originals) so the scheme is one.
/// </summary>
public sealed class LinkSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _clock;

    /// <param name="base64Key">Base64 of at least 32 bytes; null or empty → a key for this process only (links die with it).</param>
    public LinkSigner(string? base64Key, TimeProvider clock)
    {
        _clock = clock;
        _key = base64Key is { Length: > 0 } k && TryDecodeKey(k, out var key) ? key : RandomNumberGenerator.GetBytes(32);
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

    /// <summary>The absolute link to <paramref name="path"/> (starting with '/'), valid for <paramref name="lifetime"/>.</summary>
    public string Sign(Uri? publicBaseUrl, string path, TimeSpan lifetime)
    {
        var expires = (_clock.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var baseUrl = (publicBaseUrl?.ToString() ?? "https://localhost:5001/").TrimEnd('/');
        return $"{baseUrl}{path}?exp={expires.ToString(CultureInfo.InvariantCulture)}&sig={Signature(path, expires)}";
    }

    /// <summary>True when the signature matches the path and the link has not expired.</summary>
    public bool Verify(string path, string? exp, string? sig)
    {
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || string.IsNullOrEmpty(sig)) return false;
        if (_clock.GetUtcNow().ToUnixTimeSeconds() > expires) return false;
        var expected = Signature(path, expires);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sig));
    }

    private string Signature(string path, long expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{path}|{expires.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
