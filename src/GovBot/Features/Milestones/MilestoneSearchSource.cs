using GovBot.Features.Search;

namespace GovBot.Features.Milestones;

/// <summary>Programme milestones in the search index, with their forecast and RAG status.</summary>
internal sealed class MilestoneSearchSource(MilestoneStore store) : ISearchSource
{
    public const string SourceName = "milestones";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(Document)];

    internal static SearchDocument Document(Milestone m) =>
        new(SourceName, m.Id, SearchKind.Milestone, $"{m.Id} {m.Title}", string.Join(". ", new[] { m.Title, m.Commentary, $"Responsible: {m.Responsible}" }.Where(t => !string.IsNullOrWhiteSpace(t))))
        {
            Date = m.Forecast ?? m.Baseline,
            Status = MilestoneCards.RagInWords(m.Current),
            Owner = m.Responsible,
            Citation = "Programme plan · milestones",
        };
}
