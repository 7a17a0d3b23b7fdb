using GovBot.Storage;

namespace GovBot.Features.Milestones;

/// <summary>Programme milestones in table storage, by id; see <see cref="MilestoneTable"/>.</summary>
internal sealed class MilestoneStore(GovBotTables tables) : SinglePartitionStore<Milestone>(tables, MilestoneTable.Mapping, MilestoneTable.Partition, "Milestone");
