using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Clock;
using GovBot.Features.Search;

namespace GovBot.Features.ChangeRequests;

/// <summary>Change requests in the search index, with their stage, outcome and the decisions that concern them.</summary>
internal sealed class ChangeRequestSearchSource(ChangeRequestStore store, TimeProvider clock) : ISearchSource
{
    public const string SourceName = "changerequests";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(Document)];

    /// <summary>
    /// The CR's card as inserted from the compose box: with a button that shows its current stage, since the card
    /// stays in the chat while the CR moves on.
    /// </summary>
    public async Task<JsonObject?> CardAsync(string key, Caller caller, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(key, cancellationToken) is not { } stored) return null;
        var card = ChangeRequestCards.Detail(stored.Value, UkTime.Today(clock));
        card["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = "Show the latest",
            ["verb"] = ChangeRequestCards.ShowVerb,
            ["data"] = new JsonObject { ["id"] = stored.Value.Id },
        });
        return card;
    }

    internal static SearchDocument Document(ChangeRequest cr)
    {
        var stage = ChangeRequestCards.StageWords(cr.Stage) + (cr.Outcome is { } o ? $" ({ChangeRequestCards.OutcomeWords(o)})" : "");
        var text = new[] { $"Change request {cr.Number}: {cr.Title}", cr.Summary, cr.Raiser is null ? null : $"Raised by {cr.Raiser}",
                cr.TargetRelease is null ? null : $"Target release {cr.TargetRelease}", $"Stage: {stage}",
                cr.DecisionRefs.Count > 0 ? "Decisions " + string.Join(", ", cr.DecisionRefs) : null }
            .Concat(cr.KeyDates.Select(k => k.Label));
        return new(SourceName, cr.Id, SearchKind.ChangeRequest, $"{cr.Id} {cr.Title}", string.Join(". ", text.Where(t => !string.IsNullOrWhiteSpace(t))))
        {
            Status = stage,
            // The date that matters next: the impact assessment's close, else the latest key date.
            Date = cr.ImpactAssessmentCloses ?? cr.KeyDates.Select(k => (DateOnly?)k.Date).Max(),
            Citation = "Change request register",
            // Its own number is its name: asked "CR043", the CR itself beats the papers and updates that mention it.
            Names = [cr.Id],
            Open = new SearchOpen($"Open {cr.Id}", ChangeRequestCardActions.ShowVerb, new JsonObject { ["id"] = cr.Id }),
        };
    }
}
