namespace GovBot.Features.GroupUpdates;

/// <summary>Reads of group updates for questions and for the CR card: records only.</summary>
public sealed class GroupUpdateQueries(GroupUpdateStore updates)
{
    /// <summary>
    /// Updates newest first: of one group, about one CR, or both (the CR's partition filtered to the group).
    /// One partition read either way.
    /// </summary>
    public async Task<IReadOnlyList<GroupUpdate>> ListAsync(string? groupCode, string? changeRequestId, CancellationToken cancellationToken)
    {
        if (changeRequestId is not null)
        {
            var about = await updates.ListByChangeRequestAsync(changeRequestId, cancellationToken);
            return groupCode is null ? about : about.Where(u => u.GroupCode == groupCode).ToList();
        }
        return groupCode is null ? [] : await updates.ListByGroupAsync(groupCode, cancellationToken);
    }

    /// <summary>What the groups said about a CR, newest first (for its card).</summary>
    public Task<IReadOnlyList<GroupUpdate>> AboutChangeRequestAsync(string changeRequestId, CancellationToken cancellationToken) =>
        updates.ListByChangeRequestAsync(changeRequestId, cancellationToken);
}
