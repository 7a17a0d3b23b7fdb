using Azure;
using GovBot.Bot;
using GovBot.Features.Search;
using GovBot.Storage;

namespace GovBot.Features.Actions;

/// <summary>One change a caller asks for: the operation, with its text (an update) or date (a new due date).</summary>
internal sealed record ActionCommand(ActionOperation Operation, string? Text = null, DateOnly? Due = null);

/// <summary>What became of a command.</summary>
internal abstract record ActionCommandResult
{
    private ActionCommandResult() { }

    public sealed record Saved(Versioned<ActionItem> Action) : ActionCommandResult;
    public sealed record Refused(string Reason) : ActionCommandResult;
    public sealed record NotFound : ActionCommandResult;
    /// <summary>Someone else changed the action first; the caller's change was not saved.</summary>
    public sealed record Conflict(Versioned<ActionItem> Latest) : ActionCommandResult;
}

/// <summary>
/// Changes to actions: checked against <see cref="ActionPermissions"/> on the stored action, applied with the
/// action's own methods (so each lands in its history) and written under the ETag.
/// </summary>
internal sealed class ActionCommands(ActionStore store, ActionWriteLocks locks, TimeProvider clock, SearchChanges? search = null)
{
    /// <summary>Attempts for a change not tied to a card's ETag, when another instance changed the action meanwhile.</summary>
    internal const int MaxAttempts = 10;

    /// <param name="cardETag">The ETag of the version the caller was shown, or null (a fresh form: apply to the latest).</param>
    public async Task<ActionCommandResult> ExecuteAsync(string reference, ActionCommand command, Caller caller, string? cardETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(caller);
        // Changes to one action take turns within this instance (instances still meet at the ETag): contenders
        // retrying against one row would cost n² attempts and miss Teams' invoke deadline.
        var stripe = locks.For(reference);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var result = await ExecuteLockedAsync(reference, command, caller, cardETag, cancellationToken);
            if (result is ActionCommandResult.Saved && search is not null) await search.ChangedAsync(ActionSearchSource.SourceName, [reference], cancellationToken);
            return result;
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<ActionCommandResult> ExecuteLockedAsync(string reference, ActionCommand command, Caller caller, string? cardETag, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(reference, cancellationToken);
        if (stored is null) return new ActionCommandResult.NotFound();
        if (ActionPermissions.For(caller, stored.Value).Refusal(command.Operation) is { } refusal) return new ActionCommandResult.Refused(refusal);

        // The card carries the ETag it was drawn from: a change made since then is a conflict, not an overwrite.
        // Say so before anything is written (the store writes index pointers ahead of the ETag-checked row, so a
        // doomed attempt would still write and undo them). Without one (an update typed into a fresh form) nothing
        // was read from a stale view, so the change is re-applied to the latest version: fifty owners posting at
        // once all land in the history.
        if (cardETag is not null && cardETag != stored.ETag.ToString()) return new ActionCommandResult.Conflict(stored);
        var current = cardETag is not null ? stored with { ETag = new ETag(cardETag) } : stored;

        var by = new ActionAuthor(caller.Person?.Id, caller.DisplayName);
        var now = clock.GetUtcNow();
        try
        {
            var result = await ETagUpdate.UpdateAsync(store.Row(reference), latest =>
                    latest is null ? new Planned<ActionItem, bool>(null, false)
                    // A version that arrived meanwhile may forbid the change (closed by the PMO): then it is a conflict.
                    : ActionPermissions.For(caller, latest).Allows(command.Operation) ? new(Apply(command, latest, by, now), true)
                    : new(null, false),
                cardETag is null ? MaxAttempts : 1, cancellationToken, alreadyRead: current);
            return result switch
            {
                { Written: true, Value: { } saved } => new ActionCommandResult.Saved(saved),
                { Value: { } latest } => new ActionCommandResult.Conflict(latest),
                _ => new ActionCommandResult.NotFound(),
            };
        }
        catch (ConcurrencyRetriesExhaustedException<ActionItem> gaveUp) when (gaveUp.Latest is { } latest)
        {
            return new ActionCommandResult.Conflict(latest);
        }
    }

    /// <summary>The action after the command, recorded in its history.</summary>
    internal static ActionItem Apply(ActionCommand command, ActionItem action, ActionAuthor by, DateTimeOffset at) => command.Operation switch
    {
        ActionOperation.Update => action.WithUpdate(command.Text ?? throw new ArgumentException("An update needs its text.", nameof(command)), by, at),
        ActionOperation.RecommendClose => action.RecommendedForClosure(by, at),
        ActionOperation.Close => action.Closed(by, at),
        ActionOperation.Reopen => action.Reopened(by, at),
        ActionOperation.ChangeDue => action.WithDue(command.Due ?? throw new ArgumentException("A new due date is needed.", nameof(command)), by, at),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.Operation, "Unknown operation."),
    };
}

/// <summary>One app instance's locks for changing actions, striped by ref: bounded memory, and unrelated actions rarely wait for each other.</summary>
internal sealed class ActionWriteLocks
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public SemaphoreSlim For(string reference) => _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(reference) % _stripes.Length)];
}
