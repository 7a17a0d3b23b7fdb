using GovBot.Bot;
using GovBot.Clock;
using GovBot.Features.Conversations;
using GovBot.Features.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

internal static class NoticeServiceCollectionExtensions
{
    public const string GraphHttpClient = "GovBot.Graph";

    /// <summary>
    /// Meeting notices: options "Notices" (validated at start), the store, ledger and queue, the dispatcher (sending
    /// through the shared outbox), the queue worker and the signed links. <see cref="NoticesFeature"/> adds the
    /// questions, answers and card verbs; the link endpoints are mapped by <see cref="MapGovBotNotices"/>.
    /// </summary>
    public static IServiceCollection AddGovBotNotices(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NoticeOptions>, NoticeOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddConversations();
        services.AddOutbox();
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<INoticeLedger, NoticeLedger>();
        services.AddSingleton<AzureNoticeQueue>();
        services.AddSingleton<INoticeQueue>(sp => sp.GetRequiredService<AzureNoticeQueue>());
        services.AddSingleton<NoticeLinks>();
        services.AddSingleton<NoticeProgress>();
        services.AddSingleton<NoticeDispatcher>();
        services.AddSingleton<NoticeService>();
        services.AddSingleton<NoticeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeWorker>());
        services.AddHttpClient(GraphHttpClient);
        services.AddSingleton<ITeamsAppInstaller>(sp => new GraphTeamsAppInstaller(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(GraphHttpClient), new Azure.Identity.DefaultAzureCredential(),
            sp.GetRequiredService<IOptions<NoticeOptions>>(), sp.GetRequiredService<ILogger<GraphTeamsAppInstaller>>()));
        return services;
    }

    /// <summary>The signed links: <c>GET /notices/{n}/calendar.ics</c> and <c>GET /notices/{n}/report.csv</c> (both need exp and sig).</summary>
    public static IEndpointRouteBuilder MapGovBotNotices(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notices/{number:int}/calendar.ics", async (int number, string? exp, string? sig, NoticeLinks links, NoticeStore notices, TimeProvider clock, CancellationToken ct) =>
        {
            if (!links.Verify(NoticeLinks.CalendarPath(number), exp, sig)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (await notices.GetAsync(number, ct) is not { Notice: { Status: not NoticeStatus.Draft } notice }) return Results.NotFound();
            return Results.File(System.Text.Encoding.UTF8.GetBytes(NoticeFiles.Calendar(notice, clock.GetUtcNow())), "text/calendar; charset=utf-8", $"notice-{number}.ics");
        });
        app.MapGet("/notices/{number:int}/report.csv", async (int number, string? exp, string? sig, NoticeLinks links, NoticeStore notices, INoticeLedger ledger, CancellationToken ct) =>
        {
            if (!links.Verify(NoticeLinks.ReportPath(number), exp, sig)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (await notices.GetAsync(number, ct) is not { Notice: { Status: not NoticeStatus.Draft } notice }) return Results.NotFound();
            var csv = NoticeFiles.ReportCsv(notice, await ledger.ListAsync(number, ct), await notices.ListResponsesAsync(number, ct));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"notice-{number}-report.csv");
        });
        return app;
    }
}
