namespace GovBot.Storage;

/// <summary>
/// One stored value, by its key: how to read it with its ETag, add it when missing, and replace it if unchanged.
/// Stores hand these out (<c>store.Row(key)</c>) so <see cref="ETagUpdate"/> can retry a change without knowing the
/// table layout (an action's index rows, a meeting moving partition).
/// </summary>
/// <param name="What">"Action DAG33-04": names the value in errors.</param>
/// <param name="Add">Inserts; throws <see cref="EntityAlreadyExistsException"/> when another writer added it first.</param>
/// <param name="Replace">Replaces under the ETag; throws <see cref="ConcurrencyConflictException"/> when it changed meanwhile.</param>
public sealed record VersionedRow<T>(
    string What,
    Func<CancellationToken, Task<Versioned<T>?>> Read,
    Func<T, CancellationToken, Task<Versioned<T>>> Add,
    Func<Versioned<T>, T, CancellationToken, Task<Versioned<T>>> Replace)
    where T : class;

/// <summary>What a change decided for the value it was given: the value to write (null: write nothing) and what to report.</summary>
public readonly record struct Planned<T, TOutcome>(T? Next, TOutcome Outcome) where T : class;

/// <summary>The result of <see cref="ETagUpdate.UpdateAsync{T, TOutcome}"/>.</summary>
/// <param name="Value">What is stored now: the written value, or (when nothing was written) the value the change saw; null when missing.</param>
public sealed record Updated<T, TOutcome>(TOutcome Outcome, Versioned<T>? Value, bool Written) where T : class;

/// <summary>A change lost the ETag race <see cref="Attempts"/> times in a row; nothing was written.</summary>
public sealed class ConcurrencyRetriesExhaustedException<T>(string what, int attempts, Versioned<T>? latest, Exception? inner)
    : ConcurrencyConflictException($"{what} kept being changed by someone else; gave up after {attempts} attempt(s) and saved nothing.", inner)
{
    public int Attempts { get; } = attempts;

    /// <summary>The version that won the last race (null when it was deleted, or unknown).</summary>
    public Versioned<T>? Latest { get; } = latest;
}

/// <summary>
/// Optimistic concurrency in one place: read the value, apply a pure change to it, write under If-Match on the ETag
/// (or insert when missing), and on a lost race (412, or 409 for an insert) apply the change again to the latest
/// version. Gives up with <see cref="ConcurrencyRetriesExhaustedException{T}"/> after the given number of attempts.
/// </summary>
public static class ETagUpdate
{
    /// <param name="change">Pure: called once per attempt with the stored value (null when missing); must not write.</param>
    /// <param name="attempts">Writes tried at most; 1 means "no retry" (a conflict gives up at once).</param>
    /// <param name="alreadyRead">The value as the caller just read it, to save the first read (it still has to win its ETag).</param>
    public static async Task<Updated<T, TOutcome>> UpdateAsync<T, TOutcome>(
        VersionedRow<T> row, Func<T?, Planned<T, TOutcome>> change, int attempts, CancellationToken cancellationToken, Versioned<T>? alreadyRead = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);

        var current = alreadyRead ?? await row.Read(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var planned = change(current?.Value);
            if (planned.Next is not { } next) return new(planned.Outcome, current, Written: false);
            Exception lost;
            Versioned<T>? latest;
            var known = false;
            try
            {
                var saved = current is null
                    ? await row.Add(next, cancellationToken)
                    : await row.Replace(current, next, cancellationToken);
                return new(planned.Outcome, saved, Written: true);
            }
            catch (ConcurrencyConflictException<T> e)
            {
                // The store read the winner already: no second read.
                (lost, latest, known) = (e, e.Latest, true);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or EntityAlreadyExistsException)
            {
                (lost, latest) = (e, null);
            }
            if (attempt >= attempts) throw new ConcurrencyRetriesExhaustedException<T>(row.What, attempts, latest, lost);
            current = known ? latest : await row.Read(cancellationToken);
        }
    }
}
