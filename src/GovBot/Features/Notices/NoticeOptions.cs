using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>Configuration section "Notices".</summary>
internal sealed class NoticeOptions
{
    public const string SectionName = "Notices";

    /// <summary>False stops this instance's queue workers (the verbs still queue jobs; another instance sends them).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>The queue's name; empty: "{Storage:TablePrefix lower-cased}-notice-jobs" or "notice-jobs".</summary>
    public string? QueueName { get; set; }

    /// <summary>Sends per second per conversation (Teams: 7 per second per bot per thread).</summary>
    public double ConversationRatePerSecond { get; set; } = 7;

    /// <summary>Sends per second per tenant for this app (Teams: 50; leave headroom for the rest of GovBot).</summary>
    public double TenantRatePerSecond { get; set; } = 40;

    /// <summary>Jobs processed at once by one instance.</summary>
    public int MaxParallelSends { get; set; } = 8;

    /// <summary>How long a received job stays invisible to other workers; it reappears if the worker dies.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Idle wait between empty queue polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A delivery left "Sending" longer than this (the worker died mid-send) becomes Unknown, never re-sent. A send may take half of it (at most 100 s).</summary>
    public TimeSpan SendingGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many receives a job is poison: its delivery is recorded Failed with the reason.</summary>
    public int MaxDequeueCount { get; set; } = 6;

    /// <summary>How often the author's status card is updated in place while sending.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Install GovBot through Microsoft Graph for members who never opened it (needs TeamsAppInstallation permissions).</summary>
    public bool InstallForMembers { get; set; }

    /// <summary>The Teams app's id in the org catalog (for <see cref="InstallForMembers"/>).</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>HMAC-SHA256 key (base64, at least 32 bytes) for the .ics and CSV links. Required in Production; generated per process otherwise.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>GovBot's public address, for links in cards (e.g. https://govbot.example.org).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a calendar link on a notice card works.</summary>
    public TimeSpan CalendarLinkLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a CSV export link works.</summary>
    public TimeSpan ReportLinkLifetime { get; set; } = TimeSpan.FromHours(1);
}

internal sealed class NoticeOptionsValidator(IHostEnvironment environment) : IValidateOptions<NoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, NoticeOptions o)
    {
        var errors = new List<string>();
        if (o.ConversationRatePerSecond is <= 0 or > 14) errors.Add("Notices:ConversationRatePerSecond must be above 0 and at most 14.");
        if (o.TenantRatePerSecond is <= 0 or > 10_000) errors.Add("Notices:TenantRatePerSecond must be above 0.");
        if (o.MaxParallelSends is < 1 or > 64) errors.Add("Notices:MaxParallelSends must be 1-64.");
        if (o.VisibilityTimeout < TimeSpan.FromSeconds(1) || o.VisibilityTimeout > TimeSpan.FromHours(1)) errors.Add("Notices:VisibilityTimeout must be between 1 second and 1 hour.");
        if (o.SendingGrace < TimeSpan.FromSeconds(2)) errors.Add("Notices:SendingGrace must be at least 2 seconds (a send may take half of it).");
        if (o.MaxDequeueCount is < 1 or > 100) errors.Add("Notices:MaxDequeueCount must be 1-100.");
        if (o.QueueName is { Length: > 0 } q && !System.Text.RegularExpressions.Regex.IsMatch(q, "^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$"))
            errors.Add("Notices:QueueName must be 3-63 lower-case letters, digits and single hyphens.");
        if (o.InstallForMembers && string.IsNullOrWhiteSpace(o.TeamsAppId)) errors.Add("Notices:TeamsAppId is required when Notices:InstallForMembers is true.");
        if (o.LinkSigningKey is { Length: > 0 } key && !NoticeLinks.TryDecodeKey(key, out _)) errors.Add("Notices:LinkSigningKey must be base64 of at least 32 bytes.");
        if (environment.IsProduction() && string.IsNullOrEmpty(o.LinkSigningKey)) errors.Add("Notices:LinkSigningKey is required in Production.");
        if (environment.IsProduction() && o.PublicBaseUrl is null) errors.Add("Notices:PublicBaseUrl is required in Production.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
