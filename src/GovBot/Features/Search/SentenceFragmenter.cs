using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search.Highlight;

namespace GovBot.Features.Search;

/// <summary>
/// Cuts a text into sentences for the highlighter, so a result shows the sentence that matched rather than a
/// fixed-size window that starts mid-sentence. A very long "sentence" (a table row, a list without stops) is cut
/// every <c>maxChars</c> as well.
/// </summary>
internal sealed class SentenceFragmenter(int maxChars) : IFragmenter
{
    private string _text = "";
    private IOffsetAttribute? _offset;
    private int _fragmentStart;
    private int _lastEnd;

    public void Start(string originalText, TokenStream tokenStream)
    {
        _text = originalText;
        _offset = tokenStream.AddAttribute<IOffsetAttribute>();
        _fragmentStart = 0;
        _lastEnd = 0;
    }

    public bool IsNewFragment()
    {
        var start = _offset!.StartOffset;
        // Between the last word and this one: a full stop, question or exclamation mark, or a line break.
        var gap = start > _lastEnd && start <= _text.Length ? _text.AsSpan(_lastEnd, start - _lastEnd) : [];
        var isNew = _lastEnd > 0 && (gap.IndexOfAny(".?!\n") >= 0 || start - _fragmentStart > maxChars);
        if (isNew) _fragmentStart = start;
        _lastEnd = _offset.EndOffset;
        return isNew;
    }
}
