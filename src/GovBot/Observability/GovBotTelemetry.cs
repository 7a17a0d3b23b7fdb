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
/// OpenTelemetry traces, metrics and logs for GovBot, exported to Application Insights when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set (infra/main.bicep sets it), and to nothing otherwise (local runs, tests).
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
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(SourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"))
            .WithLogging(configureBuilder: null, configureOptions: o => o.IncludeFormattedMessage = true);

        if (UsesAzureMonitor(configuration))
        {
            otel.UseAzureMonitorExporter(options => ConfigureAzureMonitor(options, configuration));
        }

        return builder;
    }

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
