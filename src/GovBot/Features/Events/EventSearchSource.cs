using GovBot.Features.Search;

namespace GovBot.Features.Events;

/// <summary>Programme events (webinars, open days) in the search index, dated so "what's on next week" finds them.</summary>
public sealed class EventSearchSource(EventStore store) : ISearchSource
{
    public const string SourceName = "events";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAllAsync(cancellationToken)).Select(Document)];

    internal static SearchDocument Document(ProgrammeEvent e)
    {
        var kind = ProgrammeEvent.KindWords(e.Kind);
        var where = e.Place is { Length: > 0 } place ? (e.Online ? $"{place} and online" : place) : e.Online ? "online" : null;
        var text = string.Join(". ", new[] { e.Title, kind, e.About, where }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(SourceName, EventTable.RowKey(e), SearchKind.Event, e.Title, text)
        {
            Date = e.Date,
            Status = where,
            Citation = e.Source,
        };
    }
}
