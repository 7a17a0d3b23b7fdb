using System.Text;
using System.Text.RegularExpressions;
using GovBot.Features.Events;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>An event the papers announce under "Upcoming Events": a webinar, an open day.</summary>
/// <param name="Title">"MHHS Webinar: Change of Supplier process", without reminder words and the date.</param>
/// <param name="Place">Where it is held in person ("Elexon's offices, 350 Euston Rd, London NW1 3AW"); null for online-only.</param>
/// <param name="Online">Held online (webinars) or with an online option (a livestream).</param>
/// <param name="About">What it is about ("the Change of Supplier process"), when the papers say.</param>
/// <param name="Text">The whole announcement, as one paragraph.</param>
public sealed record PapersEvent(
    DateOnly Date,
    string Title,
    EventKind Kind,
    TimeOnly? Start,
    TimeOnly? End,
    string? Place,
    bool Online,
    string? About,
    string Text,
    int Line);

/// <summary>
/// Reads an "Upcoming Events" section: each announcement starts with a heading ending in a colon ("Next MHHS
/// Webinar:", "REMINDER: MHHS Open Day: 23 April 2024:") after the previous one's last sentence, or with a bullet,
/// and runs on over wrapped lines and further paragraphs. Its date is the first date in it; the section ends at an
/// announcement without a date, a link list, or a blank-line gap the PDF text does not bridge.
/// </summary>
internal static partial class EventsReader
{
    /// <summary>An announcement longer than this is cut (the papers' are a few hundred characters).</summary>
    private const int TextCap = 1500;

    /// <summary>Lines of one section at most, so a missing end does not swallow the papers.</summary>
    private const int SectionCap = 80;

    /// <summary>A colon-ended phrase longer than this is a sentence, not part of a heading.</summary>
    private const int HeadCap = 60;

    [GeneratedRegex(@"^\s*(?:Upcoming|Forthcoming|Future)\s+(?:MHHS\s+)?(?:Programme\s+)?Events\s*:?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^\s*(?:[•▪●◦*+\-–]|\d{1,2}[.)])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex BulletRegex();

    /// <summary>An announcement's heading: a short phrase (no sentence end) before a colon.</summary>
    [GeneratedRegex(@"^\s*[A-Z0-9][^.:]{1,80}:(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex HeadRegex();

    [GeneratedRegex(@"^\s*(?:https?://|www\.|mailto:)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkRegex();

    /// <summary>"REMINDER", "NEW", "UPDATED": a shouted word ahead of the real title.</summary>
    [GeneratedRegex(@"^[A-Z]{2,}(?:\s+[A-Z]{2,})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShoutRegex();

    [GeneratedRegex(@"\b(?:focus(?:es|ed|ing)?|will focus|is|are)\s+on\s+(?<about>[^.]{3,200}?)(?:\.|$)|\b(?:about|covering|covers|to discuss)\s+(?<about2>[^.]{3,200}?)(?:\.|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AboutRegex();

    /// <summary>"at Elexon's offices, 350 Euston Rd, London NW1 3AW": "at" followed by a place, not by a time.</summary>
    [GeneratedRegex(@"\b(?:at|venue:?|location:?)\s+(?<place>[A-Z][^.]{2,150}?)(?:\.\s|\.$|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceRegex();

    [GeneratedRegex(@"\b(?:livestream|live stream|online|virtual|virtually|MS Teams|Microsoft Teams|Zoom|webinar)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OnlineRegex();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})[:.](?<m>\d{2})\s*(?<ap>am|pm)?(?!\d)|(?<!\d)(?<h>\d{1,2})\s*(?<ap>am|pm)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClockRegex();

    public static List<PapersEvent> Read(string[] lines, List<PapersWarning> warnings)
    {
        var found = new List<PapersEvent>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (HeadingRegex().IsMatch(lines[i])) i = ReadSection(lines, i + 1, found, warnings) - 1;
        }
        return found;
    }

    private static int ReadSection(string[] lines, int from, List<PapersEvent> found, List<PapersWarning> warnings)
    {
        var announcements = new List<(int Line, StringBuilder Text)>();
        var previousEndsSentence = true;
        var i = from;
        for (; i < lines.Length && i - from < SectionCap; i++)
        {
            var line = lines[i];
            if (PapersParser.IsBlank(line)) continue;
            if (LinkRegex().IsMatch(line)) break;
            var trimmed = line.Trim();
            var starts = BulletRegex().IsMatch(line) || (previousEndsSentence && HeadRegex().IsMatch(line));
            if (starts)
            {
                announcements.Add((i + 1, new StringBuilder(BulletRegex().Replace(trimmed, ""))));
            }
            else if (announcements.Count > 0 && announcements[^1].Text.Length < TextCap)
            {
                announcements[^1].Text.Append(' ').Append(trimmed);
            }
            else
            {
                break;
            }
            previousEndsSentence = trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith(')');
            // A line that neither wraps (no trailing space) nor ends a sentence is a heading of what follows.
            if (!PapersParser.EndsWithSpace(line) && !previousEndsSentence && !starts) break;
        }
        var events = new List<(int Line, string Text)>();
        foreach (var (line, text) in announcements)
        {
            var collapsed = Collapse(text.ToString());
            if (DateRegex().IsMatch(collapsed) || events.Count == 0)
            {
                events.Add((line, collapsed));
            }
            else if (collapsed.TrimEnd().EndsWith(':'))
            {
                break; // a bare heading ("Next steps:"): the next section
            }
            else
            {
                // "Note: ..." inside an announcement, not a new one.
                events[^1] = (events[^1].Line, events[^1].Text + " " + collapsed);
            }
        }
        found.AddRange(events.Select(e => ReadOne(e.Text, e.Line)).OfType<PapersEvent>());
        return i;
    }

    private static PapersEvent? ReadOne(string text, int line)
    {
        var date = DateRegex().Match(text);
        if (!date.Success || ToDate(date) is not { } day) return null;

        // The heading: the short colon-ended phrases in front ("REMINDER: MHHS Open Day: 23 April 2024:"); the
        // description starts at the first segment that is long or has a sentence in it.
        var segments = Regex.Split(text, @":\s+");
        var head = 0;
        while (head < segments.Length - 1 && segments[head].Length <= HeadCap && !segments[head].Contains(". ", StringComparison.Ordinal)) head++;
        var titleParts = segments.Take(head).Select(s => s.Trim())
            .Where(s => s.Length > 0 && !ShoutRegex().IsMatch(s) && !IsJustADate(s))
            .ToList();
        var description = string.Join(": ", segments.Skip(head));
        var title = titleParts.Count > 0 ? string.Join(": ", titleParts) : FirstWords(text);

        TimeOnly? start = null, end = null;
        if (TimeRangeRegex().Match(description) is { Success: true } range)
        {
            start = RangeTime(range, 1);
            end = RangeTime(range, 2);
        }
        else if (ClockRegex().Match(description) is { Success: true } clock && !IsDeadlineTime(description, clock.Index))
        {
            start = ParseClock(clock.Value);
        }

        var about = AboutRegex().Match(description) is { Success: true } a
            ? (a.Groups["about"].Success ? a.Groups["about"].Value : a.Groups["about2"].Value).Trim()
            : null;
        if (about is not null && (DateRegex().IsMatch(about) || about.StartsWith("Monday", StringComparison.Ordinal) || ClockRegex().Match(about) is { Success: true, Index: 0 })) about = null;
        var place = PlaceRegex().Match(description) is { Success: true } p && !DateRegex().IsMatch(p.Groups["place"].Value) ? p.Groups["place"].Value.Trim() : null;
        var kind = Classify(title + " " + description);
        var online = kind == EventKind.Webinar || OnlineRegex().IsMatch(description);
        return new PapersEvent(day, title, kind, start, end, place, online, about, text.Length > TextCap ? text[..TextCap] + "…" : text, line);
    }

    /// <summary>"by 17:00 today": a registration deadline, not the event's time.</summary>
    private static bool IsDeadlineTime(string text, int index) =>
        index >= 3 && text[..index].TrimEnd().EndsWith("by", StringComparison.OrdinalIgnoreCase);

    internal static EventKind Classify(string text) =>
        Regex.IsMatch(text, @"\bwebinars?\b", RegexOptions.IgnoreCase) ? EventKind.Webinar
        : Regex.IsMatch(text, @"\bopen\s+days?\b", RegexOptions.IgnoreCase) ? EventKind.OpenDay
        : Regex.IsMatch(text, @"\bworkshops?\b", RegexOptions.IgnoreCase) ? EventKind.Workshop
        : Regex.IsMatch(text, @"\b(?:conference|forum|summit|roadshow|drop-in|surgery|clinic)\b", RegexOptions.IgnoreCase) ? EventKind.Conference
        : EventKind.Other;

    private static bool IsJustADate(string segment)
    {
        var m = DateRegex().Match(segment);
        return m.Success && m.Length >= segment.Trim().Length - 1;
    }

    private static string FirstWords(string text)
    {
        var end = text.IndexOfAny(['.', ':']);
        var head = end > 0 ? text[..end] : text;
        return head.Length <= 80 ? head.Trim() : head[..80].TrimEnd() + "…";
    }
}
