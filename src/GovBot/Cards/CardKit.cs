using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GovBot.Cards;

/// <summary>Pieces every card factory uses: titles, the "as of" line, safe text, paging and the size budget.</summary>
public static partial class CardKit
{
    /// <summary>Every card must stay within this many bytes of UTF-8 JSON (Teams' webhook limit; bot messages allow more).</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>Items per page on list cards.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The verb of "Show more" buttons; data carries { query, page }.</summary>
    public const string MoreVerb = "list.more";

    public static TextBlock Title(string text) =>
        new(Safe(text)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Heading = true };

    public static TextBlock Subtitle(string text) => new(Safe(text)) { IsSubtle = true, Spacing = Spacing.None };

    public static TextBlock SectionHeading(string text) =>
        new(Safe(text)) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = Spacing.Large, Separator = true };

    public static TextBlock AsOf(DateOnly asOf) => new(UkFormat.AsOf(asOf)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };

    /// <summary>Text from papers or users made safe for the Teams markdown subset: no HTML tags, no headers, bounded length.</summary>
    public static string Safe(string? text, int maxLength = 600)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Length > maxLength ? text[..(maxLength - 1)].TrimEnd() + "…" : text;
        s = TagStartRegex().Replace(s, "‹");
        s = HeaderRegex().Replace(s, "$1\u200B$2");
        return s;
    }

    /// <summary>One page of a list and, when there are more, a "Show more" button for the next page.</summary>
    public static (IReadOnlyList<T> Items, CardButton? More, string Summary) Page<T>(IReadOnlyList<T> all, string query, int page, int pageSize = DefaultPageSize)
    {
        page = Math.Max(0, page);
        pageSize = Math.Max(1, pageSize);
        var items = all.Skip(page * pageSize).Take(pageSize).ToList();
        var shownTo = (page * pageSize) + items.Count;
        var more = shownTo < all.Count
            ? new ActionExecute($"Show more ({all.Count - shownTo} more)", MoreVerb, new JsonObject { ["query"] = query, ["page"] = page + 1 })
            : null;
        var summary = all.Count == 0 ? "None found."
            : items.Count == all.Count ? $"{all.Count} in total."
            : $"Showing {(page * pageSize) + 1}–{shownTo} of {all.Count}.";
        return (items, more, summary);
    }

    /// <summary>The card's JSON, checked against the size budget.</summary>
    public static JsonObject Build(AdaptiveCard card)
    {
        var json = card.ToJson();
        var bytes = Utf8Size(json);
        if (bytes > MaxCardBytes)
            throw new InvalidOperationException($"Card is {bytes} bytes of UTF-8, over the {MaxCardBytes}-byte limit; page the list.");
        return json;
    }

    /// <summary>Bytes of the compact UTF-8 JSON, counted as it is written into a reused scratch buffer (no copy of the card is kept).</summary>
    public static int Utf8Size(JsonNode json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var counter = t_counter ??= new ByteCounter();
        counter.Count = 0;
        var writer = t_writer ??= new Utf8JsonWriter(counter);
        writer.Reset(counter);
        json.WriteTo(writer);
        writer.Flush();
        return checked((int)counter.Count);
    }

    [ThreadStatic] private static ByteCounter? t_counter;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>An <see cref="IBufferWriter{T}"/> that only counts: every write lands in the same scratch array.</summary>
    private sealed class ByteCounter : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public long Count { get; set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length)
            {
                _scratch = new byte[Math.Max(sizeHint, _scratch.Length * 2)];
            }

            return _scratch;
        }
    }

    /// <summary>Joins markdown list lines; Teams wants \r between list items.</summary>
    public static string Bullets(IEnumerable<string> lines) => string.Join("\r", lines.Select(l => "- " + l));

    [GeneratedRegex(@"<(?=[A-Za-z/!?])")] private static partial Regex TagStartRegex();
    [GeneratedRegex(@"(^|\n)(#)", RegexOptions.Multiline)] private static partial Regex HeaderRegex();
}
