namespace GovBot.Storage;

/// <summary>Every table the app's features declared (logical names, in registration order, each once).</summary>
public sealed class TableCatalogue
{
    private readonly List<string> _names = [];

    public TableCatalogue(IEnumerable<string>? names = null)
    {
        foreach (var name in names ?? []) Add(name);
    }

    public IReadOnlyList<string> Names => _names;

    internal void Add(string logicalName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        if (!_names.Contains(logicalName, StringComparer.Ordinal)) _names.Add(logicalName);
    }
}
