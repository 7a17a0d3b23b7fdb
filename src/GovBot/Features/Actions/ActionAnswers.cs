using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Clock;
using GovBot.Recognition;

namespace GovBot.Features.Actions;

/// <summary>Answers questions about the action log: lists (mine, a group's, a person's, due in a window) and one action.</summary>
public sealed class ActionAnswers(ActionStore actions, TimeProvider clock)
{
    /// <summary>How far back "overdue" looks when no window is given: older actions stay visible through their group.</summary>
    private static readonly int OverdueLookbackMonths = 24;

    public async Task<JsonObject> ListAsync(ListActions intent, Caller caller, string query, int page, CancellationToken cancellationToken)
    {
        var filter = intent.Filter;
        var today = UkTime.Today(clock);
        if (filter.Mine && caller.Person is null)
        {
            return CommonCards.Error(
                $"I can't match you, {caller.DisplayName}, to anyone in the programme's directory, so I can't tell which actions are yours. " +
                "Ask the PMO to add you (GovBot matches people by their Microsoft Entra account or e-mail address).",
                "open DAG actions");
        }

        var candidates = await LoadCandidatesAsync(filter, caller, today, cancellationToken);
        var statuses = filter.EffectiveStatuses;
        var matching = candidates
            .Where(c => statuses.Contains(c.Action.Status))
            .Where(c => filter.GroupCode is null || c.Action.GroupCode == filter.GroupCode)
            .Where(c => !filter.Overdue || (c.Action.Due is { } due && due < today && !c.Action.IsClosed))
            .Where(c => filter.DueWindow is null || (c.Action.Due is { } d && filter.DueWindow.Contains(d)))
            .ToList();
        return ActionCards.List(matching, today, Title(filter), query, page);
    }

    /// <summary>One storage round trip per owner party, all at once; the candidate set is then filtered in memory.</summary>
    private async Task<IReadOnlyList<(ActionItem Action, string Reason)>> LoadCandidatesAsync(
        ActionFilter filter, Caller caller, DateOnly today, CancellationToken cancellationToken)
    {
        if (filter.Mine)
        {
            var parties = caller.OwnerParties();
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

    public async Task<JsonObject> ShowAsync(string reference, Caller caller, CancellationToken cancellationToken)
    {
        var stored = await actions.GetAsync(reference, cancellationToken);
        if (stored is null)
        {
            return CommonCards.Error($"I can't find action **{reference}**. Action refs look like DAG33-04: the group, the meeting number, then the row.", "my open actions");
        }
        return Detail(stored.Value, caller, stored.ETag.ToString());
    }

    public JsonObject Detail(ActionItem action, Caller caller, string etag) =>
        ActionCards.Detail(action, UkTime.Today(clock), ButtonsFor(action, caller), etag: etag);

    /// <summary>Owners may add updates and recommend closure; the PMO may close, reopen and move the due date.</summary>
    public static ActionButtons ButtonsFor(ActionItem action, Caller caller)
    {
        var buttons = ActionButtons.None;
        if (caller.OwnershipReason(action) is not null && !action.IsClosed)
            buttons |= ActionButtons.Update | ActionButtons.RecommendClose;
        if (caller.IsPmo)
            buttons |= ActionButtons.Update | ActionButtons.Close | ActionButtons.Reopen | ActionButtons.ChangeDue;
        return buttons;
    }

    private static string Title(ActionFilter filter)
    {
        var status = filter.Overdue ? "overdue"
            : filter.EffectiveStatuses.SetEquals(ActionFilter.NotClosed) ? "open"
            : string.Join(" or ", filter.Statuses.Order().Select(s => ActionCards.StatusWords(s).ToLowerInvariant()));
        var whose = filter.Mine ? "Your" : filter.PersonName is { } name ? $"{name}'s" : null;
        var group = filter.GroupCode is { } g ? $"{g} " : "";
        var window = filter.DueWindow is { } w ? $" due {UkFormat.ShortDate(w.From)} to {UkFormat.ShortDate(w.To)}" : "";
        return whose is null ? $"{Capitalise(status)} {group}actions{window}" : $"{whose} {status} {group}actions{window}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
