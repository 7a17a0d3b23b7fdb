using Azure.Data.Tables;
using GovBot.Connector;
using GovBot.Storage;

namespace GovBot.Features.Conversations;

/// <summary>Conversation references for proactive reminders; see <see cref="ConversationReferenceTable"/>.</summary>
public sealed class ConversationReferenceStore(GovBotTables tables, TimeProvider clock, ConfirmedConversations? confirmed = null)
{
    private TableClient Table => tables.Get(TableNames.ConversationRefs);

    public async Task<StoredConversation?> GetAsync(Recipient recipient, CancellationToken cancellationToken)
    {
        var row = await TableRows.GetAsync(Table, recipient.TableKey, ConversationReferenceTable.RowKey, cancellationToken);
        return row is null ? null : ConversationReferenceTable.FromRow(row);
    }

    /// <summary>Every stored conversation (one query; thousands of rows at most).</summary>
    public async Task<IReadOnlyList<StoredConversation>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Table, TableClient.CreateQueryFilter($"RowKey eq {ConversationReferenceTable.RowKey}"), cancellationToken);
        return rows.Select(ConversationReferenceTable.FromRow).Where(c => c is not null).Select(c => c!).ToList();
    }

    /// <summary>
    /// Stores the reference (install, or a message proving the conversation works again: clears Unreachable).
    /// Skips the write when nothing changed. Returns true when it wrote.
    /// </summary>
    /// <summary>Shared with the observer: which conversations were confirmed current lately.</summary>
    public ConfirmedConversations Confirmed { get; } = confirmed ?? new ConfirmedConversations(clock);

    public async Task<bool> SaveAsync(Recipient recipient, ConversationReference reference, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(recipient, cancellationToken);
        if (existing is { IsReachable: true } e
            && e.Reference.ServiceUrl == reference.ServiceUrl
            && e.Reference.Conversation.Id == reference.Conversation.Id
            && e.Reference.Bot.Id == reference.Bot.Id
            && (reference.Conversation.Name is null || e.Reference.Conversation.Name == reference.Conversation.Name))
        {
            return false;
        }
        var stored = new StoredConversation(recipient, reference, clock.GetUtcNow());
        await TableRows.UpsertAsync(Table, ConversationReferenceTable.ToRow(recipient, stored), cancellationToken);
        return true;
    }

    /// <summary>Marks the conversation unreachable (Teams answered 403/404): no more sends until a message arrives from it.</summary>
    public async Task MarkUnreachableAsync(Recipient recipient, string reason, CancellationToken cancellationToken)
    {
        Confirmed.Forget(recipient.Key);
        var row = await TableRows.GetAsync(Table, recipient.TableKey, ConversationReferenceTable.RowKey, cancellationToken);
        if (row is null) return;
        row["Unreachable"] = true;
        row["UnreachableSince"] = clock.GetUtcNow();
        row["UnreachableReason"] = reason;
        // A concurrent refresh wins: it proves the conversation works.
        await TableRows.ReplaceIfUnchangedAsync(Table, row, row.ETag, cancellationToken);
    }

    /// <summary>Forgets the conversation (the app was uninstalled).</summary>
    public Task RemoveAsync(Recipient recipient, CancellationToken cancellationToken)
    {
        Confirmed.Forget(recipient.Key);
        return TableRows.DeleteIfExistsAsync(Table, recipient.TableKey, ConversationReferenceTable.RowKey, cancellationToken);
    }
}
