using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovBot.Hosting;

public static class GovBotHostingExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Health checks: liveness has none; readiness checks storage.</summary>
    public static IServiceCollection AddGovBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// /healthz: 200 while the process runs. /readyz: 200 when storage answers, else 503. Both bodies are just
    /// "Healthy" / "Unhealthy": no details for anonymous callers.
    /// </summary>
    public static IEndpointRouteBuilder MapGovBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
