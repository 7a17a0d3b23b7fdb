using System.Text.Json.Nodes;
using GovBot.Clock;
using GovBot.Recognition;

namespace GovBot.Features.Search;

/// <summary>Answers from the search index: "search …", what was not understood, and "what's happening next week".</summary>
public sealed class SearchAnswers(SearchIndex index, SearchChanges changes, QuestionRecogniser recogniser, TimeProvider clock, IEnumerable<ISearchOriginalLinks> links)
{
    /// <summary>Results on the chat card: the best few, never padded with weak ones.</summary>
    public const int ChatResults = 5;

    /// <summary>Items on the "what's on" card.</summary>
    public const int WhatsHappeningItems = 15;

    public async Task<JsonObject> SearchAsync(string text, WindowMatch? window, IReadOnlyList<string>? suggestions, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var results = await FindAsync(text, window, today, 0, ChatResults, cancellationToken);
        var offered = suggestions ?? recogniser.Suggest(text);
        return results.Hits.Count == 0 ? SearchCards.NothingFound(text, offered) : SearchCards.Results(text, results, today, offered, await OriginalsAsync(results.Hits, cancellationToken));
    }

    /// <summary>Signed links to the originals of the hits that have one (passages), by document id.</summary>
    public async Task<IReadOnlyDictionary<string, Uri>> OriginalsAsync(IEnumerable<SearchHit> hits, CancellationToken cancellationToken)
    {
        // The links come from the indexed documents (see ISearchOriginalLinks): no storage read per result.
        var found = await Task.WhenAll(hits.Where(h => h.Document.DocumentId is not null).Select(async hit =>
        {
            foreach (var link in links)
            {
                if (await link.LinkAsync(hit.Document, cancellationToken) is { } uri) return (hit.Document.Id, Uri: (Uri?)uri);
            }
            return (hit.Document.Id, Uri: null);
        }));
        return found.Where(f => f.Uri is not null).ToDictionary(f => f.Id, f => f.Uri!, StringComparer.Ordinal);
    }

    /// <summary>The search behind chat, the message extension and the command line; a window in the text filters by date.</summary>
    public async Task<SearchResults> FindAsync(string text, WindowMatch? window, DateOnly today, int skip, int count, CancellationToken cancellationToken)
    {
        await changes.EnsureBuiltAsync(cancellationToken);
        var rest = QuestionText.Normalise(text);
        window ??= QuestionText.TakeWindow(ref rest, today);
        return index.Search(new SearchRequest(rest, today, skip, count) { Window = window?.Range });
    }

    public async Task<JsonObject> WhatsHappeningAsync(WhatsHappening intent, CancellationToken cancellationToken)
    {
        await changes.EnsureBuiltAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var dated = index.Documents
            .Where(d => d.Date is { } day && intent.Window.Range.Contains(day) && (intent.GroupCode is null || d.GroupCode == intent.GroupCode))
            .Where(d => d.Kind is not (SearchKind.Group or SearchKind.Person or SearchKind.Information))
            .OrderBy(d => d.Date).ThenBy(d => KindOrder(d.Kind)).ThenBy(d => d.Title, StringComparer.Ordinal)
            .ToList();
        var shown = dated.Take(WhatsHappeningItems).Select(d => new SearchHit(d, 1, 1, "")).ToList();
        return SearchCards.WhatsHappening(intent.Window, shown, dated.Count, today);
    }

    /// <summary>Within a day: meetings and events first, then deadlines, then the rest.</summary>
    private static int KindOrder(SearchKind kind) => kind switch
    {
        SearchKind.Meeting or SearchKind.Event => 0,
        SearchKind.Deadline => 1,
        SearchKind.Milestone => 2,
        SearchKind.ChangeRequest => 3,
        _ => 4,
    };
}
