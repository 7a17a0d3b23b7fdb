using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Actions;

/// <summary>
/// Table layout of the action log.
/// <para><b>Actions</b> (source of truth): PartitionKey = group code, RowKey = ref ("DAG", "DAG33-07").
/// Serves GetAsync(ref) as a point read (the ref starts with the group code) and ListByGroupAsync as one
/// partition. Expected size: tens to a few hundred actions per group, a few thousand in all.
/// Owners, history as JSON columns; history is split over History, History_1... (30K characters each, at most
/// 10) so a long-lived action cannot hit the 64 KB property limit; beyond that a write fails loudly.</para>
/// <para><b>ActionIndex</b> (pointer rows carrying Ref and GroupCode only):
/// <list type="bullet">
/// <item>owner partitions "person:{id}", "members:{GROUP}", "chair:{GROUP}", "pmo", "org:{text}", RowKey = ref:
/// "my actions" reads the caller's few partitions (a person: tens of rows; "members:DAG": up to ~100).</item>
/// <item>due partitions "due:yyyy-MM", RowKey = "yyyyMMdd-{ref}": "actions due this week" and reminders read
/// one or two month partitions with a RowKey range (tens of rows a month).</item>
/// <item>"ref:{PREFIX}" partitions, RowKey = ref, written only for a ref whose prefix is not its group code
/// (TAG02-05 kept under TMAG): GetAsync(ref) finds its group with one point read. Every other ref needs no
/// pointer (its prefix is its partition), so these partitions stay small and no write touches a shared one.</item>
/// </list></para>
/// <para>Consistency: a change writes the new index rows first, then the primary row (with its ETag), then deletes
/// index rows the new value no longer needs. A crash can leave extra index rows but never a missing one, and every
/// read through the index loads the primary row and keeps it only if it still matches, so extra rows are harmless.</para>
/// </summary>
internal static class ActionTable
{
    /// <summary>The partition of the pointer that finds the group of a ref whose prefix is not its group code.</summary>
    public static string RefPartition(string reference) => "ref:" + (RefPrefix(reference) ?? "");
    private const string DuePrefix = "due:";

    public static TableEntity ToRow(ActionItem a)
    {
        var e = new TableEntity(TableKeys.Checked(a.GroupCode, "group code"), TableKeys.Checked(a.Ref, "action ref"))
        {
            ["MeetingNumber"] = a.MeetingNumber,
            ["Text"] = a.Text,
            ["OwnerText"] = a.OwnerText,
            ["LatestUpdate"] = a.LatestUpdate,
        };
        e.SetDate("Raised", a.Raised);
        e.SetDate("Due", a.Due);
        e.SetEnum<ActionStatus>("Status", a.Status);
        e.SetJson("Owners", a.Owners, StorageJson.Default.IReadOnlyListOwnerParty);
        e.SetJson("History", a.History, StorageJson.Default.IReadOnlyListActionUpdate);
        return e;
    }

    public static ActionItem FromRow(TableEntity e) => new(
        Ref: e.RowKey,
        GroupCode: e.PartitionKey,
        MeetingNumber: e.GetString("MeetingNumber"),
        Raised: e.GetDate("Raised"),
        Text: e.GetString("Text") ?? "",
        OwnerText: e.GetString("OwnerText") ?? "",
        Owners: e.GetJson("Owners", StorageJson.Default.IReadOnlyListOwnerParty, []),
        Due: e.GetDate("Due"),
        Status: e.GetRequiredEnum<ActionStatus>("Status"),
        LatestUpdate: e.GetString("LatestUpdate"),
        History: e.GetJson("History", StorageJson.Default.IReadOnlyListActionUpdate, []));

    /// <summary>The index partition of an owner party.</summary>
    public static string OwnerPartition(OwnerParty owner) => owner.Kind switch
    {
        OwnerPartyKind.Person => "person:" + TableKeys.Encode(owner.Value),
        OwnerPartyKind.GroupMembers => "members:" + TableKeys.Encode(owner.Value.ToUpperInvariant()),
        OwnerPartyKind.GroupChair => "chair:" + TableKeys.Encode(owner.Value.ToUpperInvariant()),
        OwnerPartyKind.Pmo => "pmo",
        OwnerPartyKind.Organisation => "org:" + TableKeys.Encode(owner.Value.Trim().ToLowerInvariant()),
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner.Kind, "Unknown owner kind."),
    };

    public static string DuePartition(DateOnly due) => DuePrefix + TableKeys.Month(due);

    public static string DueRowKey(DateOnly due, string reference) => $"{TableKeys.Day(due)}-{reference}";

    /// <summary>The index rows an action needs.</summary>
    public static IEnumerable<TableEntity> IndexRows(ActionItem a)
    {
        TableKeys.Checked(a.GroupCode, "group code");
        TableKeys.Checked(a.Ref, "action ref"); // every index row key carries the ref: refuse a bad one before any write
        if (RefPrefix(a.Ref) != a.GroupCode)
        {
            yield return Pointer(TableKeys.Checked(RefPartition(a.Ref), "ref prefix"), TableKeys.Checked(a.Ref, "action ref"), a);
        }
        foreach (var partition in a.Owners.Select(OwnerPartition).Distinct(StringComparer.Ordinal))
        {
            yield return Pointer(partition, a.Ref, a);
        }
        if (a.Due is { } due)
        {
            yield return Pointer(DuePartition(due), DueRowKey(due, a.Ref), a);
        }
    }

    private static TableEntity Pointer(string partitionKey, string rowKey, ActionItem a) =>
        new(partitionKey, rowKey) { ["Ref"] = a.Ref, ["GroupCode"] = a.GroupCode };

    /// <summary>The group-code prefix of a ref: the letters before the meeting number ("DAG" of "DAG10.1-03").</summary>
    public static string? RefPrefix(string reference)
    {
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i])) i++;
        return i > 0 ? reference[..i] : null;
    }
}
