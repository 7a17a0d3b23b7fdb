namespace GovBot.Features.Milestones;

/// <summary>A programme milestone such as T3-DB-0099.</summary>
public sealed record Milestone(
    string Id,
    string Title,
    string Responsible,
    DateOnly? Baseline,
    DateOnly? Forecast,
    Rag? Previous,
    Rag? Current,
    Rag? ForecastRag,
    string? Commentary)
{
    /// <summary>Days the forecast is later than the baseline (negative when early); null without both dates.</summary>
    public int? SlipDays => Baseline is { } b && Forecast is { } f ? f.DayNumber - b.DayNumber : null;
}

/// <summary>RAG status as the programme defines it; always shown in words, never colour alone.</summary>
public enum Rag
{
    /// <summary>Complete.</summary>
    Complete,
    /// <summary>Green: on track.</summary>
    OnTrack,
    /// <summary>Amber: likely to be met if issues are resolved.</summary>
    AtRisk,
    /// <summary>Red: missed, or unlikely without escalation.</summary>
    OffTrack,
}
