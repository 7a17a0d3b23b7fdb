using GovBot.Recognition;

namespace GovBot.Features.Checklist;

/// <summary>Checklist items for an audience: deadlines in the window, then the latest checklist's information items.</summary>
/// <param name="Audience">The constituency codes asked about (or the caller's); empty with <see cref="Unknown"/> when the caller's is not known.</param>
/// <param name="Unknown">"my checklist items" from someone whose constituency GovBot cannot tell: everything is shown.</param>
internal sealed record ChecklistAudienceView(
    IReadOnlyList<string> Audience,
    bool Unknown,
    DateRange Window,
    IReadOnlyList<ChecklistItem> Deadlines,
    IReadOnlyList<ChecklistItem> Information);

/// <summary>Data for the checklist questions: records in, records out.</summary>
internal sealed class ChecklistQueries(ChecklistStore checklist)
{
    public async Task<ChecklistAudienceView> ForAudienceAsync(IReadOnlyList<string> audience, DateRange window, CancellationToken cancellationToken)
    {
        var unknown = audience.Count == 0;
        var covering = Constituencies.Covering(audience);
        bool Applies(ChecklistItem i) => unknown || i.AppliesTo(covering);
        var deadlines = (await checklist.ListWithDeadlineBetweenAsync(window.From, window.To, cancellationToken)).Where(Applies)
            .OrderBy(i => i.Deadline).ThenBy(i => i.Published).ThenBy(i => i.Number).ToList();
        // Information items have no date to window by: those of the latest checklist are the current news.
        var all = await checklist.ListAsync(cancellationToken);
        var latest = all.Where(i => i.IsInformation).Select(i => i.Published).DefaultIfEmpty().Max();
        var information = all.Where(i => i.IsInformation && i.Published == latest && Applies(i)).OrderBy(i => i.Number).ToList();
        return new(audience, unknown, window, deadlines, information);
    }
}
