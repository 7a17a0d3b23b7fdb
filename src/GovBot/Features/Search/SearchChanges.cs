using Microsoft.Extensions.Options;

namespace GovBot.Features.Search;

/// <summary>
/// Keeps this instance's index in step with storage. Slices call <see cref="ChangedAsync"/> after they write
/// (this instance's index is updated before it returns, and the source's version marker is bumped for the
/// others); <see cref="CatchUpAsync"/> reloads the sources another instance changed.
/// </summary>
public sealed partial class SearchChanges(
    SearchIndex index,
    IEnumerable<ISearchSource> sources,
    SearchVersionStore versions,
    ILogger<SearchChanges> logger) : IDisposable
{
    private readonly Dictionary<string, ISearchSource> _sources = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    private Task? _built;
    private readonly Lock _buildLock = new();

    public IReadOnlyCollection<string> SourceNames => _sources.Keys;

    /// <summary>Whether this instance has started building its index (an app does at start; a command line never does).</summary>
    private bool IsBuilding
    {
        get
        {
            lock (_buildLock) return _built is not null;
        }
    }

    /// <summary>Builds the index from storage once (start-up); later calls wait for the same build.</summary>
    public Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        lock (_buildLock)
        {
            if (_built is null || _built.IsFaulted || _built.IsCanceled) _built = BuildAsync(cancellationToken);
            return _built.WaitAsync(cancellationToken);
        }
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var marks = await versions.ReadAsync(cancellationToken);
            var loads = _sources.Values.Select(async s => (s.Name, Docs: await s.LoadAllAsync(cancellationToken))).ToList();
            foreach (var (name, docs) in await Task.WhenAll(loads))
            {
                index.ReplaceSource(name, docs);
                if (marks.TryGetValue(name, out var etag)) _seen[name] = etag;
            }
            LogBuilt(logger, index.Count, _sources.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The records of <paramref name="keys"/> in <paramref name="source"/> changed (or were deleted).</summary>
    public async Task ChangedAsync(string source, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (!_sources.TryGetValue(source, out var s)) throw new ArgumentException($"No search source is called '{source}'.", nameof(source));
        try
        {
            if (!IsBuilding)
            {
                // Nothing here reads the index (a command-line import): tell the running instances only.
                await versions.BumpAsync(source, cancellationToken);
                return;
            }
            await EnsureBuiltAsync(cancellationToken);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                index.Replace(source, keys, await s.LoadAsync(keys, cancellationToken));
                _seen[source] = await versions.BumpAsync(source, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; the index catches up at the next change or poll.
            LogChangeNotIndexed(logger, source, e);
        }
    }

    /// <summary>Whole sources changed (an import): reload each, and bump their markers.</summary>
    public async Task SourcesChangedAsync(IEnumerable<string> sourceNames, CancellationToken cancellationToken)
    {
        try
        {
            if (!IsBuilding)
            {
                foreach (var name in sourceNames.Where(_sources.ContainsKey).Distinct(StringComparer.Ordinal)) await versions.BumpAsync(name, cancellationToken);
                return;
            }
            await EnsureBuiltAsync(cancellationToken);
            await ReloadAsync(sourceNames, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogChangeNotIndexed(logger, string.Join(", ", sourceNames), e);
        }
    }

    private async Task ReloadAsync(IEnumerable<string> sourceNames, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var name in sourceNames.Where(_sources.ContainsKey).Distinct(StringComparer.Ordinal))
            {
                index.ReplaceSource(name, await _sources[name].LoadAllAsync(cancellationToken));
                _seen[name] = await versions.BumpAsync(name, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reloads every source whose marker another instance moved; returns their names.</summary>
    public async Task<IReadOnlyList<string>> CatchUpAsync(CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var marks = await versions.ReadAsync(cancellationToken);
        var reloaded = new List<string>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var (name, etag) in marks)
            {
                if (!_sources.TryGetValue(name, out var source) || (_seen.TryGetValue(name, out var seen) && seen == etag)) continue;
                index.ReplaceSource(name, await source.LoadAllAsync(cancellationToken));
                _seen[name] = etag;
                reloaded.Add(name);
            }
        }
        finally
        {
            _gate.Release();
        }
        if (reloaded.Count > 0) LogCaughtUp(logger, reloaded);
        return reloaded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {Documents} documents from {Sources} sources")]
    private static partial void LogBuilt(ILogger logger, int documents, int sources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index not updated after a change to {Source}; it catches up later")]
    private static partial void LogChangeNotIndexed(ILogger logger, string source, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index caught up with changes made elsewhere to: {Sources}")]
    private static partial void LogCaughtUp(ILogger logger, IReadOnlyList<string> sources);
}

/// <summary>Builds the index at start-up and catches up with other instances every <see cref="SearchOptions.PollSeconds"/>.</summary>
internal sealed partial class SearchIndexService(SearchChanges changes, IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Clamp(options.Value.PollSeconds, 1, 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await changes.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage may be down; questions still get the index as it was, and the next round retries.
                LogCatchUpFailed(logger, e);
            }
            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index could not catch up with storage; retrying")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}
