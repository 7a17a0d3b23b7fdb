using GovBot.Bot;
using GovBot.Storage;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Import;

/// <summary>
/// Bringing the PMO's data in: meeting papers and CSV files, from the command line or sent to GovBot in Teams
/// (previewed on a card, written on confirmation).
/// </summary>
public sealed class ImportFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        // Files sent to the bot are downloaded with a client of their own, never the connector's (no bot token).
        feature.Services.AddHttpClient(FileDownloadClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(FileDownloadClient.CreateHandler);
        feature.Services.AddOptions<FileDownloadOptions>().BindConfiguration(FileDownloadOptions.SectionName).ValidateOnStart();
        feature.Services.AddSingleton<IValidateOptions<FileDownloadOptions>, FileDownloadOptionsValidator>();
        feature.Services.AddSingleton<FileDownloadClient>();
        feature.Services.AddSingleton<PendingImportStore>();
        feature.Services.AddSingleton<StoragePapersImportWriter>();
        feature.Services.AddSingleton<CsvImporter>();
        feature.Services.AddSingleton<FileImportReader>();
        feature.Services.AddScoped<IFileMessageHandler, FileImportHandler>();
        feature.Tables(TableNames.PendingImports)
            .CardVerbs<FileImportCardActions>(FileImportCardActions.Verbs);
    }
}
