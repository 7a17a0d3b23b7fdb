using GovBot.Features.Search;

namespace GovBot.Features.Checklist;

/// <summary>Participant checklist items in the search index: a deadline (or an information item) and where it was published.</summary>
internal sealed class ChecklistSearchSource(ChecklistStore store) : ISearchSource
{
    public const string SourceName = "checklist";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(Document)];

    internal static SearchDocument Document(ChecklistItem item)
    {
        var title = item.Text.Length > 120 ? item.Text[..119].TrimEnd() + "…" : item.Text;
        return new(SourceName, item.Id, item.Deadline is null ? SearchKind.Information : SearchKind.Deadline, title, item.Text)
        {
            Date = item.Deadline,
            Published = item.Published,
            Citation = $"{item.Source ?? "Programme"} papers · Participant Checklist · item {item.Number}",
        };
    }
}
