using GovBot.Features.Search;

namespace GovBot.Features.GroupUpdates;

/// <summary>What each group decided and discussed, as other groups' papers report it, in the search index.</summary>
public sealed class GroupUpdateSearchSource(GroupUpdateStore store) : ISearchSource
{
    public const string SourceName = "groupupdates";

    public string Name => SourceName;

    public async Task<IReadOnlyList<SearchDocument>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAllAsync(cancellationToken)).Select(Document)];

    internal static SearchDocument Document(GroupUpdate u)
    {
        var title = u.Topic.Length > 0 ? $"{u.GroupCode}: {u.Topic}" : $"{u.GroupCode} update";
        return new SearchDocument(SourceName, $"{u.GroupCode}|{GroupUpdateTable.RowKey(u.MeetingDate, u.Order)}", SearchKind.Update, title, u.Text)
        {
            // The day the group met is when it was said, not something coming up: it ranks as published, and stays
            // out of "what's on".
            Published = u.MeetingDate,
            GroupCode = u.GroupCode,
            Citation = u.Citation,
        };
    }
}
