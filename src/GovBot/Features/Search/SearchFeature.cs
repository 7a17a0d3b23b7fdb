using GovBot.Bot;
using GovBot.Connector;
using GovBot.Features.Help;
using GovBot.Recognition;
using GovBot.Storage;

namespace GovBot.Features.Search;

/// <summary>
/// Search over everything GovBot knows: each feature adds its records through an <see cref="ISearchSource"/>; this
/// module keeps the in-memory index (built at start, updated on every change, caught up from other instances),
/// answers "search …", "what's happening next week" and what nobody understood, and serves the message extension.
/// </summary>
public sealed class SearchFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddOptions<SearchOptions>().Bind(feature.Configuration.GetSection(SearchOptions.Section));
        feature.Services.AddSingleton<SearchIndex>();
        feature.Services.AddSingleton<SearchVersionStore>();
        feature.Services.AddSingleton<SearchChanges>();
        feature.Services.AddSingleton<SearchAnswers>();
        feature.Services.AddHostedService<SearchIndexService>();
        feature.Tables(TableNames.SearchVersions)
            .Questions(SearchGrammar.Register)
            .Answer<SearchFor, SearchAnswers>((answers, intent, _, ct) => answers.SearchAsync(intent.Text, intent.Window, null, ct))
            .Answer<WhatsHappening, SearchAnswers>((answers, intent, _, ct) => answers.WhatsHappeningAsync(intent, ct))
            // Not understood by any rule: perhaps the records or papers say it. Nothing above the threshold → help.
            .Answer<Unknown, SearchAnswers>((answers, unknown, ask, ct) => answers.SearchAsync(QuestionText.Cut(ask.Text), null, unknown.Suggestions, ct))
            .Invoke<SearchMessageExtension>(MessageExtensionInvokes.Query)
            .Invoke<SearchMessageExtensionSelect>(MessageExtensionInvokes.SelectItem);
    }
}
