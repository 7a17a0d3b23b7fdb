using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GovBot.Features.Search;

/// <summary>English analysis (possessives, stop words, Porter stems) for documents and questions alike.</summary>
public sealed class SearchAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The terms of <paramref name="text"/>, in order.</summary>
    public List<string> Terms(string text, string field = SearchIndex.BodyField)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}

/// <summary>
/// The programme's own vocabulary: change request numbers written any way, and sets of names for one thing (a
/// group's code, name and aliases; an abbreviation and what it stands for).
/// </summary>
internal static partial class SearchVocabulary
{
    /// <summary>"CR 43", "change request 43", "CR043": each written as "CR043" (keeping the words), so all three match.</summary>
    public static string WithCanonicalIds(string text) =>
        ChangeRequestRegex().Replace(text, m =>
            int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1000
                ? (m.Value.StartsWith("c", StringComparison.OrdinalIgnoreCase) && m.Value.Length > 2 && char.IsLetter(m.Value[2]) ? "change request " : "") + $"CR{n:000}"
                : m.Value);

    [GeneratedRegex(@"\b(?:CR|change\s+request)\s*(?:no\.?\s*|number\s*)?0*(?<n>\d{1,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangeRequestRegex();
}

/// <summary>Names of one thing, each as analysed terms (a one-term name is a word, a longer one a phrase).</summary>
public sealed record SynonymSet(IReadOnlyList<IReadOnlyList<string>> Names);

/// <summary>The synonym sets of the current index, looked up by any name's first term.</summary>
public sealed class SynonymTable
{
    private readonly Dictionary<string, List<(IReadOnlyList<string> Name, SynonymSet Set)>> _byFirstTerm = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public static SynonymTable Build(SearchAnalyzer analyzer, IEnumerable<IReadOnlyList<string>> nameSets)
    {
        var table = new SynonymTable();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var names in nameSets)
        {
            var analysed = names.Select(n => (IReadOnlyList<string>)analyzer.Terms(n)).Where(t => t.Count > 0)
                .DistinctBy(t => string.Join(' ', t)).ToList();
            if (analysed.Count < 2) continue;
            var key = string.Join('|', analysed.Select(t => string.Join(' ', t)).Order(StringComparer.Ordinal));
            if (!seen.Add(key)) continue;
            var set = new SynonymSet(analysed);
            foreach (var name in analysed)
            {
                if (!table._byFirstTerm.TryGetValue(name[0], out var list)) table._byFirstTerm[name[0]] = list = [];
                list.Add((name, set));
            }
            table.Count++;
        }
        return table;
    }

    /// <summary>The names in <paramref name="terms"/>, longest first at each position: (start, length, set).</summary>
    public IEnumerable<(int Start, int Length, SynonymSet Set)> Find(IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (!_byFirstTerm.TryGetValue(terms[i], out var candidates)) continue;
            foreach (var (name, set) in candidates.OrderByDescending(c => c.Name.Count))
            {
                if (i + name.Count > terms.Count) continue;
                var matches = true;
                for (var k = 1; k < name.Count && matches; k++) matches = terms[i + k] == name[k];
                if (matches) yield return (i, name.Count, set);
            }
        }
    }
}
