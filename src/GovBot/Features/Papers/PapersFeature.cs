using GovBot.Bot;

namespace GovBot.Features.Papers;

/// <summary>
/// Every imported paper kept: the original file (blob), a document record and its text as passages (tables), for
/// the importers to write and for search to read.
/// </summary>
public sealed class PapersFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<PaperStore>();
        feature.Services.AddSingleton<PaperCommands>();
        feature.Tables(PaperTables.Papers, PaperTables.PaperPassages);
    }
}
