using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Conversations;

/// <summary>
/// <b>Subscriptions</b>, two rows per subscription:
/// <list type="bullet">
/// <item>primary: PartitionKey = "r:" + the recipient's encoded key, RowKey = target ("actions", "checklist",
/// "group:DAG"): "my reminder settings" and "subscriptions" read one small partition (a handful of rows).</item>
/// <item>index: PartitionKey = "sub:" + target, RowKey = the recipient's encoded key: "who gets checklist reminders",
/// read by the reminder run (up to thousands of rows in "sub:actions" and "sub:checklist", tens per group).</item>
/// </list>
/// The index row (what the run reads) is written last on subscribe and removed first on unsubscribe, so a crash
/// between the two writes can leave a reminder unsent, never one sent against the recipient's wish; repeating the
/// command repairs it.
/// </summary>
internal static class SubscriptionTable
{
    public const string RecipientPrefix = "r:";
    public const string TargetPrefix = "sub:";

    public static string RecipientPartition(Recipient r) => RecipientPrefix + r.TableKey;

    public static string TargetPartition(string target) => TargetPrefix + TableKeys.Checked(target, "subscription target");

    public static TableEntity PrimaryRow(Subscription s) => new(RecipientPartition(s.Recipient), TableKeys.Checked(s.Target, "subscription target"))
    {
        ["Recipient"] = s.Recipient.Key,
        ["Target"] = s.Target,
        ["Since"] = s.Since,
    };

    public static TableEntity IndexRow(Subscription s) => new(TargetPartition(s.Target), s.Recipient.TableKey)
    {
        ["Recipient"] = s.Recipient.Key,
        ["Target"] = s.Target,
        ["Since"] = s.Since,
    };

    public static Subscription? FromRow(TableEntity e) =>
        e.GetString("Recipient") is { } key && Recipient.FromKey(key) is { } r && e.GetString("Target") is { } target
            ? new Subscription(r, target, e.GetDateTimeOffset("Since") ?? default)
            : null;
}
