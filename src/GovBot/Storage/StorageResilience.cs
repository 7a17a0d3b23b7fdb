using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace GovBot.Storage;

/// <summary>
/// How the storage clients wait, retry and fail (Storage:NetworkTimeout, MaxRetries, RetryDelay, MaxRetryDelay).
/// The Azure SDK's defaults wait 100 s per try and retry three times, so a storage service that accepts
/// connections but never answers held a question for almost seven minutes. Here a try gives up after
/// <see cref="StorageOptions.NetworkTimeout"/>, a try that timed out is retried once at most, and whatever
/// finally fails reaches the app as a <see cref="RequestFailedException"/>, never as a cancellation.
/// </summary>
public static class StorageResilience
{
    public static TableClientOptions TableClientOptions(StorageOptions options)
    {
        var client = new TableClientOptions();
        Apply(client, options);
        return client;
    }

    public static QueueClientOptions QueueClientOptions(StorageOptions options)
    {
        var client = new QueueClientOptions();
        Apply(client, options);
        return client;
    }

    public static BlobClientOptions BlobClientOptions(StorageOptions options)
    {
        var client = new BlobClientOptions();
        Apply(client, options);
        return client;
    }

    /// <summary>The part every storage client gets, whoever configured its retries: failures surface as <see cref="RequestFailedException"/>.</summary>
    public static void AddFailurePolicy(ClientOptions client) => client.AddPolicy(new StorageFailurePolicy(), HttpPipelinePosition.PerCall);

    private static void Apply(ClientOptions client, StorageOptions options)
    {
        client.Retry.NetworkTimeout = options.NetworkTimeout;
        client.Retry.MaxRetries = options.MaxRetries;
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.Delay = options.RetryDelay;
        client.Retry.MaxDelay = options.MaxRetryDelay;
        client.RetryPolicy = new StorageRetryPolicy(options.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay));
        AddFailurePolicy(client);
    }

    /// <summary>True when storage refused, could not be reached or did not answer in time (after the client's own retries).</summary>
    public static bool IsOutage(Exception e) => e switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        HttpRequestException or System.Net.Sockets.SocketException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsOutage),
        _ => e.InnerException is { } inner && IsOutage(inner),
    };
}

/// <summary>
/// The SDK's retry policy, except that a try which timed out is retried once at most: a service that hung for a
/// whole network timeout rarely answers the next try either, and every wait holds up a user's answer. Refusals,
/// 5xx answers and dropped connections get all <c>maxRetries</c>.
/// </summary>
internal sealed class StorageRetryPolicy(int maxRetries, DelayStrategy delay) : RetryPolicy(maxRetries, delay)
{
    private const string TimedOutKey = "GovBot.Storage.TimedOut";

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        AllowsAnotherTry(message, exception) && base.ShouldRetry(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        AllowsAnotherTry(message, exception) && await base.ShouldRetryAsync(message, exception).ConfigureAwait(false);

    private static bool AllowsAnotherTry(HttpMessage message, Exception? exception)
    {
        if (exception is not OperationCanceledException || message.CancellationToken.IsCancellationRequested) return true;
        if (message.TryGetProperty(TimedOutKey, out _)) return false; // the second timeout
        message.SetProperty(TimedOutKey, true);
        return true;
    }
}

/// <summary>
/// Outermost policy: a failure the retries could not fix becomes one <see cref="RequestFailedException"/> with status 0
/// ("no answer"). Without it a network timeout surfaced as an <see cref="OperationCanceledException"/>, which callers
/// rightly treat as "the caller cancelled" and let through: no answer to the user, a background loop ended.
/// A cancellation the caller asked for stays a cancellation.
/// </summary>
internal sealed class StorageFailurePolicy : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception e) when (Translate(message, e) is { } failure)
        {
            throw failure;
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(message, e) is { } failure)
        {
            throw failure;
        }
    }

    private static RequestFailedException? Translate(HttpMessage message, Exception e)
    {
        if (message.CancellationToken.IsCancellationRequested || e is RequestFailedException) return null;
        if (e is OperationCanceledException)
        {
            return new RequestFailedException(0, $"Storage did not answer a {message.Request.Method} request in time.", e);
        }
        if (e is AggregateException tries)
        {
            return new RequestFailedException(0, $"Storage failed all {tries.InnerExceptions.Count} tries of a {message.Request.Method} request.", e);
        }
        return null;
    }
}
