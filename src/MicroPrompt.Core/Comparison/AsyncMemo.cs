using System.Collections.Concurrent;

namespace MicroPrompt.Comparison;

/// <summary>
/// Computes each key's value once (model comparison runs: one example run or judge call per distinct answer).
/// Concurrent requests for a key wait for the first; a computation that throws or is cancelled is forgotten, so the
/// next request computes again.
/// </summary>
internal sealed class AsyncMemo<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _values = new(StringComparer.Ordinal);

    /// <summary>Keys computed or being computed.</summary>
    public int Count => _values.Count;

    /// <returns>The value, and whether this call computed it (false: another call's result was reused).</returns>
    public async Task<(T Value, bool Computed)> GetAsync(string key, Func<Task<T>> compute, CancellationToken cancellationToken)
    {
        var mine = new Lazy<Task<T>>(compute);
        var lazy = _values.GetOrAdd(key, mine);
        try
        {
            return (await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false), ReferenceEquals(lazy, mine));
        }
        catch
        {
            _values.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, lazy));
            throw;
        }
    }
}
