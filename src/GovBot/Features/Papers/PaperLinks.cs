using GovBot.Features.Search;
using GovBot.Hosting;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Papers;

/// <summary>Papers:LinkSigningKey, Papers:PublicBaseUrl (each defaulting to the Notices: one), Papers:LinkLifetime.</summary>
public sealed class PaperLinkOptions
{
    public const string Section = "Papers";

    /// <summary>Base64 of at least 32 bytes; when unset, Notices:LinkSigningKey (required in Production) signs paper links too.</summary>
    public string? LinkSigningKey { get; set; }

    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long an "Open the paper" link works: long enough to click, short enough that a forwarded link dies.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Signed, expiring links to a paper's original in Blob storage: <c>/papers/{group}/{key}/original?exp=…&amp;sig=…</c>,
/// served by <see cref="PapersFeature"/> (the blob itself stays private; GovBot reads it with its own identity).
/// </summary>
public sealed class PaperLinks : ISearchOriginalLinks
{
    private readonly LinkSigner _signer;
    private readonly PaperLinkOptions _options;

    public PaperLinks(IOptions<PaperLinkOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _signer = new LinkSigner(_options.LinkSigningKey, clock);
    }

    public static string OriginalPath(string groupCode, string key) =>
        $"/papers/{Uri.EscapeDataString(groupCode)}/{Uri.EscapeDataString(key)}/original";

    public string OriginalUrl(Paper paper) => _signer.Sign(_options.PublicBaseUrl, OriginalPath(paper.GroupCode, paper.Key), _options.LinkLifetime);

    public bool Verify(string groupCode, string key, string? exp, string? sig) => _signer.Verify(OriginalPath(groupCode, key), exp, sig);

    /// <summary>
    /// From the indexed passage alone (its paper's group, key and whether the original is kept): the link's path
    /// names the document, not a version, so it needs no read of the paper; the endpoint reads it when clicked.
    /// </summary>
    public Task<Uri?> LinkAsync(SearchDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Kind != SearchKind.Passage || document.DocumentId is not { } key || !document.HasOriginal) return Task.FromResult<Uri?>(null);
        var path = OriginalPath(document.GroupCode ?? PaperKeys.NoGroup, key);
        return Task.FromResult<Uri?>(new Uri(_signer.Sign(_options.PublicBaseUrl, path, _options.LinkLifetime)));
    }
}
