namespace GovBot.Features.ChangeRequests;

/// <summary>Reads of change requests for questions: records only. The table is small (one partition, ~100 rows), so lists read it whole.</summary>
internal sealed class ChangeRequestQueries(ChangeRequestStore changeRequests)
{
    public async Task<ChangeRequest?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await changeRequests.GetAsync(id, cancellationToken))?.Value;

    /// <summary>CRs at <paramref name="stage"/> (any when null), only the open ones when asked, by stage then id.</summary>
    public async Task<IReadOnlyList<ChangeRequest>> ListAsync(ChangeRequestStage? stage, bool openOnly, CancellationToken cancellationToken)
    {
        var all = await changeRequests.ListAsync(cancellationToken);
        return all
            .Where(cr => stage is null || cr.Stage == stage)
            .Where(cr => !openOnly || IsOpen(cr))
            .OrderBy(cr => cr.Stage)
            .ThenBy(cr => cr.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Open: not yet decided, or approved and still being implemented.</summary>
    private static bool IsOpen(ChangeRequest cr) =>
        cr.Stage != ChangeRequestStage.Closed && cr.Outcome is not (ChangeRequestOutcome.Rejected or ChangeRequestOutcome.Withdrawn or ChangeRequestOutcome.RescindedAndReplaced);
}
