using MicroPrompt.Settings;
namespace MicroPrompt.SharedCache;

/// <summary>
/// Settings of the team's shared generation cache (<c>MicroPromptSharedCache*</c> properties). Holds the
/// <em>names</em> of the environment variables with the Redis password and the signing key, never the values.
/// </summary>
public sealed class SharedCacheOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>cache.internal:6379,ssl=true</c> (no password in it).</summary>
    public required string Configuration { get; init; }

    /// <summary>Name of the environment variable holding the Redis password, or null for none.</summary>
    public string? PasswordVariable { get; init; }

    /// <summary>
    /// Name of the environment variable holding the HMAC signing key, or null for unsigned entries. When set, entries
    /// are signed on write and only correctly signed entries are accepted on read.
    /// </summary>
    public string? SigningKeyVariable { get; init; }

    /// <summary>How long a generation lease lives without renewal (its holder renews it every third of that).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(SettingsCatalog.SharedCacheLeaseSeconds.Default);

    /// <summary>How long a builder waits for another builder's generation before generating the item itself.</summary>
    public TimeSpan WaitLimit { get; init; } = TimeSpan.FromSeconds(SettingsCatalog.SharedCacheWaitSeconds.Default);

    /// <summary>Default connect/sync/async timeout of every Redis call (the configuration string's own values win).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an entry stays in Redis after it was written.</summary>
    public TimeSpan EntryLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Prefix of every Redis key this cache writes.</summary>
    public string InstanceName { get; init; } = "microprompt:";

    /// <summary>
    /// Resolutions in one process with the same scope (and configuration) share one connection and one in-process
    /// level, which then outlives a build (the MSBuild node's lifetime). Null: private to one resolution, closed after it.
    /// </summary>
    public string? InProcessScope { get; init; }

    /// <summary>Reads environment variables; replaceable in tests.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;
}
