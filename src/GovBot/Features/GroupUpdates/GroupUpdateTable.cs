using System.Globalization;
using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.GroupUpdates;

/// <summary>
/// <para><b>GroupUpdates</b> (source of truth): PartitionKey = group code, RowKey = "yyyyMMdd-nn" (meeting date and
/// topic order). "Updates from DAG" is one partition; the same update reported in two groups' papers is one row.</para>
/// <para><b>GroupUpdatesByRef</b> (copies): PartitionKey = the CR id ("CR043"), RowKey = "yyyyMMdd-{group}-nn", with
/// every column of the update, so the CR card's "What the groups said" is one partition read. Written before the
/// primary row; rows for CRs an update no longer mentions are removed after it.</para>
/// </summary>
internal static class GroupUpdateTable
{
    public static TableMapping<GroupUpdate> Mapping { get; } = new(TableNames.GroupUpdates, ToRow, FromRow, u => $"Update from {u.GroupCode} {u.MeetingDate:yyyy-MM-dd} #{u.Order}");

    public static string RowKey(DateOnly meetingDate, int order) =>
        $"{TableKeys.Day(meetingDate)}-{order.ToString("00", CultureInfo.InvariantCulture)}";

    public static TableEntity ToRow(GroupUpdate u) => Columns(new TableEntity(TableKeys.Checked(u.GroupCode, "group code"), RowKey(u.MeetingDate, u.Order)), u);

    /// <summary>The copy of <paramref name="u"/> in the partition of <paramref name="changeRequestId"/>.</summary>
    public static TableEntity RefRow(GroupUpdate u, string changeRequestId) =>
        Columns(new TableEntity(TableKeys.Checked(changeRequestId, "change request id"), $"{TableKeys.Day(u.MeetingDate)}-{TableKeys.Checked(u.GroupCode, "group code")}-{u.Order.ToString("00", CultureInfo.InvariantCulture)}"), u);

    public static IEnumerable<TableEntity> RefRows(GroupUpdate u) => u.ChangeRequests.Distinct().Select(cr => RefRow(u, cr));

    private static TableEntity Columns(TableEntity e, GroupUpdate u)
    {
        e["GroupCode"] = u.GroupCode;
        e["Order"] = u.Order;
        e["Topic"] = u.Topic;
        e["Text"] = u.Text;
        e["Source"] = u.Source;
        e.SetDate("MeetingDate", u.MeetingDate);
        e.SetJson("ChangeRequests", u.ChangeRequests, StorageJson.Default.IReadOnlyListString);
        e.SetJson("Releases", u.Releases, StorageJson.Default.IReadOnlyListString);
        e.SetJson("Documents", u.Documents, StorageJson.Default.IReadOnlyListString);
        return e;
    }

    public static GroupUpdate FromRow(TableEntity e) => new(
        GroupCode: e.GetRequiredString("GroupCode"),
        MeetingDate: e.GetDate("MeetingDate") ?? throw new InvalidDataException($"Group update {e.PartitionKey}/{e.RowKey} has no meeting date."),
        Order: e.GetInt32("Order") ?? 0,
        Topic: e.GetString("Topic") ?? "",
        Text: e.GetString("Text") ?? "",
        Source: e.GetString("Source") ?? "",
        ChangeRequests: e.GetJson("ChangeRequests", StorageJson.Default.IReadOnlyListString, []),
        Releases: e.GetJson("Releases", StorageJson.Default.IReadOnlyListString, []),
        Documents: e.GetJson("Documents", StorageJson.Default.IReadOnlyListString, []));
}
