using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Clock;
using GovBot.Features.Search;

namespace GovBot.Features.Actions;

/// <summary>The action log in the search index: an action with its owner, due date and status.</summary>
internal sealed class ActionSearchSource(ActionStore store, ActionQueries queries, TimeProvider clock) : ISearchSource
{
    public const string SourceName = "actions";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAllAsync(cancellationToken)).Select(Document)];

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new List<SearchDocument>();
        foreach (var key in keys)
        {
            if (await store.GetAsync(key, cancellationToken) is { } stored) found.Add(Document(stored.Value));
        }
        return found;
    }

    /// <summary>The action's own card, with the buttons this caller may use (checked again on the server when pressed).</summary>
    public async Task<JsonObject?> CardAsync(string key, Caller caller, CancellationToken cancellationToken) =>
        await queries.GetAsync(key, cancellationToken) is { } stored
            ? ActionCards.Detail(stored.Value, UkTime.Today(clock), ActionPermissions.For(caller, stored.Value).Buttons, etag: stored.ETag.ToString())
            : null;

    internal static SearchDocument Document(ActionItem a) => new(SourceName, a.Ref, SearchKind.Action, $"{a.Ref} {a.Text}", string.Join(" ", new[] { a.Text, a.LatestUpdate, a.OwnerText }.Where(t => !string.IsNullOrWhiteSpace(t))))
    {
        Date = a.IsClosed ? null : a.Due,
        Status = ActionCards.StatusWords(a.Status),
        Owner = a.OwnerText,
        GroupCode = a.GroupCode,
        Citation = a.MeetingNumber is { } n ? $"{a.GroupCode} action log · raised at {a.GroupCode} {n}" : $"{a.GroupCode} action log",
        Open = new SearchOpen($"Open {a.Ref}", ActionCards.ShowVerb, new JsonObject { ["ref"] = a.Ref }),
    };
}
