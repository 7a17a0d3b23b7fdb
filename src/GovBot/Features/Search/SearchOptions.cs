namespace GovBot.Features.Search;

/// <summary>Configuration section "Search".</summary>
internal sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How often an instance looks for changes other instances made (Search__PollSeconds); at most 60.</summary>
    public int PollSeconds { get; set; } = 30;
}
