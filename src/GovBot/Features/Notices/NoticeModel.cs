using System.Globalization;
using GovBot.Features.Conversations;
using GovBot.Features.Reminders;
using GovBot.Storage;

namespace GovBot.Features.Notices;

/// <summary>Where a notice is in its life. Stored by name, so names never change.</summary>
internal enum NoticeStatus
{
    /// <summary>Composed and previewed by its author; nothing sent.</summary>
    Draft,
    /// <summary>Sent (or being sent) to its audience.</summary>
    Sent,
    /// <summary>Sent, then cancelled: every delivered message now says so.</summary>
    Cancelled,
}

/// <summary>What a notice says: the meeting's facts as the PMO entered them. Times are UK local.</summary>
/// <param name="MeetingNumber">"34", "10.1"; null when the PMO gave a title only.</param>
internal sealed record NoticeDetails(
    string GroupCode,
    string? MeetingNumber,
    string MeetingTitle,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string? Location,
    string? JoinUrl,
    string? Agenda,
    string? PapersUrl,
    string? Message)
{
    /// <summary>"Wednesday 13 March 2024, 10:00–12:30".</summary>
    public string When => $"{Cards.UkFormat.Date(Date)}, {Cards.UkFormat.Time(Start)}–{Cards.UkFormat.Time(End)}";
}

/// <summary>
/// A meeting notice. <see cref="Number"/> is what the PMO types ("notice report 12"). <see cref="Version"/> grows on
/// every change after sending; a delivered message shows the version it was last updated to.
/// </summary>
/// <param name="Previous">The details before the latest change (to show what changed), null if never changed.</param>
/// <param name="AuthorConversationId">Where the author's status card is (updated in place while sending).</param>
internal sealed record Notice(
    int Number,
    NoticeStatus Status,
    int Version,
    NoticeDetails Details,
    NoticeDetails? Previous,
    string? CancelReason,
    string AuthorId,
    string? AuthorServiceUrl,
    string? AuthorConversationId,
    string? AuthorActivityId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt)
{
    public string Label => $"Notice {Number.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Where one recipient's copy of a notice is. Only Queued may become Sending, and only Sending leads to a send.</summary>
internal enum DeliveryState
{
    /// <summary>Written and queued; no send attempted since (or Teams refused retryably: nothing shown).</summary>
    Queued,
    /// <summary>Claimed by a worker calling Teams now.</summary>
    Sending,
    /// <summary>Teams accepted it; <see cref="Delivery.ActivityId"/> is the message to update.</summary>
    Delivered,
    /// <summary>Refused for good (400, 413, attempts exhausted, poison message).</summary>
    Failed,
    /// <summary>No conversation with GovBot, or Teams answered 403/404.</summary>
    Unreachable,
    /// <summary>The worker died during the call: Teams may have shown it. Never re-sent (at most once).</summary>
    Unknown,
}

/// <summary>One recipient's copy of a notice.</summary>
/// <param name="Label">"DAG channel", "Lee Cox": for the PMO's report (not logged).</param>
/// <param name="SentVersion">The notice version the message showed when sent.</param>
/// <param name="AppliedVersion">The version the message shows now (after in-place updates).</param>
internal sealed record Delivery(
    int Notice,
    Recipient Recipient,
    string Label,
    DeliveryState State,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string? ServiceUrl,
    string? ConversationId,
    string? ActivityId,
    string? Error,
    int SentVersion,
    int AppliedVersion,
    Azure.ETag ETag);

/// <summary>A recipient's answer on the notice card: recorded once per person (the latest answer counts).</summary>
internal enum NoticeResponseKind
{
    Acknowledged,
    Apologies,
}

internal sealed record NoticeResponse(int Notice, string PersonKey, string Name, NoticeResponseKind Kind, DateTimeOffset At);

/// <summary>Delivery counts for the author's status card and the report.</summary>
internal sealed record DeliveryCounts(int Total, int Delivered, int Failed, int Unreachable, int Unknown, int Pending)
{
    public bool IsComplete => Pending == 0;

    public static DeliveryCounts Of(IEnumerable<Delivery> deliveries)
    {
        int total = 0, delivered = 0, failed = 0, unreachable = 0, unknown = 0, pending = 0;
        foreach (var d in deliveries)
        {
            total++;
            switch (d.State)
            {
                case DeliveryState.Delivered: delivered++; break;
                case DeliveryState.Failed: failed++; break;
                case DeliveryState.Unreachable: unreachable++; break;
                case DeliveryState.Unknown: unknown++; break;
                default: pending++; break;
            }
        }
        return new(total, delivered, failed, unreachable, unknown, pending);
    }
}

/// <summary>
/// A queue message: send the notice to a few recipients (each guarded by its own ledger row), or bring their
/// delivered copies up to date. Encoded as "send|12" then one recipient key per line.
/// </summary>
internal sealed record NoticeJob(NoticeJobKind Kind, int Notice, IReadOnlyList<string> RecipientKeys)
{
    /// <summary>Recipients per job: one queue message, one ledger transaction to claim, one to record.</summary>
    public const int MaxRecipients = 16;

    public string Encode() => $"{(Kind == NoticeJobKind.Send ? "send" : "update")}|{Notice.ToString(CultureInfo.InvariantCulture)}\n{string.Join('\n', RecipientKeys)}";

    public static NoticeJob? Decode(string text)
    {
        var lines = text.Split('\n');
        var head = lines[0].Split('|');
        if (head.Length != 2 || !int.TryParse(head[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var kind = head[0] switch { "send" => NoticeJobKind.Send, "update" => NoticeJobKind.Update, _ => (NoticeJobKind?)null };
        var keys = lines.Skip(1).ToList();
        return kind is null || keys.Count is 0 or > MaxRecipients || keys.Any(k => Recipient.FromKey(k) is null) ? null : new NoticeJob(kind.Value, n, keys);
    }

    /// <summary>Jobs of at most <see cref="MaxRecipients"/> recipients each.</summary>
    public static IEnumerable<NoticeJob> For(NoticeJobKind kind, int notice, IEnumerable<string> recipientKeys) =>
        // In ledger-key order, so a job's rows are one short key range of the notice's partition (one range query).
        recipientKeys.Order(TableKeyOrder.Instance).Chunk(MaxRecipients).Select(chunk => new NoticeJob(kind, notice, chunk));
}

internal enum NoticeJobKind
{
    Send,
    Update,
}

/// <summary>Orders recipient keys as their encoded table keys sort.</summary>
internal sealed class TableKeyOrder : IComparer<string>
{
    public static readonly TableKeyOrder Instance = new();

    public int Compare(string? x, string? y) => string.CompareOrdinal(x is null ? null : TableKeys.Encode(x), y is null ? null : TableKeys.Encode(y));
}
