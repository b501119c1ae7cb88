using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Hashing;

namespace MicroPrompt.Store;

/// <summary>
/// The user-level cache: every generation ever made, one JSON file per key (<c>&lt;key[0..2]&gt;/&lt;key&gt;.json</c>),
/// written atomically, never evicted. Entries are verified on read (code hash and key); a bad entry is set aside as
/// <c>*.corrupt</c>, reported as warning MP4005 and treated as a miss.
/// </summary>
public sealed class UserCache : IGenerationCache
{
    /// <summary>The environment variable that moves the cache (e.g. to a shared or CI-cached folder).</summary>
    public const string DirectoryVariable = "MICROPROMPT_CACHE_DIR";

    /// <summary>Creates a cache over <paramref name="directory"/> (created on the first write).</summary>
    public UserCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache folder (full path).</summary>
    public string Directory { get; }

    /// <summary>
    /// <c>$MICROPROMPT_CACHE_DIR</c> when set, else <c>~/.microprompt/cache</c>; without a home folder (some CI
    /// containers), <c>&lt;temp&gt;/microprompt/cache</c>.
    /// </summary>
    public static string DefaultDirectory() => DefaultDirectory(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    internal static string DefaultDirectory(Func<string, string?> getVariable, string? userProfile)
    {
        var configured = getVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured.Trim());
        }

        return string.IsNullOrEmpty(userProfile)
            ? Path.Combine(Path.GetTempPath(), "microprompt", "cache")
            : Path.Combine(userProfile, ".microprompt", "cache");
    }

    /// <summary>The file of a key: <c>&lt;directory&gt;/&lt;key[0..2]&gt;/&lt;key&gt;.json</c>.</summary>
    /// <exception cref="ArgumentException">The key is not a generation key (letters, digits, '-' and '_', 3 to 128 characters).</exception>
    public string GetPath(string key) => CacheEntryFile.PathFor(Directory, key, "generation key");

    /// <inheritdoc />
    public bool TryGet(string key, out GenerationRecord? record, out MicroPromptDiagnostic? problem)
    {
        var path = GetPath(key);
        record = null;
        var text = CacheEntryFile.ReadText(
            path, StoreMessages.CachedGenerationUnreadable, out problem);
        if (text is null)
        {
            return false;
        }

        var reason = Verify(text, key, out var read);
        if (reason is null)
        {
            record = read;
            return true;
        }

        problem = CacheEntryFile.SetAside(path, outcome => StoreMessages.CachedGenerationCorrupt(reason, outcome));
        return false;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The key is invalid, or <see cref="GenerationRecord.CodeHash"/> is set and does not match the code.</exception>
    /// <exception cref="MicroPromptException">MP4006 (a warning: the cache is an optimization): the entry could not be written.</exception>
    public void Put(GenerationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = GetPath(record.Key);
        var code = record.Code ?? "";
        var hash = ContentHash.Sha256Hex(code);
        if (!string.IsNullOrEmpty(record.CodeHash) && !string.Equals(record.CodeHash, hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The record's CodeHash does not match its Code.", nameof(record));
        }

        var copy = record.WithDefaults() with { Code = code, CodeHash = hash };
        CacheEntryFile.Write(path, StoreJson.Serialize(copy), e => StoreMessages.CachedGenerationNotWritten(e, DirectoryVariable));
    }

    private static string? Verify(string text, string key, out GenerationRecord? record)
    {
        record = null;
        try
        {
            record = StoreJson.Deserialize<GenerationRecord>(text);
        }
        catch (JsonException e)
        {
            return $"it is not valid JSON: {e.Message}";
        }

        if (record is null)
        {
            return "it is empty";
        }

        if (!string.Equals(record.Key, key, StringComparison.Ordinal))
        {
            return $"it holds the key '{record.Key}'";
        }

        if (record.Code is null || !string.Equals(ContentHash.Sha256Hex(record.Code), record.CodeHash, StringComparison.OrdinalIgnoreCase))
        {
            record = null;
            return "its code does not match its hash";
        }

        record = record.WithDefaults();
        return null;
    }
}
