using System.Globalization;
using System.Text;
using GovBot.Clock;
using GovBot.Features.Conversations;

namespace GovBot.Features.Notices;

/// <summary>The files behind the signed links: the meeting as an iCalendar event (RFC 5545) and the delivery report as CSV.</summary>
internal static class NoticeFiles
{
    /// <summary>
    /// One VEVENT in UTC (no VTIMEZONE needed). UID is stable per notice and SEQUENCE grows with each change, so a
    /// calendar that imported an earlier version updates the event; a cancelled notice gives STATUS:CANCELLED.
    /// </summary>
    public static string Calendar(Notice notice, DateTimeOffset now)
    {
        var d = notice.Details;
        var cancelled = notice.Status == NoticeStatus.Cancelled;
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//MHHS Programme//GovBot//EN",
            "CALSCALE:GREGORIAN",
            cancelled ? "METHOD:CANCEL" : "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:govbot-notice-{notice.Number.ToString(CultureInfo.InvariantCulture)}@mhhs-govbot",
            $"DTSTAMP:{Utc(now)}",
            $"SEQUENCE:{(notice.Version - 1).ToString(CultureInfo.InvariantCulture)}",
            $"DTSTART:{Utc(UkTime.ToInstant(d.Date, d.Start))}",
            $"DTEND:{Utc(UkTime.ToInstant(d.Date, d.End))}",
            $"SUMMARY:{Text((cancelled ? "CANCELLED: " : "") + d.MeetingTitle)}",
        };
        if (d.Location is { } location) lines.Add($"LOCATION:{Text(location)}");
        if (d.JoinUrl is { } join) lines.Add($"URL:{Text(join)}");
        var description = new StringBuilder();
        if (d.Message is { } m) description.Append(m).Append("\n\n");
        if (d.Agenda is { } a) description.Append("Agenda:\n").Append(a).Append("\n\n");
        if (d.JoinUrl is { } j) description.Append("Join: ").Append(j).Append('\n');
        if (d.PapersUrl is { } p) description.Append("Papers: ").Append(p).Append('\n');
        if (description.Length > 0) lines.Add($"DESCRIPTION:{Text(description.ToString().TrimEnd())}");
        lines.Add(cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var sb = new StringBuilder();
        foreach (var line in lines) Fold(sb, line);
        return sb.ToString();
    }

    /// <summary>Every recipient with its outcome and reason, then every answer (apologies, acknowledgements).</summary>
    public static string ReportCsv(Notice notice, IReadOnlyList<Delivery> deliveries, IReadOnlyList<NoticeResponse> responses)
    {
        var sb = new StringBuilder();
        sb.Append("notice,recipient,kind,outcome,reason,attempts,updated_at,response\r\n");
        var answers = responses.ToDictionary(r => r.PersonKey, r => r.Kind.ToString(), StringComparer.Ordinal);
        foreach (var d in deliveries.OrderBy(d => d.State).ThenBy(d => d.Label, StringComparer.Ordinal))
        {
            answers.TryGetValue(d.Recipient.Key, out var answer);
            Row(sb, notice.Number.ToString(CultureInfo.InvariantCulture), d.Label, d.Recipient.Kind == Conversations.RecipientKind.Person ? "member" : "channel",
                d.State.ToString(), d.Error ?? "", d.Attempts.ToString(CultureInfo.InvariantCulture), d.UpdatedAt.ToString("u", CultureInfo.InvariantCulture), answer ?? "");
        }
        foreach (var r in responses.Where(r => !deliveries.Any(d => d.Recipient.Key == r.PersonKey)))
            Row(sb, notice.Number.ToString(CultureInfo.InvariantCulture), r.Name, "answer only", "", "", "", r.At.ToString("u", CultureInfo.InvariantCulture), r.Kind.ToString());
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(',');
            var cell = cells[i];
            // Spreadsheet formula injection (OWASP's list): a leading =, +, -, @, tab or carriage return is neutralised.
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
            sb.Append(cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }
        sb.Append("\r\n");
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 TEXT escaping: backslash, semicolon, comma, newline.</summary>
    internal static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Lines end in CRLF and fold at 75 octets (continuation lines start with a space), never inside a UTF-8 sequence.</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
