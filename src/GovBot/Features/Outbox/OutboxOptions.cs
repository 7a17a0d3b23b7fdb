using Microsoft.Extensions.Options;

namespace GovBot.Features.Outbox;

/// <summary>Configuration section "Outbox": the limits every proactive send (reminders, notices) is paced to.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// Requests per second for this app in its tenant (Teams: 50). Every proactive HTTP attempt counts, the connector's
    /// retries included. When unset, <c>Notices:TenantRatePerSecond</c> is honoured if present (the older key).
    /// </summary>
    public double TenantRatePerSecond { get; set; } = 50;

    /// <summary>
    /// Sends per second per conversation (Teams: 7). Teams' longer windows always apply as well: 8 per 2 s, 60 per 30 s,
    /// 1,800 per hour. When unset, <c>Notices:ConversationRatePerSecond</c> is honoured if present.
    /// </summary>
    public int ConversationPerSecond { get; set; } = 7;

    /// <summary>Longest tenant-wide pause a 429's Retry-After can impose (a longer one is capped: the job retries later anyway).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions o)
    {
        var errors = new List<string>();
        if (o.TenantRatePerSecond is <= 0 or > 10_000) errors.Add("Outbox:TenantRatePerSecond must be above 0 and at most 10000.");
        if (o.ConversationPerSecond is < 1 or > 14) errors.Add("Outbox:ConversationPerSecond must be 1-14.");
        if (o.MaxRetryAfter < TimeSpan.FromSeconds(1) || o.MaxRetryAfter > TimeSpan.FromMinutes(10)) errors.Add("Outbox:MaxRetryAfter must be between 1 second and 10 minutes.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
