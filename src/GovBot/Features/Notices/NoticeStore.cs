using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GovBot.Storage;

namespace GovBot.Features.Notices;

/// <summary>
/// <b>Notices</b>: PartitionKey = "notice", RowKey = the number zero-padded ("000012"): "notice report 12" and every
/// verb are point reads; the PMO sends a few notices a week, so one partition holds years of them. The counter that
/// numbers them is PartitionKey = "counter", RowKey = "notice" (ETag-guarded increment). Columns are the details
/// ("D" prefix), the details before the latest change ("P" prefix), status, version and the author's card.
/// <para><b>NoticeResponses</b>: PartitionKey = "n" + number, RowKey = the responder's key ("person|lee-cox"): one row
/// per person (the latest answer counts), read whole for the report (tens to hundreds of rows).</para>
/// </summary>
internal sealed class NoticeStore(GovBotTables tables, TimeProvider clock)
{
    private const string Partition = "notice";
    private TableClient Table => tables.Get(TableNames.Notices);
    private TableClient Responses => tables.Get(TableNames.NoticeResponses);

    public static string RowKey(int number) => number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>"n000012": the partition of a notice's deliveries and responses.</summary>
    public static string NoticePartition(int number) => "n" + RowKey(number);

    public async Task<(Notice Notice, ETag ETag)?> GetAsync(int number, CancellationToken cancellationToken)
    {
        if (number <= 0) return null;
        var row = await TableRows.GetAsync(Table, Partition, RowKey(number), cancellationToken);
        return row is null ? null : (FromRow(row), row.ETag);
    }

    /// <summary>Numbers and stores a new draft.</summary>
    public async Task<Notice> CreateDraftAsync(NoticeDetails details, string authorId, CancellationToken cancellationToken)
    {
        var number = await NextNumberAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var notice = new Notice(number, NoticeStatus.Draft, 1, details, null, null, authorId, null, null, null, now, now, null);
        await TableRows.AddAsync(Table, ToRow(notice), notice.Label, cancellationToken);
        return notice;
    }

    /// <summary>Replaces the notice if nobody changed it since <paramref name="etag"/>; null when someone did (412).</summary>
    public async Task<ETag?> ReplaceAsync(Notice notice, ETag etag, CancellationToken cancellationToken) =>
        await TableRows.ReplaceIfUnchangedAsync(Table, ToRow(notice with { UpdatedAt = clock.GetUtcNow() }), etag, cancellationToken);

    public Task DeleteAsync(int number, CancellationToken cancellationToken) =>
        TableRows.DeleteIfExistsAsync(Table, Partition, RowKey(number), cancellationToken);

    /// <summary>Records a person's answer once: the same answer again changes nothing; a different one replaces it. True when it wrote.</summary>
    public async Task<bool> RespondAsync(NoticeResponse response, CancellationToken cancellationToken)
    {
        var pk = NoticePartition(response.Notice);
        var rk = TableKeys.Encode(response.PersonKey);
        var existing = await TableRows.GetAsync(Responses, pk, rk, cancellationToken);
        if (existing?.GetString("Kind") == response.Kind.ToString()) return false;
        var row = new TableEntity(pk, rk)
        {
            ["Person"] = response.PersonKey,
            ["Name"] = response.Name,
            ["Kind"] = response.Kind.ToString(),
            ["At"] = response.At,
        };
        if (existing is null)
        {
            try
            {
                await Responses.AddEntityAsync(row, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return false; // a double press raced us: recorded once
            }
        }
        return await TableRows.ReplaceIfUnchangedAsync(Responses, row, existing.ETag, cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<NoticeResponse>> ListResponsesAsync(int number, CancellationToken cancellationToken)
    {
        var rows = await TableRows.QueryAsync(Responses, TableRows.Partition(NoticePartition(number)), cancellationToken);
        return rows.Select(r => ResponseFromRow(number, r)).ToList();
    }

    private static NoticeResponse ResponseFromRow(int number, TableEntity r) =>
        new(number, r.GetString("Person") ?? "", r.GetString("Name") ?? "", r.GetRequiredEnum<NoticeResponseKind>("Kind"), r.GetDateTimeOffset("At") ?? default);

    private async Task<int> NextNumberAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var row = await TableRows.GetAsync(Table, "counter", "notice", cancellationToken);
            if (row is null)
            {
                try
                {
                    await Table.AddEntityAsync(new TableEntity("counter", "notice") { ["Last"] = 1 }, cancellationToken);
                    return 1;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue;
                }
            }
            var next = (row.GetInt32("Last") ?? 0) + 1;
            row["Last"] = next;
            if (await TableRows.ReplaceIfUnchangedAsync(Table, row, row.ETag, cancellationToken) is not null) return next;
        }
        throw new InvalidOperationException("Could not number the notice: too many concurrent drafts.");
    }

    internal static TableEntity ToRow(Notice n)
    {
        var row = new TableEntity(Partition, RowKey(n.Number))
        {
            ["Number"] = n.Number,
            ["Status"] = n.Status.ToString(),
            ["Version"] = n.Version,
            ["CancelReason"] = n.CancelReason,
            ["AuthorId"] = n.AuthorId,
            ["AuthorServiceUrl"] = n.AuthorServiceUrl,
            ["AuthorConversationId"] = n.AuthorConversationId,
            ["AuthorActivityId"] = n.AuthorActivityId,
            ["CreatedAt"] = n.CreatedAt,
            ["UpdatedAt"] = n.UpdatedAt,
            ["SentAt"] = n.SentAt,
        };
        WriteDetails(row, "D", n.Details);
        if (n.Previous is { } p) WriteDetails(row, "P", p);
        return row;
    }

    internal static Notice FromRow(TableEntity r) => new(
        r.GetInt32("Number") ?? int.Parse(r.RowKey, CultureInfo.InvariantCulture),
        r.GetRequiredEnum<NoticeStatus>("Status"),
        r.GetInt32("Version") ?? 1,
        ReadDetails(r, "D")!,
        ReadDetails(r, "P"),
        r.GetString("CancelReason"),
        r.GetString("AuthorId") ?? "",
        r.GetString("AuthorServiceUrl"),
        r.GetString("AuthorConversationId"),
        r.GetString("AuthorActivityId"),
        r.GetDateTimeOffset("CreatedAt") ?? default,
        r.GetDateTimeOffset("UpdatedAt") ?? default,
        r.GetDateTimeOffset("SentAt"));

    private static void WriteDetails(TableEntity row, string p, NoticeDetails d)
    {
        row[p + "Group"] = d.GroupCode;
        row[p + "MeetingNumber"] = d.MeetingNumber;
        row[p + "Title"] = d.MeetingTitle;
        row[p + "Date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row[p + "Start"] = d.Start.ToString("HH:mm", CultureInfo.InvariantCulture);
        row[p + "End"] = d.End.ToString("HH:mm", CultureInfo.InvariantCulture);
        row[p + "Location"] = d.Location;
        row[p + "JoinUrl"] = d.JoinUrl;
        row[p + "Agenda"] = d.Agenda;
        row[p + "PapersUrl"] = d.PapersUrl;
        row[p + "Message"] = d.Message;
    }

    private static NoticeDetails? ReadDetails(TableEntity r, string p) =>
        r.GetString(p + "Group") is not { } group ? null : new(
            group,
            r.GetString(p + "MeetingNumber"),
            r.GetString(p + "Title") ?? group,
            DateOnly.ParseExact(r.GetString(p + "Date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(r.GetString(p + "Start")!, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(r.GetString(p + "End")!, "HH:mm", CultureInfo.InvariantCulture),
            r.GetString(p + "Location"),
            r.GetString(p + "JoinUrl"),
            r.GetString(p + "Agenda"),
            r.GetString(p + "PapersUrl"),
            r.GetString(p + "Message"));
}
