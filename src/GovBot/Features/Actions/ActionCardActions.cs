using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Connector;
using GovBot.Storage;
using CardAction = GovBot.Connector.CardAction;

namespace GovBot.Features.Actions;

/// <summary>
/// Buttons on an action's card (Action.Execute): show it, post an update, recommend closure, and for the PMO close,
/// reopen and change the due date. Who may do what is decided here, from the caller's identity and the stored
/// action, whatever the card payload says; every change is ETag-checked and recorded in the action's history.
/// </summary>
public sealed partial class ActionCardActions(CallerResolver callers, ActionStore store, ActionAnswers answers, ActionWriteLocks locks, TimeProvider clock) : ICardActionHandler
{
    public static readonly IReadOnlyList<string> Verbs =
    [
        ActionCards.ShowVerb, ActionCards.UpdateVerb, ActionCards.RecommendCloseVerb,
        ActionCards.CloseVerb, ActionCards.ReopenVerb, ActionCards.ChangeDueVerb,
    ];

    internal const int MaxUpdateLength = 1000;

    /// <summary>Attempts for a change not tied to a card's ETag, when another instance changed the action meanwhile.</summary>
    private const int MaxAttempts = 10;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        // Validate the payload before anything is read or changed.
        if (CardData.String(action.Data, "ref") is not { } reference || !RefPattern().IsMatch(reference))
        {
            return InvokeResponse.Error(400, "BadRequest", "This button does not say which action it is for. Ask me for the action again, e.g. \"DAG33-04\".");
        }
        var input = ReadInput(action);
        if (input.Problem is { } problem) return InvokeResponse.Error(400, "BadRequest", problem);
        // GovBot's cards carry the entity tag they were drawn from; anything else (a wildcard "*" would skip the
        // conflict check altogether) is a damaged or hand-made payload.
        if (!HasUsableETag(action.Data))
        {
            return InvokeResponse.Error(400, "BadRequest", $"This card is out of date or damaged, so nothing was changed. Ask me for the action again, e.g. \"{reference}\".");
        }

        var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
        if (action.Verb == ActionCards.ShowVerb)
        {
            // Showing reads only: it never waits behind changes.
            var shown = await store.GetAsync(reference, cancellationToken);
            return shown is null
                ? InvokeResponse.Error(404, "NotFound", $"I can't find action {reference} any more.")
                : InvokeResponse.Card(answers.Detail(shown.Value, caller, shown.ETag.ToString()));
        }

        // Changes to one action take turns within this instance (instances still meet at the ETag): contenders
        // retrying against one row would cost n² attempts and miss Teams' invoke deadline.
        var stripe = locks.For(reference);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            return await HandleLockedAsync(action, reference, input, caller, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<InvokeResponse> HandleLockedAsync(CardAction action, string reference, Input input, Caller caller, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(reference, cancellationToken);
        if (stored is null) return InvokeResponse.Error(404, "NotFound", $"I can't find action {reference} any more.");
        if (Refusal(action.Verb, stored.Value, caller) is { } refusal) return InvokeResponse.Error(403, "Forbidden", refusal);

        // The card carries the ETag it was drawn from: a change made since then is a conflict, not an overwrite.
        // Without one (an update typed into a fresh form) nothing was read from a stale view, so the change is
        // re-applied to the latest version: fifty owners posting at once all land in the history.
        var cardETag = CardData.String(action.Data, "etag");
        // A card drawn from an older version is a conflict already: say so before anything is written (the store
        // writes index pointers ahead of the ETag-checked row, so a doomed attempt would still write and undo them).
        if (cardETag is not null && cardETag != stored.ETag.ToString()) return Conflict(stored, caller);
        var current = cardETag is not null ? stored with { ETag = new ETag(cardETag) } : stored;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var saved = await store.UpdateAsync(current, Apply(action.Verb, current.Value, input, caller), cancellationToken);
                return InvokeResponse.Card(answers.Detail(saved.Value, caller, saved.ETag.ToString()));
            }
            catch (ConcurrencyConflictException<ActionItem> conflict) when (conflict.Latest is { } latest)
            {
                if (cardETag is null && attempt < MaxAttempts && Refusal(action.Verb, latest.Value, caller) is null)
                {
                    current = latest;
                    continue;
                }
                return Conflict(latest, caller);
            }
        }
    }

    /// <summary>The latest version of the action, headed by a note that the caller's change was not saved.</summary>
    private InvokeResponse Conflict(Versioned<ActionItem> latest, Caller caller)
    {
        var card = answers.Detail(latest.Value, caller, latest.ETag.ToString());
        card["body"]!.AsArray().Insert(0, new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = "**Someone else just changed this action.** Here is the latest version; your change was not saved.",
            ["wrap"] = true,
            ["color"] = "Attention",
        });
        return InvokeResponse.Card(card);
    }

    /// <summary>Null when the caller may use this button on this action; otherwise a polite reason.</summary>
    private static string? Refusal(string verb, ActionItem action, Caller caller)
    {
        var isOwner = caller.OwnershipReason(action) is not null;
        return verb switch
        {
            ActionCards.UpdateVerb when !isOwner && !caller.IsPmo => "Only the action's owners (or the PMO) can post an update on it.",
            ActionCards.RecommendCloseVerb when !isOwner => "Only the action's owners can recommend it for closure.",
            ActionCards.RecommendCloseVerb when action.Status is ActionStatus.Closed or ActionStatus.RecommendClosed => "This action is already closed or recommended for closure.",
            ActionCards.CloseVerb or ActionCards.ReopenVerb or ActionCards.ChangeDueVerb when !caller.IsPmo => "Only the PMO can close, reopen or re-date actions.",
            ActionCards.CloseVerb when action.IsClosed => "This action is already closed.",
            ActionCards.ReopenVerb when !action.IsClosed => "This action is not closed.",
            ActionCards.UpdateVerb or ActionCards.RecommendCloseVerb or ActionCards.ChangeDueVerb when action.IsClosed => "This action is closed. The PMO can reopen it.",
            _ => null,
        };
    }

    private ActionItem Apply(string verb, ActionItem action, Input input, Caller caller)
    {
        var now = clock.GetUtcNow();
        ActionUpdate Entry(string text, ActionStatus? status = null, DateOnly? due = null) =>
            new(now, caller.Person?.Id, caller.DisplayName, text, status, due);

        return verb switch
        {
            ActionCards.UpdateVerb => action with
            {
                LatestUpdate = input.Text,
                History = [.. action.History, Entry(input.Text!)],
            },
            ActionCards.RecommendCloseVerb => action with
            {
                Status = ActionStatus.RecommendClosed,
                History = [.. action.History, Entry("Recommended for closure", ActionStatus.RecommendClosed)],
            },
            ActionCards.CloseVerb => action with
            {
                Status = ActionStatus.Closed,
                History = [.. action.History, Entry("Closed", ActionStatus.Closed)],
            },
            ActionCards.ReopenVerb => action with
            {
                Status = ActionStatus.Open,
                History = [.. action.History, Entry("Reopened", ActionStatus.Open)],
            },
            ActionCards.ChangeDueVerb => action with
            {
                Due = input.Due,
                History = [.. action.History, Entry($"Due date changed to {UkFormat.Date(input.Due!.Value)}", due: input.Due)],
            },
            _ => throw new InvalidOperationException($"No change for verb {verb}."),
        };
    }

    private sealed record Input(string? Text, DateOnly? Due, string? Problem);

    private static Input ReadInput(CardAction action)
    {
        switch (action.Verb)
        {
            case ActionCards.UpdateVerb:
                // Control characters never belong in an update, and one of nothing visible is no update.
                var text = CardData.String(action.Data, ActionCards.UpdateTextInputId) is { } typed
                    ? new string([.. typed.Where(c => !char.IsControl(c) || c is '\n' or '\t')]).Trim()
                    : null;
                if (text is null || text.All(Invisible)) return new(null, null, "Write the update before saving.");
                if (text.Length > MaxUpdateLength) return new(null, null, $"Updates can be at most {MaxUpdateLength:N0} characters; this one has {text.Length:N0}.");
                return new(text, null, null);
            case ActionCards.ChangeDueVerb:
                var raw = CardData.String(action.Data, ActionCards.NewDueInputId);
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                    return new(null, null, "Choose the new due date from the date picker.");
                return new(null, due, null);
            default:
                return new(null, null, null);
        }
    }

    private static bool Invisible(char c) =>
        char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark;

    [GeneratedRegex(@"^[A-Z]{2,8}\d{1,3}(\.\d{1,2})?-\d{2}$")]
    private static partial Regex RefPattern();

    /// <summary>No "etag" (or an empty one: a card drawn without one), or a well-formed entity tag; never any other value.</summary>
    private static bool HasUsableETag(JsonElement data) =>
        data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("etag", out var etag) || etag.ValueKind == JsonValueKind.Null
        || (etag.ValueKind == JsonValueKind.String && etag.GetString() is { } text && (text.Length == 0 || EntityTagPattern().IsMatch(text)));

    /// <summary>A strong or weak entity tag ("…" or W/"…") as storage gives them: printable, no wildcard.</summary>
    [GeneratedRegex(@"^(?:W/)?""[\x21\x23-\x7E]{1,200}""$")]
    private static partial Regex EntityTagPattern();
}

/// <summary>One app instance's locks for changing actions, striped by ref: bounded memory, and unrelated actions rarely wait for each other.</summary>
public sealed class ActionWriteLocks
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public SemaphoreSlim For(string reference) => _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(reference) % _stripes.Length)];
}
