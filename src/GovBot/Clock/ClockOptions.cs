using System.Globalization;
using Microsoft.Extensions.Options;

namespace GovBot.Clock;

/// <summary>Configuration section "Clock".</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>
    /// ISO 8601 instant with an offset ("2024-03-06T09:00:00Z", "2024-03-06T09:00:00+00:00"). When set, the app's
    /// clock starts at this instant when the app starts and runs forward in real time (demos against past papers).
    /// </summary>
    public string? StartAt { get; set; }

    internal static bool TryParseStartAt(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text?.Trim(),
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value)
        && text!.Trim() is var t && (t.EndsWith('Z') || t.EndsWith('z') || t.LastIndexOfAny(['+', '-']) > t.IndexOf('T', StringComparison.Ordinal));
}

internal sealed class ClockOptionsValidator : IValidateOptions<ClockOptions>
{
    public ValidateOptionsResult Validate(string? name, ClockOptions options) =>
        string.IsNullOrWhiteSpace(options.StartAt) || ClockOptions.TryParseStartAt(options.StartAt, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Clock:StartAt '{options.StartAt}' is not an ISO 8601 instant with an offset; use e.g. 2024-03-06T09:00:00Z or 2024-03-06T09:00:00+00:00.");
}
