using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using GovBot.Storage;
using Microsoft.Extensions.Options;

namespace GovBot.Features.Notices;

/// <summary>A received job: the message's handle for delete and release, and how often it has been received.</summary>
internal sealed record ReceivedJob(NoticeJob? Job, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>
/// The durable job queue of the fan-out (Azure Storage Queues; Azurite locally). A received job is invisible to
/// other workers for the visibility timeout; deleted when done; if the worker dies it reappears and another
/// worker takes it up, which the ledger makes harmless.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is an Azure Storage queue of notice jobs.")]
internal interface INoticeQueue
{
    Task EnqueueAsync(IEnumerable<NoticeJob> jobs, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReceivedJob>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken);

    Task DeleteAsync(ReceivedJob job, CancellationToken cancellationToken);

    /// <summary>Makes the job visible again after <paramref name="delay"/> (a retry later).</summary>
    Task ReleaseAsync(ReceivedJob job, TimeSpan delay, CancellationToken cancellationToken);
}

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is an Azure Storage queue of notice jobs.")]
internal sealed class AzureNoticeQueue : INoticeQueue, IDisposable
{
    private readonly QueueClient _queue;
    private readonly SemaphoreSlim _created = new(1, 1);
    private bool _exists;

    public AzureNoticeQueue(QueueServiceClient service, IOptions<NoticeOptions> options, IOptions<StorageOptions> storage)
    {
        _queue = service.GetQueueClient(QueueName(options.Value, storage.Value));
    }

    public string Name => _queue.Name;

    public void Dispose() => _created.Dispose();

    public static string QueueName(NoticeOptions options, StorageOptions storage) =>
        options.QueueName is { Length: > 0 } q ? q
        : storage.TablePrefix is { Length: > 0 } p ? p.ToLowerInvariant() + "-notice-jobs"
        : "notice-jobs";

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_exists) return;
        await _created.WaitAsync(cancellationToken);
        try
        {
            if (!_exists) await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _exists = true;
        }
        finally
        {
            _created.Release();
        }
    }

    public async Task EnqueueAsync(IEnumerable<NoticeJob> jobs, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        // Queues take one message per request; a few at a time keeps a 5,000-recipient notice to seconds.
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (job, ct) => await _queue.SendMessageAsync(job.Encode(), ct));
    }

    public async Task<IReadOnlyList<ReceivedJob>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        QueueMessage[] messages = await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, cancellationToken);
        return messages.Select(m => new ReceivedJob(NoticeJob.Decode(m.MessageText), m.MessageId, m.PopReceipt, m.DequeueCount)).ToList();
    }

    public async Task DeleteAsync(ReceivedJob job, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.DeleteMessageAsync(job.MessageId, job.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // Gone already, or another worker received it since (a new pop receipt): it will see the ledger's outcome.
        }
    }

    public async Task ReleaseAsync(ReceivedJob job, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.UpdateMessageAsync(job.MessageId, job.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
        }
    }
}
