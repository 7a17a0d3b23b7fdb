using Azure.Data.Tables;
using GovBot.Connector;
using GovBot.Features.Conversations;
using GovBot.Storage;
using GovBot.Testing;
using Microsoft.Extensions.Options;

namespace GovBot.Benchmarks;

/// <summary>
/// Writes the rows that installing GovBot in a channel and saying "subscribe DAG" (and "subscribe checklist") there
/// would write, straight into storage with GovBot's own row mappers (<see cref="ConversationReferenceTable"/>,
/// <see cref="SubscriptionTable"/>): through /api/messages that costs about 25 s per 1,000 channels on this machine,
/// too slow for 5,000. The rows are checked against those the real path wrote for a channel installed through the
/// front end, so a change in what an install writes makes the bench fail rather than measure something else.
/// </summary>
internal sealed class InstancesSeed(string connectionString, string prefix, string serviceUrl, DateTimeOffset at)
{
    private readonly GovBotTables _tables = new(new TableServiceClient(connectionString), Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = prefix }), GovBotFeatures.Tables);

    /// <summary>Channels FROM..TO (as <see cref="ScaleOutTraffic"/> names them) installed and subscribed to DAG; those up to CHECKLIST also to checklist reminders.</summary>
    public async Task WriteAsync(int from, int to, int checklist, CancellationToken cancellationToken)
    {
        var references = _tables.Get(TableNames.ConversationRefs);
        var subscriptions = _tables.Get(TableNames.Subscriptions);
        var channels = Enumerable.Range(from, to - from + 1).ToList();
        // The conversation reference and the channel's own subscription rows (one partition per channel), then the
        // index rows the reminder run and the notice audience read, last, as SubscriptionStore orders them.
        await Parallel.ForEachAsync(channels, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            await TableRows.UpsertAsync(references, ReferenceRow(i), ct);
            await TableRows.UpsertBatchedAsync(subscriptions, Subscriptions(i, checklist).Select(SubscriptionTable.PrimaryRow), ct);
        });
        await TableRows.UpsertBatchedAsync(subscriptions, channels.SelectMany(i => Subscriptions(i, checklist)).Select(SubscriptionTable.IndexRow), cancellationToken);
    }

    /// <summary>
    /// Throws unless what the seed writes for channel I equals, but for the time written, what GovBot wrote for it
    /// when it was installed and subscribed through /api/messages.
    /// </summary>
    public async Task CheckAgainstRealPathAsync(int i, int checklist, CancellationToken cancellationToken)
    {
        var recipient = Recipient.Conversation(ScaleOutTraffic.Channel(i));
        var written = await TableRows.GetAsync(_tables.Get(TableNames.ConversationRefs), recipient.TableKey, ConversationReferenceTable.RowKey, cancellationToken)
            ?? throw new InvalidOperationException($"Channel {i} has no conversation reference: it was not installed through the front end.");
        Compare("conversation reference", ReferenceRow(i), written, "UpdatedAt");
        var subscriptions = _tables.Get(TableNames.Subscriptions);
        foreach (var s in Subscriptions(i, checklist))
        {
            foreach (var row in new[] { SubscriptionTable.PrimaryRow(s), SubscriptionTable.IndexRow(s) })
            {
                var real = await TableRows.GetAsync(subscriptions, row.PartitionKey, row.RowKey, cancellationToken)
                    ?? throw new InvalidOperationException($"Channel {i}: no subscription row {row.PartitionKey}/{row.RowKey} from the real path.");
                Compare("subscription", row, real, "Since");
            }
        }

        var targets = await TableRows.QueryAsync(subscriptions, TableRows.Partition(SubscriptionTable.RecipientPartition(recipient)), cancellationToken);
        if (targets.Count != Subscriptions(i, checklist).Count()) throw new InvalidOperationException($"Channel {i}: the real path wrote {targets.Count} subscriptions, the seed writes {Subscriptions(i, checklist).Count()}.");
    }

    /// <summary>The reference GovBot keeps for a channel it was added to: the root conversation, the channel's name, no activity id.</summary>
    private TableEntity ReferenceRow(int i)
    {
        var who = ScaleOutTraffic.DagMembers[i % (ScaleOutTraffic.DagMembers.Count - 1)];
        var channel = ScaleOutTraffic.Channel(i);
        var reference = new ConversationReference(
            serviceUrl,
            Channels.MsTeams,
            new ConversationAccount(channel, "channel", ScaleOutTraffic.TenantId, IsGroup: true, Name: ScaleOutTraffic.ChannelName(i)),
            new ChannelAccount(ScaleOutTraffic.BotId, "GovBot"),
            new ChannelAccount($"29:{who.Id}", who.Name, who.EntraObjectId),
            ScaleOutTraffic.TenantId);
        var recipient = Recipient.Conversation(channel);
        return ConversationReferenceTable.ToRow(recipient, new StoredConversation(recipient, reference, at));
    }

    private IEnumerable<Subscription> Subscriptions(int i, int checklist)
    {
        var recipient = Recipient.Conversation(ScaleOutTraffic.Channel(i));
        yield return new Subscription(recipient, SubscriptionTargets.Group("DAG"), at);
        if (i <= checklist) yield return new Subscription(recipient, SubscriptionTargets.Checklist, at);
    }

    private static void Compare(string what, TableEntity seeded, TableEntity real, string timeColumn)
    {
        static Dictionary<string, string> Columns(TableEntity e, string skip) =>
            e.Where(p => p.Key != skip && p.Key != "Timestamp" && p.Key != "odata.etag" && p.Value is not null)
                .ToDictionary(p => p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
        var mine = Columns(seeded, timeColumn);
        var theirs = Columns(real, timeColumn);
        var differ = mine.Keys.Union(theirs.Keys).Where(k => mine.GetValueOrDefault(k) != theirs.GetValueOrDefault(k)).ToList();
        if (differ.Count > 0)
        {
            throw new InvalidOperationException($"The seeded {what} differs from the one GovBot wrote: " +
                string.Join("; ", differ.Select(k => $"{k}: seed '{mine.GetValueOrDefault(k)}', GovBot '{theirs.GetValueOrDefault(k)}'")));
        }
    }
}
