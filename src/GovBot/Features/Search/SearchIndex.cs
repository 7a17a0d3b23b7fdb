using System.Globalization;
using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace GovBot.Features.Search;

/// <summary>What to look for: the words, the day it is asked (for ranking by the clock) and an optional window.</summary>
public sealed record SearchRequest(string Text, DateOnly Today, int Skip = 0, int Count = 5)
{
    /// <summary>Only documents dated within it (meetings, deadlines, actions due …).</summary>
    public Recognition.DateRange? Window { get; init; }
}

/// <summary>One result: the document, its rank, how much of the question it covers, and the sentence that matched.</summary>
public sealed record SearchHit(SearchDocument Document, double Rank, double Coverage, string Snippet);

/// <summary>The results above the relevance threshold (<see cref="Total"/> of them; this page is <see cref="Hits"/>).</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyList<string> Understood);

/// <summary>
/// The in-memory search index of one app instance (Lucene.Net in a RAM directory). Documents are replaced per
/// source or per key; searches see every change as soon as it returns. The synonym sets (group names, the
/// abbreviations the texts define) are rebuilt from the documents after each change.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string IdField = "id";
    public const string SourceField = "source";
    public const string TitleField = "title";
    public const string BodyField = "body";
    public const string NamesField = "names";

    /// <summary>Below this share of the question's (weighted) words, a document is not an answer.</summary>
    public const double MinCoverage = 0.6;

    /// <summary>A result must rank at least this share of the best one: no stitching of weak hits onto a good one.</summary>
    public const double MinShareOfBest = 0.25;

    private const int Candidates = 60;

    private readonly SearchAnalyzer _analyzer = new();
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _write = new();
    private readonly ConcurrentDictionary<string, SearchDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<Abbreviation>> _abbreviations = new(StringComparer.Ordinal);
    private volatile SynonymTable _synonyms = new();
    private long _version;

    public SearchIndex()
    {
        var config = new IndexWriterConfig(SearchAnalyzer.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 48,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, true, new Bm25SearcherFactory());
    }

    public SearchAnalyzer Analyzer => _analyzer;

    /// <summary>Documents in the index.</summary>
    public int Count => _documents.Count;

    /// <summary>Goes up with every change (tests and diagnostics).</summary>
    public long Version => Interlocked.Read(ref _version);

    public SynonymTable Synonyms => _synonyms;

    public IEnumerable<SearchDocument> Documents => _documents.Values;

    public SearchDocument? Get(string source, string key) => _documents.GetValueOrDefault(source + "|" + key);

    /// <summary>Every document of <paramref name="source"/> becomes <paramref name="documents"/>.</summary>
    public void ReplaceSource(string source, IReadOnlyList<SearchDocument> documents)
    {
        lock (_write)
        {
            _writer.DeleteDocuments(new Term(SourceField, source));
            foreach (var id in _documents.Keys.Where(k => k.StartsWith(source + "|", StringComparison.Ordinal)).ToList())
            {
                _documents.TryRemove(id, out _);
                _abbreviations.TryRemove(id, out _);
            }
            foreach (var d in documents) AddLocked(d, update: false);
            CommitLocked();
        }
    }

    /// <summary>The documents of <paramref name="keys"/> become <paramref name="documents"/> (a key without one is removed).</summary>
    public void Replace(string source, IReadOnlyCollection<string> keys, IReadOnlyList<SearchDocument> documents)
    {
        lock (_write)
        {
            foreach (var key in keys)
            {
                var id = source + "|" + key;
                _writer.DeleteDocuments(new Term(IdField, id));
                _documents.TryRemove(id, out _);
                _abbreviations.TryRemove(id, out _);
            }
            foreach (var d in documents) AddLocked(d, update: true);
            CommitLocked();
        }
    }

    private void AddLocked(SearchDocument d, bool update)
    {
        var doc = new Document
        {
            new StringField(IdField, d.Id, Field.Store.YES),
            new StringField(SourceField, d.Source, Field.Store.NO),
            new TextField(TitleField, SearchVocabulary.WithCanonicalIds(d.Title), Field.Store.NO),
            new TextField(BodyField, SearchVocabulary.WithCanonicalIds(d.Text), Field.Store.NO),
            new TextField(NamesField, string.Join(" . ", d.Names.Append(KindTerms(d.Kind))), Field.Store.NO),
        };
        if (update) _writer.UpdateDocument(new Term(IdField, d.Id), doc);
        else _writer.AddDocument(doc);
        _documents[d.Id] = d;
        var defined = Abbreviations.Extract(d.Text).ToList();
        if (defined.Count > 0) _abbreviations[d.Id] = defined;
    }

    private void CommitLocked()
    {
        _searchers.MaybeRefreshBlocking();
        _synonyms = SynonymTable.Build(_analyzer, NameSets());
        Interlocked.Increment(ref _version);
    }

    /// <summary>Group names and aliases, and each abbreviation with what it stands for (as the texts define it).</summary>
    private IEnumerable<IReadOnlyList<string>> NameSets()
    {
        foreach (var d in _documents.Values)
        {
            if (d.Names.Count > 1) yield return d.Names;
        }
        foreach (var group in _abbreviations.Values.SelectMany(a => a)
                     .GroupBy(a => TrimPlural(a.Abbreviated).ToLowerInvariant(), StringComparer.Ordinal))
        {
            yield return [group.Key, .. group.Select(a => a.Expansion).Distinct(StringComparer.OrdinalIgnoreCase).Take(3)];
        }
    }

    /// <summary>The words that name what a thing is, so "deadline" or "decision" in a question counts for it.</summary>
    internal static string KindTerms(SearchKind kind) => kind switch
    {
        SearchKind.Deadline => "deadline due date",
        SearchKind.ChangeRequest => "change request",
        SearchKind.Person => "person role",
        SearchKind.Information => "information",
        SearchKind.Update => "group update",
        SearchKind.Passage => "paper",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string TrimPlural(string shortForm) =>
        shortForm.Length > 2 && shortForm[^1] == 's' && char.IsUpper(shortForm[^2]) ? shortForm[..^1] : shortForm;

    /// <summary>The abbreviations the indexed texts define.</summary>
    public IEnumerable<Abbreviation> DefinedAbbreviations => _abbreviations.Values.SelectMany(a => a);

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = SearchQuery.Parse(request.Text, _analyzer, _synonyms);
        var searcher = _searchers.Acquire();
        try
        {
            IEnumerable<(SearchDocument Doc, double Score)> candidates;
            if (parsed.Concepts.Count == 0)
            {
                // Only a window ("what's happening next week"): everything dated in it, soonest first.
                if (request.Window is not { } only) return new SearchResults([], 0, parsed.Understood);
                var dated = _documents.Values.Where(d => d.Date is { } day && only.Contains(day))
                    .OrderBy(d => d.Date).ThenBy(d => d.Title, StringComparer.Ordinal)
                    .Select(d => new SearchHit(d, 1, 1, Preview(d.Text))).ToList();
                return new SearchResults([.. dated.Skip(request.Skip).Take(request.Count)], dated.Count, parsed.Understood);
            }

            var query = parsed.ToQuery();
            var top = searcher.Search(query, request.Window is null ? Candidates : Candidates * 4);
            candidates = top.ScoreDocs
                .Select(sd => (Doc: _documents.GetValueOrDefault(searcher.Doc(sd.Doc).Get(IdField, CultureInfo.InvariantCulture) ?? ""), Score: (double)sd.Score))
                .Where(x => x.Doc is not null)
                .Select(x => (x.Doc!, x.Score));
            if (request.Window is { } window) candidates = candidates.Where(c => c.Doc.Date is { } day && window.Contains(day));

            var weights = parsed.Concepts.Select(c => Weight(searcher.IndexReader, c)).ToList();
            var total = weights.Sum();
            var ranked = candidates
                .Select(c =>
                {
                    var terms = _analyzer.Terms(SearchVocabulary.WithCanonicalIds(c.Doc.Title + " . " + c.Doc.Text + " . " + string.Join(" . ", c.Doc.Names) + " . " + KindTerms(c.Doc.Kind))).ToHashSet(StringComparer.Ordinal);
                    var covered = parsed.Concepts.Select((concept, i) => concept.IsIn(terms) ? weights[i] : 0).Sum();
                    var coverage = total > 0 ? covered / total : 0;
                    return (c.Doc, Coverage: coverage, Rank: c.Score * (0.5 + coverage) * ClockFactor(c.Doc, request.Today));
                })
                .Where(x => x.Coverage >= MinCoverage - 1e-9)
                .OrderByDescending(x => x.Rank).ThenBy(x => x.Doc.Id, StringComparer.Ordinal)
                .ToList();
            if (ranked.Count > 0)
            {
                var best = ranked[0].Rank;
                ranked = ranked.Where(x => x.Rank >= best * MinShareOfBest).ToList();
            }
            var highlighter = new Highlighter(new SimpleHTMLFormatter("**", "**"), new QueryScorer(query, BodyField))
            {
                TextFragmenter = new SentenceFragmenter(220),
            };
            var page = ranked.Skip(request.Skip).Take(request.Count)
                .Select(x => new SearchHit(x.Doc, x.Rank, x.Coverage, Snippet(highlighter, x.Doc)))
                .ToList();
            return new SearchResults(page, ranked.Count, parsed.Understood);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Rarer words count for more of a question: the concept's best inverse document frequency.</summary>
    private static double Weight(IndexReader reader, QueryConcept concept)
    {
        var n = Math.Max(1, reader.NumDocs);
        return concept.Alternatives.Max(alt => alt.Average(t =>
        {
            var df = reader.DocFreq(new Term(BodyField, t)) + reader.DocFreq(new Term(TitleField, t));
            return Math.Log(1 + ((double)n / (1 + df)));
        }));
    }

    /// <summary>
    /// The clock in the ranking: what is coming up beats what is past (and the sooner the better), and of two
    /// papers the newer wins. Factors are gentle so relevance still decides between unrelated items.
    /// </summary>
    internal static double ClockFactor(SearchDocument d, DateOnly today)
    {
        if (d.Date is { } day)
        {
            var days = day.DayNumber - today.DayNumber;
            return days >= 0 ? 1.2 + (0.2 * Math.Exp(-days / 30.0)) : 0.6 + (0.4 * Math.Exp(days / 60.0));
        }
        if (d.Published is { } published)
        {
            var age = Math.Max(0, today.DayNumber - published.DayNumber);
            return 0.85 + (0.15 * Math.Exp(-age / 365.0));
        }
        return 1;
    }

    private string Snippet(Highlighter highlighter, SearchDocument d)
    {
        var text = SearchVocabulary.WithCanonicalIds(d.Text);
        try
        {
            var fragment = highlighter.GetBestFragment(_analyzer, BodyField, text);
            if (!string.IsNullOrWhiteSpace(fragment)) return Sentence(fragment.Trim());
        }
        catch (InvalidTokenOffsetsException)
        {
            // Fall back to the start of the text.
        }
        return Preview(d.Text);
    }

    private static string Sentence(string fragment) => fragment.Length > 240 ? fragment[..239] + "…" : fragment;

    private static string Preview(string text) => text.Length > 200 ? text[..199].TrimEnd() + "…" : text;

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
