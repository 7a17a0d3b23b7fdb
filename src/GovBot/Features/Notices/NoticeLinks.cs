using System.Globalization;
using GovBot.Hosting;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>
/// Signed, expiring links served by GovBot (no sign-in: a card button opens them in a browser):
/// <c>/notices/{n}/calendar.ics?exp=…&amp;sig=…</c> and <c>/notices/{n}/report.csv?exp=…&amp;sig=…</c>, signed by
/// <see cref="LinkSigner"/>. The key is Notices:LinkSigningKey (required in Production), else generated per process
/// (links then die with the process: fine in Development).
/// </summary>
internal sealed class NoticeLinks
{
    private readonly LinkSigner _signer;
    private readonly NoticeOptions _options;

    public NoticeLinks(IOptions<NoticeOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _signer = new LinkSigner(_options.LinkSigningKey, clock);
    }

    public static bool TryDecodeKey(string text, out byte[] key) => LinkSigner.TryDecodeKey(text, out key);

    public static string CalendarPath(int notice) => $"/notices/{notice.ToString(CultureInfo.InvariantCulture)}/calendar.ics";

    public static string ReportPath(int notice) => $"/notices/{notice.ToString(CultureInfo.InvariantCulture)}/report.csv";

    public string CalendarUrl(int notice) => _signer.Sign(_options.PublicBaseUrl, CalendarPath(notice), _options.CalendarLinkLifetime);

    public string ReportUrl(int notice) => _signer.Sign(_options.PublicBaseUrl, ReportPath(notice), _options.ReportLinkLifetime);

    /// <summary>True when the signature matches the path and the link has not expired.</summary>
    public bool Verify(string path, string? exp, string? sig) => _signer.Verify(path, exp, sig);
}
