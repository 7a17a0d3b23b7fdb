using GovBot.Bot;
using GovBot.Features.Search;

namespace GovBot.Features.Papers;

/// <summary>
/// Every imported paper kept: the original file (blob), a document record and its text as passages (tables), for
/// the importers to write and for search to read; passages are searchable and their originals open by signed link.
/// </summary>
public sealed class PapersFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature)
    {
        feature.Services.AddSingleton<PaperStore>();
        feature.Services.AddSingleton<PaperCommands>();
        feature.Services.AddOptions<PaperLinkOptions>()
            .Bind(feature.Configuration.GetSection(PaperLinkOptions.Section))
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                // One signing key and public address for all of GovBot's links unless the papers are given their own.
                o.LinkSigningKey ??= configuration["Notices:LinkSigningKey"];
                o.PublicBaseUrl ??= Uri.TryCreate(configuration["Notices:PublicBaseUrl"], UriKind.Absolute, out var url) ? url : null;
            });
        feature.Services.AddSingleton<PaperLinks>();
        feature.Services.AddSingleton<ISearchOriginalLinks>(sp => sp.GetRequiredService<PaperLinks>());
        feature.Services.AddSingleton<ISearchSource, PaperSearchSource>();
        feature.Tables(PaperTables.Papers, PaperTables.PaperPassages);
    }

    /// <summary><c>GET /papers/{group}/{key}/original?exp&amp;sig</c>: the original file, when the link is signed and unexpired (else 403).</summary>
    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/papers/{group}/{key}/original", async (string group, string key, string? exp, string? sig, PaperLinks links, PaperStore store, CancellationToken ct) =>
        {
            if (!links.Verify(group, key, exp, sig)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (await store.GetAsync(group, key, ct) is not { } stored) return Results.NotFound();
            var original = await store.DownloadOriginalAsync(stored.Value, ct);
            return original is null ? Results.NotFound() : Results.File(original, stored.Value.ContentType, stored.Value.FileName);
        });
}
