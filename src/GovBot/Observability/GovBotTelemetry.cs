using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GovBot.Observability;

/// <summary>
/// OpenTelemetry traces, metrics and logs for GovBot. Export is configuration-driven: over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variable; protocol and headers are read by the SDK too), to
/// Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (infra/main.bicep sets it), and to nothing
/// otherwise (local runs, tests). No message text, tokens, or URLs with conversation or user ids are recorded.
/// With APPLICATIONINSIGHTS_AUTHENTICATION_STRING = "Authorization=AAD;ClientId=..." the exporter signs in as that
/// user-assigned managed identity (it holds Monitoring Metrics Publisher on the App Insights resource).
/// </summary>
public static class GovBotTelemetry
{
    public const string SourceName = "GovBot";
    public const string DefaultServiceName = "govbot";

    /// <summary>Spans for GovBot's own work (activity handling, reminders, imports).</summary>
    public static readonly ActivitySource ActivitySource = new(SourceName);

    /// <summary>GovBot's own counters and histograms.</summary>
    public static readonly Meter Meter = new(SourceName);

    public static WebApplicationBuilder AddGovBotTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName,
                serviceVersion: typeof(GovBotTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(o =>
                {
                    o.RecordException = false;
                    // Connector and Graph paths carry conversation and user ids: keep only scheme and host.
                    o.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { } uri)
                        {
                            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/");
                            activity.DisplayName = $"{request.Method} {uri.Authority}";
                        }
                    };
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(SourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"))
            .WithLogging(configureBuilder: null, configureOptions: o => o.IncludeFormattedMessage = true);

        if (UsesOtlp(configuration))
        {
            otel.UseOtlpExporter();
        }
        if (UsesAzureMonitor(configuration))
        {
            otel.UseAzureMonitorExporter(options => ConfigureAzureMonitor(options, configuration));
        }

        return builder;
    }

    public static bool UsesOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    public static bool UsesAzureMonitor(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);

    public static void ConfigureAzureMonitor(AzureMonitorExporterOptions options, IConfiguration configuration)
    {
        options.ConnectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var credential = EntraCredential(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        if (credential is not null)
        {
            options.Credential = credential;
        }
    }

    /// <summary>"Authorization=AAD;ClientId=&lt;guid&gt;" -> that user-assigned identity; "Authorization=AAD" -> system identity; else none.</summary>
    public static TokenCredential? EntraCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
