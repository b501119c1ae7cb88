using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Store;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MicroPrompt.SharedCache;

/// <summary>
/// Redis through <see cref="IDistributedCache"/> (<see cref="RedisCache"/>) for entries, StackExchange.Redis's lock
/// primitives (SET NX PX, checked extend and release) for leases, and a <see cref="MemoryCache"/> as in-process level.
/// Every call is bounded: connect/sync/async timeouts on the connection, fail-fast while disconnected, and a guard
/// timeout around each call in case the client itself stalls.
/// </summary>
internal sealed partial class RedisSharedCacheBackend : ISharedCacheBackend
{
    private readonly ConnectionMultiplexer _connection;
    private readonly RedisCache _cache;
    private readonly MemoryCache _local = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });
    private readonly SharedCacheOptions _options;
    private readonly TimeSpan _guard;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _publications = new(StringComparer.Ordinal);

    private RedisSharedCacheBackend(ConnectionMultiplexer connection, ConfigurationOptions configuration, SharedCacheOptions options, string endpoint)
    {
        _connection = connection;
        _options = options;
        _guard = TimeSpan.FromMilliseconds(Math.Max(configuration.AsyncTimeout, configuration.SyncTimeout) * 2 + 1000);
        Endpoint = endpoint;
        _cache = new RedisCache(Options.Create(new RedisCacheOptions
        {
            ConfigurationOptions = configuration,
            InstanceName = options.InstanceName,
            ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection),
        }));
    }

    public string Endpoint { get; }

    public bool IsConnected => _connection.IsConnected;

    /// <summary>Connects (bounded by the connect timeout); the result may be disconnected (<see cref="IsConnected"/>).</summary>
    /// <exception cref="MicroPromptException">MP4013: the configuration string is invalid or holds a password.</exception>
    public static async Task<ISharedCacheBackend> ConnectAsync(SharedCacheOptions options, string? password)
    {
        var configuration = Configure(options, password, out var endpoint);
        var connecting = ConnectionMultiplexer.ConnectAsync(configuration);
        var guard = TimeSpan.FromMilliseconds(configuration.ConnectTimeout * (configuration.ConnectRetry + 1) + 2000);
        ConnectionMultiplexer connection;
        try
        {
            connection = await connecting.WaitAsync(guard).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = connecting.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
            throw new TimeoutException($"Connecting to {endpoint} took longer than {guard.TotalSeconds:0.#} s.");
        }

        var backend = new RedisSharedCacheBackend(connection, configuration, options, endpoint);
        if (connection.IsConnected)
        {
            try
            {
                await connection.GetSubscriber().SubscribeAsync(backend.PublishedChannel, (_, key) => backend.Published(key!)).WaitAsync(backend._guard).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Waiters fall back to polling alone.
            }
        }

        return backend;
    }

    public Task PublicationOf(string key)
        => _publications.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task AnnouncePublishedAsync(string key)
        => _connection.GetSubscriber().PublishAsync(PublishedChannel, key).WaitAsync(_guard);

    public bool TryGetLocal(string key, out GenerationRecord? record) => _local.TryGetValue(key, out record) && record is not null;

    public void SetLocal(GenerationRecord record)
        => _local.Set(record.Key, record, new MemoryCacheEntryOptions { Size = Math.Max(1, record.Code.Length), SlidingExpiration = TimeSpan.FromHours(2) });

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        => _cache.GetAsync(EntryKey(key), cancellationToken).WaitAsync(_guard, cancellationToken);

    public Task SetAsync(string key, byte[] entry, CancellationToken cancellationToken)
        => _cache.SetAsync(EntryKey(key), entry, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.EntryLifetime }, cancellationToken)
            .WaitAsync(_guard, cancellationToken);

    public Task<bool> TryTakeLeaseAsync(string key, string owner, TimeSpan duration)
        => _connection.GetDatabase().LockTakeAsync(LeaseKey(key), owner, duration).WaitAsync(_guard);

    public Task<bool> ExtendLeaseAsync(string key, string owner, TimeSpan duration)
        => _connection.GetDatabase().LockExtendAsync(LeaseKey(key), owner, duration).WaitAsync(_guard);

    public Task ReleaseLeaseAsync(string key, string owner)
        => _connection.GetDatabase().LockReleaseAsync(LeaseKey(key), owner).WaitAsync(_guard);

    public void Dispose()
    {
        _cache.Dispose();
        _connection.Dispose();
        _local.Dispose();
    }

    private RedisChannel PublishedChannel => RedisChannel.Literal(_options.InstanceName + "published");

    private void Published(string key)
    {
        if (_publications.TryRemove(key, out var publication))
        {
            publication.TrySetResult();
        }
    }

    /// <summary>The Redis key of an entry (RedisCache adds <see cref="SharedCacheOptions.InstanceName"/>).</summary>
    internal static string EntryKey(string key) => "gen:1:" + key;

    internal string LeaseKey(string key) => _options.InstanceName + "lease:" + key;

    internal static ConfigurationOptions Configure(SharedCacheOptions options, string? password, out string endpoint)
    {
        var text = options.Configuration.Trim();
        if (PasswordSetting().IsMatch(text))
        {
            throw new MicroPromptException(SharedCacheMessages.PasswordInConfiguration());
        }

        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(text);
        }
        catch (Exception e) when (e is ArgumentException or RedisConnectionException or FormatException)
        {
            throw new MicroPromptException(SharedCacheMessages.ConfigurationInvalid(e.Message));
        }

        if (configuration.EndPoints.Count == 0)
        {
            throw new MicroPromptException(SharedCacheMessages.NoEndpoint());
        }

        var timeout = (int)options.OperationTimeout.TotalMilliseconds;
        if (!Mentions(text, "connectTimeout"))
        {
            configuration.ConnectTimeout = timeout;
        }

        if (!Mentions(text, "syncTimeout"))
        {
            configuration.SyncTimeout = timeout;
        }

        if (!Mentions(text, "asyncTimeout"))
        {
            configuration.AsyncTimeout = timeout;
        }

        if (!Mentions(text, "connectRetry"))
        {
            configuration.ConnectRetry = 1;
        }

        configuration.AbortOnConnectFail = false;              // a build never fails because the cache is down
        configuration.BacklogPolicy = BacklogPolicy.FailFast;  // while disconnected, calls fail at once instead of queueing
        configuration.ClientName ??= "microprompt";
        if (!string.IsNullOrEmpty(password))
        {
            configuration.Password = password;
        }

        endpoint = string.Join(",", configuration.EndPoints.Select(EndPointCollection.ToString));
        return configuration;
    }

    private static bool Mentions(string configuration, string option)
        => configuration.Split(',').Any(part => part.TrimStart().StartsWith(option + "=", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"(^|,)\s*password\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();
}
