namespace GovBot.Features.Events;

/// <summary>What kind of event the papers announce; the questions "next webinar", "when is the open day" ask by kind.</summary>
public enum EventKind
{
    Webinar,
    OpenDay,
    Workshop,
    Conference,
    Other,
}

/// <summary>
/// A programme event the papers announce under "Upcoming Events" (a webinar, an open day): not a governance
/// meeting. Times are UK local.
/// </summary>
/// <param name="Title">"MHHS Webinar: Change of Supplier process".</param>
/// <param name="Place">Where it is held in person; null when online only.</param>
/// <param name="Online">Online, or with an online option (a livestream).</param>
/// <param name="About">What it is about ("the Change of Supplier process"), when the papers say.</param>
/// <param name="Source">The papers that announced it ("DAG 34 papers").</param>
public sealed record ProgrammeEvent(
    DateOnly Date,
    string Title,
    EventKind Kind,
    TimeOnly? Start,
    TimeOnly? End,
    string? Place,
    bool Online,
    string? About,
    string Source)
{
    /// <summary>"open day", "webinar": the kind as members say it.</summary>
    public static string KindWords(EventKind kind) => kind switch
    {
        EventKind.Webinar => "webinar",
        EventKind.OpenDay => "open day",
        EventKind.Workshop => "workshop",
        EventKind.Conference => "conference",
        _ => "event",
    };
}
