using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.People;

/// <summary>
/// Table layout of the directory.
/// <para><b>People</b> (source of truth): PartitionKey = "person", RowKey = person id. The programme's directory
/// is hundreds to a few thousand people: GetAsync is a point read, ListAsync one partition.</para>
/// <para><b>PeopleIndex</b> (pointer rows carrying PersonId): PartitionKey = "oid", RowKey = Entra object id
/// (every inbound Teams message resolves its sender this way, so it must be a point read), and
/// PartitionKey = "email", RowKey = lower-case e-mail address (key-encoded). Index rows are written before the
/// person row and stale ones removed after it; lookups load the person and check the oid / e-mail still match.</para>
/// </summary>
internal static class PersonTable
{
    public const string Partition = "person";
    public const string OidPartition = "oid";
    public const string EmailPartition = "email";

    public static TableEntity ToRow(Person p)
    {
        var e = new TableEntity(Partition, TableKeys.Checked(p.Id, "person id"))
        {
            ["EntraObjectId"] = p.EntraObjectId,
            ["Name"] = p.Name,
            ["Email"] = p.Email,
            ["Organisation"] = p.Organisation,
            ["IsPmo"] = p.IsPmo,
        };
        e.SetJson("Aliases", p.Aliases, StorageJson.Default.IReadOnlyListString);
        return e;
    }

    public static Person FromRow(TableEntity e) => new(
        Id: e.RowKey,
        EntraObjectId: e.GetString("EntraObjectId"),
        Name: e.GetString("Name") ?? "",
        Email: e.GetString("Email") ?? "",
        Organisation: e.GetString("Organisation"),
        Aliases: e.GetJson("Aliases", StorageJson.Default.IReadOnlyListString, []),
        IsPmo: e.GetBoolean("IsPmo") ?? false);

    public static string OidKey(string oid) => TableKeys.Encode(oid.Trim().ToLowerInvariant());

    public static string EmailKey(string email) => TableKeys.Encode(email.Trim().ToLowerInvariant());

    public static IEnumerable<TableEntity> IndexRows(Person p)
    {
        if (!string.IsNullOrWhiteSpace(p.EntraObjectId))
        {
            yield return new TableEntity(OidPartition, OidKey(p.EntraObjectId)) { ["PersonId"] = p.Id };
        }
        if (!string.IsNullOrWhiteSpace(p.Email))
        {
            yield return new TableEntity(EmailPartition, EmailKey(p.Email)) { ["PersonId"] = p.Id };
        }
    }
}
