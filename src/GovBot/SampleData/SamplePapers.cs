using GovBot.Features.Import;
using GovBot.Features.Papers;

namespace GovBot.SampleData;

/// <summary>
/// The three real MHHS papers the sample data set was written from (DAG 14, DAG 34, TMAG 6), kept as papers like an
/// import would. They are not ours to commit: they are read from ../shared/fixtures/mhhs-papers beside the
/// repository root (the folder holding GovBot.sln), and skipped with one line saying so when that is absent.
/// </summary>
public static class SamplePapers
{
    public static readonly IReadOnlyList<string> FileNames =
        ["dag-14-2022-08-10-papers.txt", "dag-34-2024-03-13-papers.txt", "tmag-06-2022-06-15-papers.txt"];

    /// <summary>../shared/fixtures/mhhs-papers next to the repository root found above the app or the working directory; null when absent.</summary>
    public static string? FindFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "GovBot.sln"))) continue;
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "mhhs-papers"));
                return System.IO.Directory.Exists(folder) ? folder : null;
            }
        }
        return null;
    }

    /// <summary>Keeps the papers found in <paramref name="folder"/>; one line per paper, or why none were kept.</summary>
    public static async Task<IReadOnlyList<string>> KeepAsync(PaperCommands papers, string? folder, CancellationToken cancellationToken)
    {
        if (folder is null) return ["Sample papers skipped: ../shared/fixtures/mhhs-papers (beside the repository) is not here."];
        var lines = new List<string>();
        foreach (var name in FileNames)
        {
            var read = await PapersFileReader.ReadAsync(Path.Combine(folder, name), cancellationToken);
            if (read is not { Text: { } text, Original: { } original })
            {
                lines.Add($"Sample paper {name} skipped: {read.Error}");
                continue;
            }
            var meeting = PapersParser.Parse(text, name).Meeting;
            var kept = await papers.KeepAsync(new PaperIdentity(meeting.Group, meeting.Number, meeting.Date, meeting.DocumentId), new PaperFile(name, original, text, read.PageStarts), cancellationToken);
            lines.Add(kept.Summary);
        }
        return lines;
    }
}
