using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GovBot.Storage;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Used when <see cref="TableEndpoint"/> is not set (local runs, Azurite, tests).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Production: https://ACCOUNT.table.core.windows.net; when set, managed identity (DefaultAzureCredential) is used.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>Production queue endpoint, used with managed identity like <see cref="TableEndpoint"/>.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>
    /// Production blob endpoint (the original files of imported papers), used with managed identity like
    /// <see cref="TableEndpoint"/>. Unset: the connection string's blob service (Azurite locally).
    /// </summary>
    public Uri? BlobEndpoint { get; set; }

    /// <summary>Prepended to every table name: isolates environments and test runs sharing an account. Letters and digits only.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>
    /// One try of a storage request gives up after this (the Azure SDK's default is 100 s). A try that timed out is
    /// retried once at most, so a hung service fails a request within about twice this.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries after a refusal, a 5xx answer or a dropped connection (0 = none).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The wait before the first retry; it doubles (with jitter) for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(4);
}

/// <param name="environment">Null outside a host (tests of the rules alone): the Production-only rules are then skipped.</param>
internal sealed partial class StorageOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<StorageOptions>
{
    /// <summary>Longest logical table name; table names are at most 63 characters.</summary>
    internal const int MaxPrefixLength = 63 - 16;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (options.TableEndpoint is null && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Storage:ConnectionString is empty and Storage:TableEndpoint is not set; set one of them.");
        }
        if (options.TableEndpoint is { } t && (!t.IsAbsoluteUri || t.Scheme is not ("https" or "http")))
        {
            failures.Add($"Storage:TableEndpoint must be an absolute http(s) URL, e.g. https://ACCOUNT.table.core.windows.net.");
        }
        if (options.QueueEndpoint is { } q && (!q.IsAbsoluteUri || q.Scheme is not ("https" or "http")))
        {
            failures.Add($"Storage:QueueEndpoint must be an absolute http(s) URL, e.g. https://ACCOUNT.queue.core.windows.net.");
        }
        if (options.BlobEndpoint is { } b && (!b.IsAbsoluteUri || b.Scheme is not ("https" or "http")))
        {
            failures.Add($"Storage:BlobEndpoint must be an absolute http(s) URL, e.g. https://ACCOUNT.blob.core.windows.net.");
        }
        // On Azure the account refuses shared keys; a blob client falling back to the connection string would carry
        // a key (or fail only at the first import). In Production blobs go through the managed identity or nowhere.
        if (environment?.IsProduction() == true && options.TableEndpoint is not null && options.BlobEndpoint is null)
        {
            failures.Add("Storage:BlobEndpoint is not set: in Production blobs are reached only through the managed identity (set it to https://ACCOUNT.blob.core.windows.net), never through a connection string or account key.");
        }
        if (options.NetworkTimeout < TimeSpan.FromMilliseconds(100) || options.NetworkTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Storage:NetworkTimeout must be between 100 ms and 5 minutes.");
        }
        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Storage:MaxRetries must be 0-10.");
        }
        if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Storage:RetryDelay must not be negative, and Storage:MaxRetryDelay must be at least RetryDelay and at most 1 minute.");
        }
        var prefix = options.TablePrefix ?? "";
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            failures.Add($"Storage:TablePrefix '{prefix}' is not valid: use letters and digits only, starting with a letter (table names are alphanumeric).");
        }
        if (prefix.Length > MaxPrefixLength)
        {
            failures.Add($"Storage:TablePrefix is {prefix.Length} characters long; at most {MaxPrefixLength} are allowed (table names are at most 63).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex PrefixPattern();
}
