using System.Text.Json.Nodes;

namespace GovBot.Features.Search;

/// <summary>What a search result is, which decides the shape it is shown in.</summary>
public enum SearchKind
{
    Action,
    Meeting,
    Event,
    ChangeRequest,
    Decision,
    Deadline,
    Information,
    Milestone,
    Group,
    Person,
    Update,
    Passage,
}

/// <summary>The button that opens a result's own card: an existing card verb and its data (e.g. action.show {ref, etag}).</summary>
public sealed record SearchOpen(string Title, string Verb, JsonObject Data);

/// <summary>
/// One thing GovBot knows, as the search index sees it. Each feature turns its records into these in its
/// <see cref="ISearchSource"/>; the index reads <see cref="Title"/>, <see cref="Text"/> and <see cref="Names"/>, the
/// card reads the rest.
/// </summary>
/// <param name="Source">The <see cref="ISearchSource.Name"/> it came from.</param>
/// <param name="Key">Unique within the source (an action ref, "DAG|34", "CR043").</param>
public sealed record SearchDocument(string Source, string Key, SearchKind Kind, string Title, string Text)
{
    /// <summary>When it happens or is due (meeting, event, deadline, action due date, milestone forecast).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>When it was published (papers, checklists): of two equally good answers, the newer wins.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>A CR's stage, an action's status, a milestone's RAG, in words.</summary>
    public string? Status { get; init; }

    /// <summary>An action's owner, a milestone's responsible party.</summary>
    public string? Owner { get; init; }

    /// <summary>Where it came from, as shown under the result: "DAG 34 papers · Participant Checklist · page 12".</summary>
    public required string Citation { get; init; }

    /// <summary>Other names of the same thing (a group's code, name and aliases): they become search synonyms.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The group it belongs to, if any.</summary>
    public string? GroupCode { get; init; }

    /// <summary>A passage's heading path ("3 Programme updates › 3.2 Testing").</summary>
    public string? Heading { get; init; }

    /// <summary>A passage's page in its paper.</summary>
    public int? Page { get; init; }

    /// <summary>The paper's document id, for a link to the original (see <see cref="ISearchOriginalLinks"/>).</summary>
    public string? DocumentId { get; init; }

    /// <summary>
    /// The original file is kept (a paper's blob), so the card can link to it without reading the paper again: a
    /// search answer then needs no storage read for its links.
    /// </summary>
    public bool HasOriginal { get; init; }

    /// <summary>The button that opens the record's card; null when it has none.</summary>
    public SearchOpen? Open { get; init; }

    /// <summary>The index's id: source and key.</summary>
    public string Id => Source + "|" + Key;
}
