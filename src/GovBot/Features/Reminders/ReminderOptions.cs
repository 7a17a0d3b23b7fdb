using Microsoft.Extensions.Options;

namespace GovBot.Features.Reminders;

/// <summary>Configuration section "Reminders": the reminder policy and the scheduler's pace.</summary>
internal sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>False stops the scheduler (commands and stores still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler wakes up (tests use a second).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>UK local send time on working days.</summary>
    public TimeOnly SendTime { get; set; } = new(9, 0);

    /// <summary>Sent later than this after <see cref="SendTime"/>, a reminder is labelled late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Working days before a checklist deadline (0 = on the day).</summary>
    public List<int> ChecklistWorkingDaysBefore { get; set; } = [5, 1, 0];

    /// <summary>Working days before an action's due date (0 = on the due date).</summary>
    public List<int> ActionWorkingDaysBefore { get; set; } = [3, 0];

    /// <summary>The weekly overdue-actions digest goes on the first working day of the week from this day.</summary>
    public DayOfWeek OverdueDigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Actions overdue by this many working days or more go to the group's secretariat (0 turns it off).</summary>
    public int EscalateAfterWorkingDays { get; set; } = 5;

    /// <summary>How long one instance holds the dispatch lease without renewing it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A ledger entry left "Sending" longer than this (the process died mid-send) is resolved as Unknown.</summary>
    public TimeSpan SendingGrace { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Attempts per digest when Teams answers with a retryable failure after the connector's own retries.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Digests sent at once (Teams allows 50 requests a second per app and tenant).</summary>
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>Items listed on one digest card; the rest are counted.</summary>
    public int MaxItemsPerCard { get; set; } = 15;
}

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions o)
    {
        var errors = new List<string>();
        if (o.TickInterval < TimeSpan.FromMilliseconds(100) || o.TickInterval > TimeSpan.FromHours(1)) errors.Add("Reminders:TickInterval must be between 100 ms and 1 hour.");
        if (o.ChecklistWorkingDaysBefore.Any(d => d is < 0 or > 60)) errors.Add("Reminders:ChecklistWorkingDaysBefore values must be 0-60.");
        if (o.ActionWorkingDaysBefore.Any(d => d is < 0 or > 60)) errors.Add("Reminders:ActionWorkingDaysBefore values must be 0-60.");
        if (o.EscalateAfterWorkingDays is < 0 or > 250) errors.Add("Reminders:EscalateAfterWorkingDays must be 0-250.");
        if (o.LeaseDuration < TimeSpan.FromSeconds(5)) errors.Add("Reminders:LeaseDuration must be at least 5 seconds.");
        if (o.MaxAttempts is < 1 or > 10) errors.Add("Reminders:MaxAttempts must be 1-10.");
        if (o.MaxParallelSends is < 1 or > 32) errors.Add("Reminders:MaxParallelSends must be 1-32.");
        if (o.MaxItemsPerCard is < 1 or > 50) errors.Add("Reminders:MaxItemsPerCard must be 1-50.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
