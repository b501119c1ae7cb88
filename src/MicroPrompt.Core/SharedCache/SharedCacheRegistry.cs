using System.Collections.Concurrent;

namespace MicroPrompt.SharedCache;

/// <summary>
/// Backends kept for the life of the process (an MSBuild node), per <see cref="SharedCacheOptions.InProcessScope"/> and
/// configuration: one connection and one in-process level shared by every build in the process.
/// Holds only <see cref="ISharedCacheBackend"/>, so touching it loads no Redis assembly.
/// </summary>
internal static class SharedCacheRegistry
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ISharedCacheBackend>>> Backends = new(StringComparer.Ordinal);

    /// <summary>The backend an earlier build in this process connected, or null (never connects).</summary>
    public static ISharedCacheBackend? TryGetExisting(SharedCacheOptions options)
        => options.InProcessScope is not null
            && Backends.TryGetValue(Identity(options), out var lazy)
            && lazy.IsValueCreated
            && lazy.Value.IsCompletedSuccessfully
            ? lazy.Value.Result
            : null;

    public static async Task<ISharedCacheBackend> GetOrConnectAsync(SharedCacheOptions options, Func<Task<ISharedCacheBackend>> connect)
    {
        var identity = Identity(options);
        var lazy = Backends.GetOrAdd(identity, _ => new Lazy<Task<ISharedCacheBackend>>(connect));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            Backends.TryRemove(new KeyValuePair<string, Lazy<Task<ISharedCacheBackend>>>(identity, lazy)); // the next build tries again
            throw;
        }
    }

    /// <summary>Closes and forgets the backends of a scope (tests).</summary>
    public static void Close(string scope)
    {
        foreach (var (identity, lazy) in Backends.ToArray())
        {
            if (identity.StartsWith(scope + "\n", StringComparison.Ordinal) && Backends.TryRemove(identity, out _)
                && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Dispose();
            }
        }
    }

    private static string Identity(SharedCacheOptions options)
        => string.Join("\n", options.InProcessScope, options.Configuration, options.PasswordVariable, options.SigningKeyVariable, options.InstanceName);
}
