using System.Net;

namespace GovBot.Features.Import;

/// <summary>
/// Configuration section <c>FileImport</c>: where files sent to the bot may be downloaded from
/// (<c>FileImport__AllowedHosts</c>, <c>FileImport__MaxRedirects</c>).
/// </summary>
internal sealed class FileDownloadOptions
{
    public const string SectionName = "FileImport";

    /// <summary>
    /// Teams keeps a file sent in a 1:1 chat in the sender's OneDrive for Business (<c>contoso-my.sharepoint.com</c>)
    /// and hands the bot a short-lived SharePoint download address; the other suffixes are the national clouds'
    /// SharePoint (US government, Germany, China).
    /// </summary>
    public const string DefaultAllowedHosts = "*.sharepoint.com,*.sharepoint.us,*.sharepoint.de,*.sharepoint.cn";

    /// <summary>Comma-separated host names; <c>*.example.com</c> matches any subdomain (not example.com itself).</summary>
    public string AllowedHosts { get; set; } = DefaultAllowedHosts;

    /// <summary>Redirects followed (each target checked again), at most.</summary>
    public int MaxRedirects { get; set; } = 3;

    public IReadOnlyList<string> GetAllowedHosts() =>
        AllowedHosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h => h.ToLowerInvariant()).ToArray();

    /// <summary>True when <paramref name="host"/> is on the list (exactly, or under a <c>*.</c> suffix).</summary>
    public bool IsAllowedHost(string host)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        foreach (var pattern in GetAllowedHosts())
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(pattern[1..], StringComparison.Ordinal) && host.Length > pattern.Length - 1
                : host == pattern)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Problems with the settings, each naming the variable to fix.</summary>
    public IEnumerable<string> Problems()
    {
        var hosts = GetAllowedHosts();
        if (hosts.Count == 0) yield return "FileImport:AllowedHosts (FileImport__AllowedHosts) must list at least one host.";
        foreach (var h in hosts)
        {
            var name = h.StartsWith("*.", StringComparison.Ordinal) ? h[2..] : h;
            if (name.Length == 0 || name.Contains('*', StringComparison.Ordinal) || Uri.CheckHostName(name) != UriHostNameType.Dns || IPAddress.TryParse(name, out _))
            {
                yield return $"FileImport:AllowedHosts entry '{h}' must be a host name or *.suffix (no addresses, no other wildcards).";
            }
        }
        if (MaxRedirects is < 0 or > 10) yield return "FileImport:MaxRedirects must be between 0 and 10.";
    }
}

/// <summary>
/// Test-only: registered by tests (never bound from configuration, refused in Production) so that downloads may use
/// plain http to the literal address 127.0.0.1, where a test's own server listens. Names that resolve to a loopback
/// address stay refused.
/// </summary>
internal sealed record FileDownloadLoopbackForTestsOnly;

/// <summary>Start-up validation of <see cref="FileDownloadOptions"/>, one message per problem.</summary>
internal sealed class FileDownloadOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<FileDownloadOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, FileDownloadOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
