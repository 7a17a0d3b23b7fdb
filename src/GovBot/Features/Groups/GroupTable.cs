using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Groups;

/// <summary>
/// Table layout of groups and memberships.
/// <para><b>Groups</b>: PartitionKey = "group", RowKey = code. The programme has tens of groups (under 100 over its
/// life), so one partition serves both GetAsync(code) (point read) and ListAsync (one partition).
/// Cadence and aliases are JSON columns.</para>
/// <para><b>Memberships</b>: every seat is stored twice in one table: PartitionKey = "group:{CODE}",
/// RowKey = "{personId}|{role}" (source of truth; a group has up to ~60 seats) serves ListByGroupAsync, and
/// PartitionKey = "person:{id}", RowKey = "{CODE}|{role}" (a person sits on a handful of groups) serves
/// ListByPersonAsync. The person row is written first and checked against the group row on read.</para>
/// </summary>
internal static class GroupTable
{
    /// <summary>Table, keys and columns for <see cref="EntityStore{T}"/>.</summary>
    public static TableMapping<Group> Mapping { get; } = new(TableNames.Groups, ToRow, FromRow, g => $"Group {g.Code}");

    public const string Partition = "group";

    public static TableEntity ToRow(Group g)
    {
        var e = new TableEntity(Partition, TableKeys.Checked(g.Code, "group code"))
        {
            ["Name"] = g.Name,
            ["Level"] = g.Level,
            ["ParentCode"] = g.ParentCode,
            ["IsActive"] = g.IsActive,
            ["Purpose"] = g.Purpose,
            ["ChairPersonId"] = g.ChairPersonId,
            ["SecretariatPersonId"] = g.SecretariatPersonId,
            ["IsRestricted"] = g.IsRestricted,
        };
        if (g.Cadence is not null) e.SetJson("Cadence", g.Cadence, StorageJson.Default.MeetingCadence);
        e.SetJson("Aliases", g.Aliases, StorageJson.Default.IReadOnlyListString);
        return e;
    }

    public static Group FromRow(TableEntity e) => new(
        Code: e.RowKey,
        Name: e.GetString("Name") ?? "",
        Level: e.GetInt32("Level") ?? 0,
        ParentCode: e.GetString("ParentCode"),
        Cadence: e.GetString("Cadence") is null ? null : e.GetJson("Cadence", StorageJson.Default.MeetingCadence, null!),
        IsActive: e.GetBoolean("IsActive") ?? false,
        Purpose: e.GetString("Purpose"),
        ChairPersonId: e.GetString("ChairPersonId"),
        SecretariatPersonId: e.GetString("SecretariatPersonId"),
        Aliases: e.GetJson("Aliases", StorageJson.Default.IReadOnlyListString, []),
        IsRestricted: e.GetBoolean("IsRestricted") ?? false);

    public static string GroupPartition(string code) => "group:" + TableKeys.Checked(code, "group code");

    public static string PersonPartition(string personId) => "person:" + TableKeys.Checked(personId, "person id");

    public static TableEntity GroupRow(GroupMembership m) => Membership(GroupPartition(m.GroupCode), $"{TableKeys.Checked(m.PersonId, "person id")}|{m.Role}", m);

    public static TableEntity PersonRow(GroupMembership m) => Membership(PersonPartition(m.PersonId), $"{TableKeys.Checked(m.GroupCode, "group code")}|{m.Role}", m);

    private static TableEntity Membership(string partitionKey, string rowKey, GroupMembership m)
    {
        var e = new TableEntity(partitionKey, rowKey)
        {
            ["GroupCode"] = m.GroupCode,
            ["PersonId"] = m.PersonId,
            ["Constituency"] = m.Constituency,
        };
        e.SetEnum<MembershipRole>("Role", m.Role);
        return e;
    }

    public static GroupMembership MembershipFromRow(TableEntity e) => new(
        e.GetRequiredString("GroupCode"), e.GetRequiredString("PersonId"), e.GetRequiredEnum<MembershipRole>("Role"), e.GetString("Constituency"));
}
