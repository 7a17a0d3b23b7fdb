using GovBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovBot.Hosting;

/// <summary>Ready once start-up has prepared storage (tables, sample data) and while it answers a cheap query within a short timeout.</summary>
internal sealed class StorageHealthCheck(GovBotTables tables, StorageReadiness readiness) : IHealthCheck
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady) return HealthCheckResult.Unhealthy("Storage is being prepared (tables, sample data).");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await tables.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Storage did not answer in time.");
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or IOException or AggregateException
                                      or Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy("Storage is unreachable.", e);
        }
    }
}
