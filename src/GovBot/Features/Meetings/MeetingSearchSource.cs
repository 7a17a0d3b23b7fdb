using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Clock;
using GovBot.Features.Search;

namespace GovBot.Features.Meetings;

/// <summary>Meetings with their agendas and papers in the search index.</summary>
internal sealed class MeetingSearchSource(MeetingStore store, TimeProvider clock) : ISearchSource
{
    public const string SourceName = "meetings";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAllAsync(cancellationToken)).Select(Document)];

    public async Task<JsonObject?> CardAsync(string key, Caller caller, CancellationToken cancellationToken) =>
        key.Split('|') is [var group, var number] && await store.GetAsync(group, number, cancellationToken) is { } stored
            ? MeetingCards.Meeting(stored.Value, UkTime.Today(clock))
            : null;

    internal static SearchDocument Document(Meeting m)
    {
        var agenda = m.Agenda.Select(a => string.Join(" ", new[] { a.Title, a.Objective, a.Lead }.Where(t => !string.IsNullOrWhiteSpace(t))));
        var papers = m.Documents.Select(d => d.Title);
        var what = m.IsExtraordinary ? "extraordinary meeting" : "meeting";
        // Announced meetings are titled "Extraordinary SITAG meeting" already: do not say it twice.
        var title = m.Title.EndsWith("meeting", StringComparison.OrdinalIgnoreCase) ? m.Title : $"{m.Title} {what}";
        return new(SourceName, $"{m.GroupCode}|{m.Number}", SearchKind.Meeting, title,
            string.Join(". ", new[] { title, m.Location }.Concat(agenda).Concat(papers).Where(t => !string.IsNullOrWhiteSpace(t))))
        {
            Date = m.Date,
            GroupCode = m.GroupCode,
            Citation = $"{m.Title} agenda",
            Open = new SearchOpen($"Open {m.Title}", MeetingCardActions.ShowVerb, new JsonObject { ["group"] = m.GroupCode, ["number"] = m.Number }),
        };
    }
}
