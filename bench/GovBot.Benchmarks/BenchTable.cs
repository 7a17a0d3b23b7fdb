namespace GovBot.Benchmarks;

/// <summary>A benchmark's results as a Markdown table, columns padded so the raw output reads as a table too.</summary>
internal static class BenchTable
{
    public static void Print(TextWriter output, string[] header, List<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        string Line(string[] r) => "| " + string.Join(" | ", r.Select((cell, c) => cell.PadRight(widths[c]))) + " |";
        output.WriteLine(Line(header));
        output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var r in rows) output.WriteLine(Line(r));
    }
}
