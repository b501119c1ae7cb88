using MicroPrompt.Store;

namespace MicroPrompt.SharedCache;

/// <summary>
/// The two levels of the shared cache (in-process, Redis) and the lease primitives. Its signatures name no Redis type,
/// so code using it never loads StackExchange.Redis until <see cref="RedisSharedCacheBackend"/> is created.
/// </summary>
internal interface ISharedCacheBackend : IDisposable
{
    /// <summary>Where the cache is (host:port list), for messages; never the password.</summary>
    string Endpoint { get; }

    bool IsConnected { get; }

    /// <summary>The in-process level: verified records only.</summary>
    bool TryGetLocal(string key, out GenerationRecord? record);

    void SetLocal(GenerationRecord record);

    /// <summary>The raw entry bytes in Redis, or null.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, byte[] entry, CancellationToken cancellationToken);

    /// <summary>Completes when any builder announces it published <paramref name="key"/> (never faults).</summary>
    Task PublicationOf(string key);

    /// <summary>Tells waiting builders that <paramref name="key"/> was published.</summary>
    Task AnnouncePublishedAsync(string key);

    /// <summary>Takes the generation lease of a key if nobody holds it (SET NX with expiry).</summary>
    Task<bool> TryTakeLeaseAsync(string key, string owner, TimeSpan duration);

    /// <summary>Extends the lease if <paramref name="owner"/> still holds it.</summary>
    Task<bool> ExtendLeaseAsync(string key, string owner, TimeSpan duration);

    /// <summary>Releases the lease if <paramref name="owner"/> still holds it.</summary>
    Task ReleaseLeaseAsync(string key, string owner);
}
