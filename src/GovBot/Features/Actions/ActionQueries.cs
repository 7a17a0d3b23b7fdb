using GovBot.Bot;
using GovBot.Recognition;
using GovBot.Storage;

namespace GovBot.Features.Actions;

/// <summary>Reads of the action log for questions and buttons: records only, no cards.</summary>
internal sealed class ActionQueries(ActionStore actions)
{
    /// <summary>How far back "overdue" looks when no window is given: older actions stay visible through their group.</summary>
    private const int OverdueLookbackMonths = 24;

    /// <summary>The action with this ref and its ETag, or null.</summary>
    public Task<Versioned<ActionItem>?> GetAsync(string reference, CancellationToken cancellationToken) =>
        actions.GetAsync(reference, cancellationToken);

    /// <summary>
    /// The actions <paramref name="filter"/> selects as of <paramref name="today"/>, each with why it is listed
    /// ("you chair DAG", "owner: Lee Cox"). "Mine" needs a caller matched to the directory.
    /// </summary>
    public async Task<IReadOnlyList<(ActionItem Action, string Reason)>> ListAsync(
        ActionFilter filter, Caller caller, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var candidates = await LoadCandidatesAsync(filter, caller, today, cancellationToken);
        var statuses = filter.EffectiveStatuses;
        return candidates
            .Where(c => statuses.Contains(c.Action.Status))
            .Where(c => filter.GroupCode is null || c.Action.GroupCode == filter.GroupCode)
            .Where(c => !filter.Overdue || (c.Action.Due is { } due && due < today && !c.Action.IsClosed))
            .Where(c => filter.DueWindow is null || (c.Action.Due is { } d && filter.DueWindow.Contains(d)))
            .ToList();
    }

    /// <summary>One storage round trip per owner party, all at once; the candidate set is then filtered in memory.</summary>
    private async Task<IReadOnlyList<(ActionItem Action, string Reason)>> LoadCandidatesAsync(
        ActionFilter filter, Caller caller, DateOnly today, CancellationToken cancellationToken)
    {
        if (filter.Mine)
        {
            var parties = ActionPermissions.OwnerParties(caller);
            var lists = await Task.WhenAll(parties.Select(p => actions.ListByOwnerPartyAsync(p.Party, cancellationToken)));
            // An action can reach the caller several ways; the first (most personal) reason wins.
            return parties.Zip(lists)
                .SelectMany(pair => pair.Second.Select(a => (Action: a, pair.First.Reason)))
                .DistinctBy(x => x.Action.Ref)
                .ToList();
        }
        if (filter.PersonId is { } personId)
        {
            var theirs = await actions.ListByOwnerPartyAsync(new OwnerParty(OwnerPartyKind.Person, personId), cancellationToken);
            return theirs.Select(a => (a, $"owner: {a.OwnerText}")).ToList();
        }
        if (filter.GroupCode is { } group)
        {
            var groupActions = await actions.ListByGroupAsync(group, cancellationToken);
            return groupActions.Select(a => (a, $"owner: {a.OwnerText}")).ToList();
        }
        var window = filter.DueWindow
            ?? (filter.Overdue ? new DateRange(today.AddMonths(-OverdueLookbackMonths), today.AddDays(-1)) : new DateRange(today, today.AddDays(13)));
        var due = await actions.ListDueBetweenAsync(window.From, window.To, cancellationToken);
        return due.Select(a => (a, $"owner: {a.OwnerText}")).ToList();
    }
}
