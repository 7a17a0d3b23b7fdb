using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static GovBot.Features.Import.PapersVocabulary;

namespace GovBot.Features.Import;

/// <summary>
/// One topic of a governance group's update as another group's papers report it ("Update from PSG 06 July 2022",
/// item 2: "Decision on CR007 – the Programme presented …").
/// </summary>
/// <param name="Group">The group that met ("PSG").</param>
/// <param name="MeetingDate">The day it met, as the update's heading gives it.</param>
/// <param name="Order">1-based position of the topic within that group's update.</param>
/// <param name="Topic">The topic's heading ("Decision on CR007"); empty when the papers give none.</param>
/// <param name="Text">What was said, without the topic heading.</param>
/// <param name="ChangeRequests">CRs it mentions, "CR007" form, in order.</param>
/// <param name="Releases">Releases it mentions ("Interim Release 8").</param>
/// <param name="Documents">Documents it mentions: ids ("MHHS-DEL540") and named, versioned or terms-of-reference documents.</param>
public sealed record PapersGroupUpdate(
    string Group,
    DateOnly MeetingDate,
    int Order,
    string Topic,
    string Text,
    IReadOnlyList<string> ChangeRequests,
    IReadOnlyList<string> Releases,
    IReadOnlyList<string> Documents,
    int Line);

/// <summary>
/// Reads governance group updates in the layouts the papers use: a heading naming the group and its meeting date
/// ("Update from PSG 06 July 2022", "Updates from DAG 16 February 2023", or just "SITAG 21 February 2024"), then
/// either numbered topics ("1. M5 design plan – the Programme …") or paragraphs that start with a heading and a
/// colon ("CR042 Decision: The PSG approved CR042 …"). An update ends at its "papers available here" / "Headline
/// Report" line, at a heading, or at the next update's heading.
/// </summary>
internal static partial class GroupUpdatesReader
{
    /// <summary>Lines one update may span, so a missing end does not swallow the papers.</summary>
    private const int UpdateCap = 150;

    /// <summary>A topic heading longer than this is a sentence, not a heading.</summary>
    private const int TopicCap = 110;

    private static readonly HashSet<string> NotGroupCodes = ["CR", "IR", "MHHS", "DEL", "PKI", "DIP", "SIT", "IF", "TOM", "RAG", "REC", "BSC", "SEC", "DCC", "UK", "GMT", "BST"];

    [GeneratedRegex(@"^\s*(?<from>Updates?\s+from\s+(?:the\s+)?)?(?<code>[A-Z][A-Z0-9]{1,7})\s+(?:meeting\s+)?(?:(?:held\s+)?on\s+)?(?:\(\s*)?" + DatePattern + @"\s*\)?\s*:?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})[.)]\s*(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRegex();

    [GeneratedRegex(@"\b(?:papers?\s+(?:are\s+)?available|headline\s+report|report\s+is\s+available|minutes\s+are\s+available|available\s+\[?here)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TerminatorRegex();

    /// <summary>"Title – text", "Title - text", "Title: text", "Title : text" at the start of a topic.</summary>
    [GeneratedRegex(@"^(?<topic>[^:–—]{2," + "110" + @"}?)\s*(?:\s[–—-]\s|:\s)\s*(?<text>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TopicRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])CR\s?-?0*(?<n>\d{1,3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CrRegex();

    [GeneratedRegex(@"\b(?:(?:Design|Code|Programme)\s+)?(?:Interim\s+)?Release\s+(?:R)?\d+(?:\.\d+)?\b|\bIR\s?\d+(?:\.\d+)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseRegex();

    [GeneratedRegex(@"MHHS-DEL\d+|\b(?:[A-Z][\w&/-]*\s+){0,5}[A-Z][\w&/-]*\s*\(?v\d+(?:\.\d+)?\)?(?![\w.])|\b[A-Z]{2,6}\s+Terms\s+of\s+Reference", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentRegex();

    public static List<PapersGroupUpdate> Read(string[] lines, List<PapersWarning> warnings)
    {
        var found = new List<PapersGroupUpdate>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Header(lines[i]) is not { } header) continue;
            var (topics, next) = ReadTopics(lines, i + 1);
            var order = 0;
            foreach (var (line, raw) in topics)
            {
                var (topic, text) = SplitTopic(raw);
                if (text.Length == 0) continue;
                order++;
                found.Add(new PapersGroupUpdate(header.Group, header.Date, order, topic, text,
                    CrRegex().Matches(raw).Select(m => $"CR{int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture):000}").Distinct().ToList(),
                    ReleaseRegex().Matches(raw).Select(m => Collapse(m.Value)).Distinct().ToList(),
                    DocumentRegex().Matches(raw).Select(m => Collapse(m.Value.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal))).Distinct().ToList(),
                    line));
            }
            if (order == 0 && header.Explicit)
            {
                warnings.Add(new PapersWarning(i + 1, $"an update from {header.Group} has no topics that could be read", lines[i]));
            }
            i = Math.Max(i, next - 1);
        }
        return found;
    }

    private sealed record UpdateHeader(string Group, DateOnly Date, bool Explicit);

    private static UpdateHeader? Header(string line)
    {
        var m = HeaderRegex().Match(line);
        if (!m.Success || NotGroupCodes.Contains(m.Groups["code"].Value) || ToDate(m) is not { } date) return null;
        return new UpdateHeader(m.Groups["code"].Value, date, m.Groups["from"].Success);
    }

    /// <summary>The raw topics after a header (each with its 1-based line), and the line where the update ended.</summary>
    private static (List<(int Line, string Text)> Topics, int Next) ReadTopics(string[] lines, int from)
    {
        var topics = new List<(int Line, StringBuilder Text)>();
        bool? numbered = null;
        string? previous = null;
        var i = from;
        for (; i < lines.Length && i - from < UpdateCap; i++)
        {
            var line = lines[i];
            if (PapersParser.IsBlank(line)) continue;
            if (TerminatorRegex().IsMatch(line) || Header(line) is not null) break;
            var trimmed = line.Trim();
            var isNumbered = NumberedRegex().Match(line) is { Success: true } nm;
            numbered ??= isNumbered;
            var wrapped = previous is not null && PapersParser.EndsWithSpace(previous);
            var sentenceEnded = previous is null || EndsSentence(previous);

            if (numbered == true && isNumbered)
            {
                topics.Add((i + 1, new StringBuilder(NumberedRegex().Match(line).Groups["rest"].Value.Trim())));
            }
            else if (topics.Count > 0 && (wrapped && (!sentenceEnded || numbered == true)))
            {
                topics[^1].Text.Append(' ').Append(trimmed);
            }
            else if (numbered == false && (sentenceEnded || topics.Count == 0))
            {
                // A heading line (neither wrapped nor a sentence) after a finished topic ends the update.
                if (topics.Count > 0 && !PapersParser.EndsWithSpace(line) && !EndsSentence(line) && !TopicRegex().IsMatch(trimmed)) break;
                topics.Add((i + 1, new StringBuilder(trimmed)));
            }
            else if (topics.Count > 0 && numbered == false)
            {
                topics[^1].Text.Append(' ').Append(trimmed);
            }
            else
            {
                break;
            }
            previous = line;
        }

        // A paragraph without a heading of its own continues the topic before it ("…rejected by DAG in February.").
        var merged = new List<(int Line, string Text)>();
        foreach (var (line, text) in topics)
        {
            var collapsed = Collapse(text.ToString());
            if (numbered == false && merged.Count > 0 && !HasTopicHead(collapsed)) merged[^1] = (merged[^1].Line, merged[^1].Text + " " + collapsed);
            else merged.Add((line, collapsed));
        }
        return (merged, i);
    }

    private static bool EndsSentence(string line)
    {
        var t = line.TrimEnd();
        return t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?');
    }

    private static bool HasTopicHead(string text) =>
        TopicRegex().Match(text) is { Success: true } m && !m.Groups["topic"].Value.Contains(". ", StringComparison.Ordinal);

    private static (string Topic, string Text) SplitTopic(string raw)
    {
        if (TopicRegex().Match(raw) is { Success: true } m && m.Groups["topic"].Value.Length <= TopicCap && !m.Groups["topic"].Value.Contains(". ", StringComparison.Ordinal))
        {
            return (m.Groups["topic"].Value.Trim(), m.Groups["text"].Value.Trim());
        }
        return ("", raw.Trim());
    }
}
