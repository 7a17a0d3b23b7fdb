using GovBot.Storage;

namespace GovBot.Features.ChangeRequests;

/// <summary>Change requests in table storage, by id; see <see cref="ChangeRequestTable"/>.</summary>
public sealed class ChangeRequestStore(GovBotTables tables)
    : SinglePartitionStore<ChangeRequest>(tables, ChangeRequestTable.Mapping, ChangeRequestTable.Partition, "Change request")
{
    internal static string ListFilter => TableRows.Partition(ChangeRequestTable.Partition);
}
