using GovBot.Storage;

namespace GovBot.Features.Groups;

/// <summary>Governance groups in table storage, by code (active and historic); see <see cref="GroupTable"/>.</summary>
public sealed class GroupStore(GovBotTables tables) : SinglePartitionStore<Group>(tables, GroupTable.Mapping, GroupTable.Partition, "Group");
