using System.Text;

namespace GovBot.Features.Import;

/// <summary>A problem with one place of a CSV file. <paramref name="Line"/> is 1-based; <paramref name="Column"/> is the header name (null for the whole row or file).</summary>
public sealed record CsvError(int Line, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"line {Line}: {Reason}" : $"line {Line}, column '{Column}': {Reason}";
}

/// <summary>One record of a CSV file: the line it starts on and its fields.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>The records of a CSV text, or the first syntax error (a CSV with broken quoting cannot be read any further reliably).</summary>
internal sealed record CsvDocument(IReadOnlyList<CsvRecord> Records, CsvError? Error);

/// <summary>
/// RFC 4180 CSV: fields separated by commas, records by CRLF (LF and lone CR accepted), fields in double quotes
/// may hold commas, line breaks and doubled quotes (""). A leading byte-order mark is ignored; blank lines are skipped.
/// </summary>
internal static class CsvReader
{
    public static CsvDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var recordLine = 1;
        var quoted = false;      // the current field started with a quote
        var fieldStarted = false; // the current record has any content

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            quoted = false;
        }

        void EndRecord()
        {
            EndField();
            // A blank line (one empty unquoted field) is not a record.
            if (!(fields.Count == 1 && fields[0].Length == 0 && !fieldStarted)) records.Add(new CsvRecord(recordLine, fields.ToArray()));
            fields.Clear();
            fieldStarted = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (field.Length == 0 && !quoted && c == '"')
            {
                // A quoted field: read to the closing quote.
                quoted = true;
                fieldStarted = true;
                var startLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length) return new CsvDocument(records, new CsvError(startLine, null, "a quoted field is not closed (a \" is missing)"));
                    var q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && !(i + 1 < text.Length && text[i + 1] == '\n'))) line++;
                    field.Append(q);
                    i++;
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    return new CsvDocument(records, new CsvError(line, null, $"unexpected '{text[i]}' after a closing quote (quotes inside a field must be doubled: \"\")"));
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    fieldStarted = true;
                    EndField();
                    i++;
                    break;
                case '\r' or '\n':
                    EndRecord();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                case '"':
                    return new CsvDocument(records, new CsvError(line, null, "a \" inside an unquoted field (put the field in quotes and double the quote: \"\")"));
                default:
                    fieldStarted = true;
                    field.Append(c);
                    i++;
                    break;
            }
        }
        if (fieldStarted || field.Length > 0 || fields.Count > 0) EndRecord();
        return new CsvDocument(records, null);
    }
}

/// <summary>Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, line break or edge spaces.</summary>
internal static class CsvWriter
{
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            writer.Write(Quote(f ?? ""));
        }
        writer.Write("\r\n");
    }

    public static string Quote(string field)
    {
        var needs = field.Length > 0 && (field[0] == ' ' || field[^1] == ' ' || field.AsSpan().IndexOfAny(",\"\r\n") >= 0);
        return needs ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    public static string Write(IEnumerable<IEnumerable<string?>> records)
    {
        using var writer = new StringWriter();
        foreach (var r in records) WriteRecord(writer, r);
        return writer.ToString();
    }
}
