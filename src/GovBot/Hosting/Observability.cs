using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GovBot.Hosting;

/// <summary>GovBot's own traces and metrics; everything else comes from ASP.NET Core and HttpClient instrumentation.</summary>
public static class GovBotTelemetry
{
    public const string Name = "GovBot";
    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);
}

public static class ObservabilityExtensions
{
    /// <summary>
    /// OpenTelemetry traces, metrics and logs. Export is configuration-driven: the OTLP exporter is on when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variable; protocol, headers and the rest are read by the SDK too).
    /// No message text, tokens or URLs with conversation ids are recorded.
    /// </summary>
    public static WebApplicationBuilder AddGovBotObservability(this WebApplicationBuilder builder)
    {
        var otlpEnabled = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = false;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(GovBotTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(GovBotTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(options =>
                {
                    options.RecordException = false;
                    // Connector and Graph paths carry conversation and user ids: keep only scheme and host.
                    options.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { } uri)
                        {
                            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/");
                            activity.DisplayName = $"{request.Method} {uri.Authority}";
                        }
                    };
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(GovBotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (otlpEnabled)
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
