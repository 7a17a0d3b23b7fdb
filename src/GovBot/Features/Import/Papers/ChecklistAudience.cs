using GovBot.Features.Checklist;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>What a participant-checklist item says beyond its deadline: whom it concerns, and the date an information item names.</summary>
internal static class ChecklistAudience
{
    /// <summary>The item with its constituencies read from its text and, for an information item, the date it names.</summary>
    public static PapersChecklistItem Read(PapersChecklistItem item)
    {
        var (constituencies, dated) = Read(item.Text, item.Deadline);
        return item with { Constituencies = constituencies, Dated = dated };
    }

    /// <summary>The constituencies a checklist text names, and the date it names when it has no deadline.</summary>
    public static (IReadOnlyList<string> Constituencies, DateOnly? Dated) Read(string text, DateOnly? deadline) =>
        (Constituencies.InText(text), deadline is null && DateRegex().Match(text) is { Success: true } m ? ToDate(m) : null);
}
