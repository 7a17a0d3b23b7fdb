using GovBot.Cards;

namespace GovBot.Features.GroupUpdates;

/// <summary>
/// One topic of a governance group's update as another group's papers report it: "PSG, 7 February 2024: CR042
/// Decision – The PSG approved CR042 …" from the DAG 34 papers.
/// </summary>
/// <param name="GroupCode">The group that met and decided or discussed ("PSG").</param>
/// <param name="MeetingDate">The day that group met.</param>
/// <param name="Order">1-based position of the topic in that group's update.</param>
/// <param name="Topic">The topic's heading ("CR042 Decision"); empty when the papers give none.</param>
/// <param name="Source">The papers that reported it ("DAG 34 papers").</param>
/// <param name="ChangeRequests">CRs it mentions ("CR042").</param>
/// <param name="Releases">Releases it mentions ("Interim Release 8").</param>
/// <param name="Documents">Documents it mentions ("MHHS-DEL540", "Data Cleanse Plan v2.0", "SITAG Terms of Reference").</param>
public sealed record GroupUpdate(
    string GroupCode,
    DateOnly MeetingDate,
    int Order,
    string Topic,
    string Text,
    string Source,
    IReadOnlyList<string> ChangeRequests,
    IReadOnlyList<string> Releases,
    IReadOnlyList<string> Documents)
{
    /// <summary>"PSG, 1 February 2023 · DAG 14 papers": who said it, when, and where GovBot read it.</summary>
    public string Citation => $"{GroupCode}, {MeetingDate.Day} {UkFormat.MonthName(MeetingDate.Month)} {MeetingDate.Year} · {Source}";
}
