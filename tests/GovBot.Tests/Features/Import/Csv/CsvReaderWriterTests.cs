using GovBot.Features.Import;

namespace GovBot.Tests.Features.Import;

/// <summary>The RFC 4180 reader and writer on their own: quoting, line breaks, BOM, and errors with their line.</summary>
public class CsvReaderWriterTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Fields(string text)
    {
        var doc = CsvReader.Read(text);
        Assert.Null(doc.Error);
        return doc.Records.Select(r => r.Fields).ToList();
    }

    [Fact]
    public void Read_PlainFields_CrLfAndLfAndCr()
    {
        var rows = Fields("a,b,c\r\n1,2,3\n4,5,6\r7,8,9");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["a", "b", "c"], rows[0]);
        Assert.Equal(["7", "8", "9"], rows[3]);
    }

    [Fact]
    public void Read_QuotedFields_HoldCommasDoubledQuotesAndLineBreaks()
    {
        var rows = Fields("ref,text\r\nDAG33-01,\"Review, then \"\"sign off\"\"\r\nsecond line\nthird\"\r\nDAG33-02,\"\"\r\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal("Review, then \"sign off\"\r\nsecond line\nthird", rows[1][1]);
        Assert.Equal("", rows[2][1]);
    }

    [Fact]
    public void Read_RecordsKnowTheLineTheyStartOn_AcrossEmbeddedLineBreaks()
    {
        var doc = CsvReader.Read("h1,h2\n\"a\nb\nc\",x\n\ny,z\n");
        Assert.Equal([1, 2, 6], doc.Records.Select(r => r.Line));
    }

    [Fact]
    public void Read_IgnoresByteOrderMark_AndBlankLines_AndKeepsEmptyTrailingFields()
    {
        var rows = Fields("\uFEFFid,name\r\n\r\np1,\r\n\r\n");
        Assert.Equal(["id", "name"], rows[0]);
        Assert.Equal(["p1", ""], rows[1]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Read_UnclosedQuote_IsAnErrorOnTheLineWhereTheFieldStarts()
    {
        var doc = CsvReader.Read("a,b\n1,\"never closed\n2,3\n");
        Assert.Equal(2, doc.Error!.Line);
        Assert.Contains("not closed", doc.Error.Reason);
    }

    [Fact]
    public void Read_QuoteInsideUnquotedField_IsAnError()
    {
        var doc = CsvReader.Read("a,b\n1,2\n3,ab\"c\n");
        Assert.Equal(3, doc.Error!.Line);
        Assert.Contains("inside an unquoted field", doc.Error.Reason);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_IsAnError()
    {
        var doc = CsvReader.Read("a,b\n\"x\"y,2\n");
        Assert.Equal(2, doc.Error!.Line);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("", "")]
    public void Quote_OnlyWhenNeeded(string field, string expected) => Assert.Equal(expected, CsvWriter.Quote(field));

    [Fact]
    public void WriteThenRead_GivesTheSameFields()
    {
        string?[][] records =
        [
            ["ref", "text", "owner"],
            ["DAG33-07", "Programme to publish, \"soon\"\r\n- first\n- second", " Programme (Lee Cox) "],
            ["DAG33-08", "", null],
        ];
        var text = CsvWriter.Write(records);
        Assert.EndsWith("\r\n", text);
        var read = Fields(text);
        Assert.Equal(records.Select(r => r.Select(f => f ?? "").ToArray()), read.Select(r => r.ToArray()));
    }
}
