using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GovBot.Tests.Reliability;

/// <summary>Every log entry the app writes (Information and above): errors must be logged, never lost, and never
/// written for input that was merely bad.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public int Total => _entries.Count;

    public int Count(Func<LogEntry, bool> match) => _entries.Count(match);

    /// <summary>Entries at Error or above written after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<LogEntry> ErrorsAfter(int skip) => Entries.Skip(skip).Where(e => e.Level >= LogLevel.Error).ToList();

    /// <summary>The matching messages, one a line, for failure messages.</summary>
    public string Lines(Func<LogEntry, bool> match) => string.Join("\n", _entries.Where(match).Select(e => e.Message));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : $" — {Exception.GetType().Name}: {Exception.Message}")}";
}
