using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Conversations;

/// <summary>Who wants which reminders; see <see cref="SubscriptionTable"/>.</summary>
public sealed class SubscriptionStore(GovBotTables tables, TimeProvider clock)
{
    private TableClient Table => tables.Get(TableNames.Subscriptions);

    /// <summary>A recipient's subscriptions ("my reminder settings", "subscriptions").</summary>
    public async Task<IReadOnlyList<Subscription>> ListForAsync(Recipient recipient, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Table, TableRows.Partition(SubscriptionTable.RecipientPartition(recipient)), cancellationToken);
        return rows.Select(SubscriptionTable.FromRow).Where(s => s is not null).Select(s => s!).OrderBy(s => s.Target, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every subscription, read through the target index ("sub:*" partitions, one range query).</summary>
    public async Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {SubscriptionTable.TargetPrefix} and PartitionKey lt {"sub;"}");
        var rows = await TableRows.QueryAsync(Table, filter, cancellationToken);
        return rows.Select(SubscriptionTable.FromRow).Where(s => s is not null).Select(s => s!).ToList();
    }

    /// <summary>Subscribes (idempotent). Returns false when the subscription already existed.</summary>
    public async Task<bool> SubscribeAsync(Recipient recipient, string target, CancellationToken cancellationToken)
    {
        var existing = await TableRows.GetAsync(Table, SubscriptionTable.RecipientPartition(recipient), target, cancellationToken);
        var subscription = new Subscription(recipient, target, existing?.GetDateTimeOffset("Since") ?? clock.GetUtcNow());
        await TableRows.UpsertAsync(Table, SubscriptionTable.PrimaryRow(subscription), cancellationToken);
        await TableRows.UpsertAsync(Table, SubscriptionTable.IndexRow(subscription), cancellationToken);
        return existing is null;
    }

    /// <summary>Unsubscribes (idempotent). Returns false when there was nothing to remove.</summary>
    public async Task<bool> UnsubscribeAsync(Recipient recipient, string target, CancellationToken cancellationToken)
    {
        var existing = await TableRows.GetAsync(Table, SubscriptionTable.RecipientPartition(recipient), target, cancellationToken);
        await TableRows.DeleteIfExistsAsync(Table, SubscriptionTable.TargetPartition(target), recipient.TableKey, cancellationToken);
        await TableRows.DeleteIfExistsAsync(Table, SubscriptionTable.RecipientPartition(recipient), target, cancellationToken);
        return existing is not null;
    }
}
