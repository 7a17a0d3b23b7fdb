using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GovBot.Features.Search;

/// <summary>One thing the question asks about: a word, or a name with its synonyms (each a list of terms).</summary>
internal sealed record QueryConcept(IReadOnlyList<IReadOnlyList<string>> Alternatives)
{
    public bool IsIn(HashSet<string> terms) => Alternatives.Any(a => a.All(terms.Contains));
}

/// <summary>A question read for search: its concepts, and the Lucene query over titles, texts and names.</summary>
internal sealed class SearchQuery
{
    /// <summary>Words that shape a question but say nothing of its subject ("when does … close").</summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "when", "where", "who", "whom", "which", "why", "how", "do", "doe", "does", "did", "done", "i", "me", "my", "we",
        "our", "us", "you", "your", "can", "could", "should", "would", "shall", "may", "might", "must", "ani", "any", "about",
        "tell", "show", "find", "search", "look", "pleas", "please", "happen", "happening", "go", "going", "get", "got", "know",
        "need", "someon", "anyon", "there", "here", "has", "have", "had", "been", "being", "am", "it", "its", "thing", "info",
        "inform", "detail", "latest", "whi", "list", "give", "see", "want", "like", "some", "all", "just", "next", "last",
    };

    private SearchQuery(IReadOnlyList<QueryConcept> concepts, IReadOnlyList<string> understood)
    {
        Concepts = concepts;
        Understood = understood;
    }

    public IReadOnlyList<QueryConcept> Concepts { get; }

    /// <summary>The words the search used, for the card ("Searched for: pre-qualification, submission").</summary>
    public IReadOnlyList<string> Understood { get; }

    public static SearchQuery Parse(string text, SearchAnalyzer analyzer, SynonymTable synonyms)
    {
        var terms = analyzer.Terms(SearchVocabulary.WithCanonicalIds(text ?? ""))
            .Where(t => !QuestionWords.Contains(t))
            .ToList();
        var concepts = new List<QueryConcept>();
        var understood = new List<string>();
        var used = new bool[terms.Count];
        foreach (var (start, length, set) in synonyms.Find(terms))
        {
            if (Enumerable.Range(start, length).Any(i => used[i])) continue;
            for (var i = start; i < start + length; i++) used[i] = true;
            concepts.Add(new QueryConcept(set.Names));
            understood.Add(string.Join(' ', terms.Skip(start).Take(length)) + " (" + string.Join(", ", set.Names.Select(n => string.Join(' ', n)).Skip(0).Take(3)) + ")");
        }
        for (var i = 0; i < terms.Count; i++)
        {
            if (used[i] || concepts.Any(c => c.Alternatives.Count == 1 && c.Alternatives[0].Count == 1 && c.Alternatives[0][0] == terms[i])) continue;
            concepts.Add(new QueryConcept([[terms[i]]]));
            understood.Add(terms[i]);
        }
        return new SearchQuery(concepts, understood);
    }

    public Query ToQuery()
    {
        var query = new BooleanQuery();
        foreach (var concept in Concepts)
        {
            foreach (var alternative in concept.Alternatives)
            {
                query.Add(Field(SearchIndex.TitleField, alternative, 2f), Occur.SHOULD);
                query.Add(Field(SearchIndex.BodyField, alternative, 1f), Occur.SHOULD);
                query.Add(Field(SearchIndex.NamesField, alternative, 2f), Occur.SHOULD);
            }
        }
        return query;
    }

    private static Query Field(string field, IReadOnlyList<string> terms, float boost)
    {
        if (terms.Count == 1) return new TermQuery(new Term(field, terms[0])) { Boost = boost };
        var phrase = new PhraseQuery { Slop = 1, Boost = boost };
        foreach (var t in terms) phrase.Add(new Term(field, t));
        return phrase;
    }
}
