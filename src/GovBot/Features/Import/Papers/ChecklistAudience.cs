using GovBot.Features.Checklist;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>What a participant-checklist item says beyond its deadline: whom it concerns, and the date an information item names.</summary>
internal static class ChecklistAudience
{
    /// <summary>The item with its constituencies read from its text and, for an information item, the date it names.</summary>
    public static PapersChecklistItem Read(PapersChecklistItem item)
    {
        DateOnly? dated = null;
        if (item.Deadline is null && DateRegex().Match(item.Text) is { Success: true } m) dated = ToDate(m);
        return item with { Constituencies = Constituencies.InText(item.Text), Dated = dated };
    }
}
