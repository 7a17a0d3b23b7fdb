namespace GovBot.Features.Papers;

/// <summary>
/// One imported paper: which meeting's papers it is, which version, and where its original lives. The text is kept
/// as <see cref="PaperPassage"/>s. <see cref="Key"/> names the document across versions: its MHHS document id when
/// printed on the cover ("MHHS-DEL540"), else the group and meeting ("DAG-34-papers"), else the file name.
/// </summary>
/// <param name="GroupCode">"DAG"; <see cref="PaperKeys.NoGroup"/> when the papers do not say.</param>
/// <param name="Version">"0.1" as printed ("Version 0.1"); null when not printed.</param>
/// <param name="ContentHash">SHA-256 of the original file, lower-case hex: the same file imported twice is recognised by it.</param>
/// <param name="BlobName">The original in the papers container: "{ContentHash}{.pdf|.txt}" (every version kept).</param>
/// <param name="PassageCount">How many passages the current version has.</param>
public sealed record Paper(
    string Key,
    string GroupCode,
    string? MeetingNumber,
    DateOnly? MeetingDate,
    string? Version,
    string? DocumentId,
    string Title,
    string FileName,
    string ContentHash,
    string BlobName,
    string ContentType,
    long Size,
    int PassageCount);

/// <summary>
/// A piece of a paper's text, at most <see cref="PaperPassages.MaxChars"/> characters, cut at paragraph boundaries.
/// </summary>
/// <param name="Headings">The section headings above it, outermost first ("3. CR043 Decision", "Background").</param>
/// <param name="Page">The PDF page it starts on; null for text files.</param>
/// <param name="Order">0, 1, 2… in reading order.</param>
public sealed record PaperPassage(
    string PaperKey,
    int Order,
    IReadOnlyList<string> Headings,
    int? Page,
    string Text);

/// <summary>What the papers are, as far as the importer knows (from <c>PapersImport.Meeting</c>).</summary>
public sealed record PaperIdentity(string? GroupCode, string? MeetingNumber, DateOnly? MeetingDate, string? DocumentId);

/// <summary>A file to keep: its name, its bytes, and the text read from it (with PDF page starts when known).</summary>
public sealed record PaperFile(string FileName, byte[] Original, string Text, IReadOnlyList<int>? PageStarts);

public enum PaperKeptKind
{
    /// <summary>A document not stored before.</summary>
    Added,

    /// <summary>The same file (same content hash) was stored already: nothing written.</summary>
    Unchanged,

    /// <summary>Another version of a stored document: its passages were replaced.</summary>
    Replaced,

    /// <summary>An older version than the one stored: the stored one is kept, nothing written.</summary>
    OlderKept,
}

public sealed record PaperKept(PaperKeptKind Kind, Paper Paper)
{
    public string Summary => Kind switch
    {
        PaperKeptKind.Added => $"Paper kept: {Paper.Title} ({Paper.PassageCount} passages).",
        PaperKeptKind.Replaced => $"Paper kept: {Paper.Title}, version {Paper.Version ?? "?"} replaces the stored version ({Paper.PassageCount} passages).",
        PaperKeptKind.OlderKept => $"Paper not kept: {Paper.Title} is stored in a newer version.",
        _ => $"Paper unchanged: {Paper.Title} (the same file was imported before).",
    };
}
