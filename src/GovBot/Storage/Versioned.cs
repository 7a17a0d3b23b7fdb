using Azure;

namespace GovBot.Storage;

/// <summary>A stored value with the ETag it was read at; pass it back to an update to detect a concurrent change.</summary>
public sealed record Versioned<T>(T Value, ETag ETag);

/// <summary>Someone else changed (or deleted) the row since it was read (HTTP 412).</summary>
public abstract class ConcurrencyConflictException(string message, Exception? inner)
    : Exception(message, inner);

/// <summary>
/// The row changed since it was read. <see cref="Latest"/> is what is stored now (null when it was deleted):
/// re-apply the change to it, or show it to the user and ask again.
/// </summary>
public sealed class ConcurrencyConflictException<T>(string what, Versioned<T>? latest, Exception? inner = null)
    : ConcurrencyConflictException($"{what} was changed by someone else since it was read.", inner)
{
    public Versioned<T>? Latest { get; } = latest;
}

/// <summary>A create found a row with the same key (HTTP 409).</summary>
public sealed class EntityAlreadyExistsException(string what, Exception? inner = null)
    : Exception($"{what} already exists.", inner);
