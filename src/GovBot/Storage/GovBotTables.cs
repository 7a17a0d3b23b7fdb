using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace GovBot.Storage;

/// <summary>Logical table names. The physical name is <c>{Storage:TablePrefix}{logical}</c>.</summary>
public static class TableNames
{
    public const string Groups = "Groups";
    public const string Memberships = "Memberships";
    public const string People = "People";
    public const string PeopleIndex = "PeopleIndex";
    public const string Meetings = "Meetings";
    public const string MeetingsByMonth = "MeetingsByMonth";
    public const string Actions = "Actions";
    public const string ActionIndex = "ActionIndex";
    public const string Decisions = "Decisions";
    public const string ChangeRequests = "ChangeRequests";
    public const string Checklist = "Checklist";
    public const string Milestones = "Milestones";
    public const string ConversationRefs = "ConversationRefs";
    public const string Subscriptions = "Subscriptions";
    public const string ReminderLedger = "ReminderLedger";
    public const string ReminderState = "ReminderState";
    public const string PendingImports = "PendingImports";
    public const string Notices = "Notices";
    public const string NoticeDeliveries = "NoticeDeliveries";
    public const string NoticeResponses = "NoticeResponses";
    public const string Events = "Events";
    public const string GroupUpdates = "GroupUpdates";
    public const string GroupUpdatesByRef = "GroupUpdatesByRef";
    public const string SearchVersions = "SearchVersions";
}

/// <summary>The app's tables: a <see cref="TableClient"/> per logical name, with the environment's prefix applied.</summary>
public sealed class GovBotTables
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly TableCatalogue _catalogue;

    public GovBotTables(TableServiceClient service, IOptions<StorageOptions> options, TableCatalogue catalogue)
    {
        _service = service;
        _prefix = options.Value.TablePrefix ?? "";
        _catalogue = catalogue;
    }

    /// <summary>The logical names of every table the features declared.</summary>
    public IReadOnlyList<string> All => _catalogue.Names;

    public TableServiceClient Service => _service;

    public string PhysicalName(string logicalName) => _prefix + logicalName;

    public TableClient Get(string logicalName) => _service.GetTableClient(PhysicalName(logicalName));

    /// <summary>Creates every table that does not exist yet (start-up, tests, CLI).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in All)
        {
            await _service.CreateTableIfNotExistsAsync(PhysicalName(name), cancellationToken);
        }
    }

    /// <summary>Deletes every table of this prefix (test clean-up, never called by the app).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        foreach (var name in All)
        {
            await _service.DeleteTableAsync(PhysicalName(name), cancellationToken);
        }
    }

    /// <summary>A cheap round trip proving the account is reachable and accepts our credentials.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var filter = TableServiceClient.CreateQueryFilter($"TableName eq {PhysicalName(TableNames.Groups)}");
        await foreach (var page in _service.QueryAsync(filter, maxPerPage: 1, cancellationToken).AsPages())
        {
            _ = page;
            break;
        }
    }
}
