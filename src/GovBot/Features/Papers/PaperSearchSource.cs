using GovBot.Features.Search;

namespace GovBot.Features.Papers;

/// <summary>
/// The current version of every paper's passages in the search index: one document per passage, citing the papers,
/// the section and the page ("DAG 34 papers · Participant Checklist · page 12").
/// </summary>
public sealed class PaperSearchSource(PaperStore store) : ISearchSource
{
    public const string SourceName = "passages";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var papers = (await store.ListAsync(cancellationToken)).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var documents = new List<SearchDocument>();
        await foreach (var (version, passage) in store.AllPassagesAsync(cancellationToken))
        {
            // Older versions' rows stay in the table (every version is kept); only the current one is searched.
            if (papers.TryGetValue(passage.PaperKey, out var paper) && PaperStore.VersionOf(paper.ContentHash) == version)
            {
                documents.Add(Document(paper, passage));
            }
        }
        return documents;
    }

    public static string Key(PaperPassage passage) => $"{passage.PaperKey}|{passage.Order}";

    /// <summary>"DAG 34 papers" when the papers say which meeting, else the paper's title.</summary>
    public static string PapersName(Paper paper) =>
        paper.GroupCode != PaperKeys.NoGroup && paper.MeetingNumber is { Length: > 0 } number ? $"{paper.GroupCode} {number} papers" : paper.Title;

    internal static SearchDocument Document(Paper paper, PaperPassage passage)
    {
        var section = passage.Headings.Count > 0 ? passage.Headings[^1] : null;
        var citation = string.Join(" · ", new[] { PapersName(paper), section, passage.Page is { } page ? $"page {page}" : null }.Where(p => p is not null));
        return new SearchDocument(SourceName, Key(passage), SearchKind.Passage, section ?? paper.Title, passage.Text)
        {
            Published = paper.MeetingDate,
            GroupCode = paper.GroupCode == PaperKeys.NoGroup ? null : paper.GroupCode,
            Heading = passage.Headings.Count > 0 ? string.Join(" › ", passage.Headings) : null,
            Page = passage.Page,
            DocumentId = paper.Key,
            HasOriginal = paper.BlobName.Length > 0,
            Citation = citation,
        };
    }
}
