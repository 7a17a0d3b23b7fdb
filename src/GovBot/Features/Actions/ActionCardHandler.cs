using GovBot.Cards;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Bot;
using GovBot.Clock;
using GovBot.Connector;
using GovBot.Storage;

namespace GovBot.Features.Actions;

/// <summary>
/// Buttons on an action's card (Action.Execute): show it, post an update, recommend closure, and for the PMO close,
/// reopen and change the due date. Reads the payload defensively, hands the change to <see cref="ActionCommands"/>
/// (which decides who may do what from the stored action) and draws the answer with <see cref="ActionCards"/>.
/// </summary>
internal sealed partial class ActionCardHandler(CallerResolver callers, ActionQueries queries, ActionCommands commands, TimeProvider clock) : ICardActionHandler
{
    public static readonly IReadOnlyList<string> Verbs =
    [
        ActionCards.ShowVerb, ActionCards.UpdateVerb, ActionCards.RecommendCloseVerb,
        ActionCards.CloseVerb, ActionCards.ReopenVerb, ActionCards.ChangeDueVerb,
    ];

    internal const int MaxUpdateLength = 1000;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        // Validate the payload before anything is read or changed.
        if (CardData.String(action.Data, "ref") is not { } reference || !RefPattern().IsMatch(reference))
        {
            return InvokeResponse.Error(400, "BadRequest", "This button does not say which action it is for. Ask me for the action again, e.g. \"DAG33-04\".");
        }
        var (command, problem) = ReadCommand(action);
        if (problem is not null) return InvokeResponse.Error(400, "BadRequest", problem);
        // GovBot's cards carry the entity tag they were drawn from; anything else (a wildcard "*" would skip the
        // conflict check altogether) is a damaged or hand-made payload.
        if (!HasUsableETag(action.Data))
        {
            return InvokeResponse.Error(400, "BadRequest", $"This card is out of date or damaged, so nothing was changed. Ask me for the action again, e.g. \"{reference}\".");
        }

        var caller = await callers.ResolveAsync(turn.Activity, cancellationToken);
        if (command is null)
        {
            // Showing reads only: it never waits behind changes.
            var shown = await queries.GetAsync(reference, cancellationToken);
            return shown is null ? NotFound(reference) : InvokeResponse.Card(Detail(shown, caller));
        }

        var today = UkTime.Today(clock);
        return await commands.ExecuteAsync(reference, command, caller, CardData.String(action.Data, "etag"), cancellationToken) switch
        {
            ActionCommandResult.Saved saved => InvokeResponse.Card(Detail(saved.Action, caller)),
            ActionCommandResult.Conflict conflict => InvokeResponse.Card(ActionCards.Conflict(
                conflict.Latest.Value, today, ActionPermissions.For(caller, conflict.Latest.Value).Buttons, conflict.Latest.ETag.ToString())),
            ActionCommandResult.Refused refused => InvokeResponse.Error(403, "Forbidden", refused.Reason),
            _ => NotFound(reference),
        };
    }

    private System.Text.Json.Nodes.JsonObject Detail(Versioned<ActionItem> stored, Caller caller) =>
        ActionCards.Detail(stored.Value, UkTime.Today(clock), ActionPermissions.For(caller, stored.Value).Buttons, etag: stored.ETag.ToString());

    private static InvokeResponse NotFound(string reference) => InvokeResponse.Error(404, "NotFound", $"I can't find action {reference} any more.");

    /// <summary>The change a button asks for (null for "show"), or why its inputs cannot be used.</summary>
    private static (ActionCommand? Command, string? Problem) ReadCommand(CardAction action)
    {
        switch (action.Verb)
        {
            case ActionCards.UpdateVerb:
                // Control characters never belong in an update, and one of nothing visible is no update.
                var text = CardData.String(action.Data, ActionCards.UpdateTextInputId) is { } typed
                    ? new string([.. typed.Where(c => !char.IsControl(c) || c is '\n' or '\t')]).Trim()
                    : null;
                if (text is null || text.All(Invisible)) return (null, "Write the update before saving.");
                if (text.Length > MaxUpdateLength) return (null, $"Updates can be at most {MaxUpdateLength:N0} characters; this one has {text.Length:N0}.");
                return (new ActionCommand(ActionOperation.Update, Text: text), null);
            case ActionCards.ChangeDueVerb:
                var raw = CardData.String(action.Data, ActionCards.NewDueInputId);
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                    return (null, "Choose the new due date from the date picker.");
                return (new ActionCommand(ActionOperation.ChangeDue, Due: due), null);
            case ActionCards.RecommendCloseVerb: return (new ActionCommand(ActionOperation.RecommendClose), null);
            case ActionCards.CloseVerb: return (new ActionCommand(ActionOperation.Close), null);
            case ActionCards.ReopenVerb: return (new ActionCommand(ActionOperation.Reopen), null);
            case ActionCards.ShowVerb: return (null, null);
            default: return (null, "This button is not one GovBot knows.");
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
