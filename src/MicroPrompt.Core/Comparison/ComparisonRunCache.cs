using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Comparison;

/// <summary>
/// The graded outcome of every comparison run ever made on this machine, under the user cache:
/// <c>&lt;user cache&gt;/comparison/&lt;key[0..2]&gt;/&lt;generation key&gt;-s&lt;sample&gt;.json</c>, written atomically
/// the moment a run is graded (so an interrupted comparison resumes, and an unchanged one costs no model call).
/// Never the resolved store or the lock: a comparison is a measurement, not a resolution. An unreadable or
/// inconsistent entry is set aside as <c>*.corrupt</c>, reported as warning MP4005, and treated as a miss.
/// </summary>
public sealed class ComparisonRunCache
{
    internal const int FormatVersion = 1;

    /// <param name="userCacheDirectory">The user cache folder (<c>MicroPromptUserCache</c>).</param>
    public ComparisonRunCache(string userCacheDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(userCacheDirectory);
        Directory = Path.Combine(Path.GetFullPath(userCacheDirectory), "comparison");
    }

    /// <summary>The folder of the comparison entries.</summary>
    public string Directory { get; }

    /// <summary>The run's cache key: the generation key for (model, mode, passes) and the sample number.</summary>
    public static string RunKey(string generationKey, int sample, double temperature = 0) => temperature == 0
        ? $"{generationKey}-s{sample}"
        : $"{generationKey}-t{temperature.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture).Replace('.', '_')}-s{sample}";

    public string PathFor(string runKey) => CacheEntryFile.PathFor(Directory, runKey, "comparison run key");

    /// <summary>The cached run (with its code) of <paramref name="runKey"/>, or null on a miss.</summary>
    public (ComparisonRun Run, string? Code)? TryGet(string runKey, out MicroPromptDiagnostic? problem)
    {
        var path = PathFor(runKey);
        var text = CacheEntryFile.ReadText(path, ComparisonMessages.CachedRunUnreadable, out problem);
        if (text is null)
        {
            return null;
        }

        ComparisonCacheEntry? entry = null;
        string? reason;
        try
        {
            entry = JsonSerializer.Deserialize(text, ComparisonJsonContext.Default.ComparisonCacheEntry);
            reason = entry is null ? "it is empty"
                : entry.FormatVersion != FormatVersion ? $"its format version {entry.FormatVersion} is not {FormatVersion}"
                : !string.Equals(entry.RunKey, runKey, StringComparison.Ordinal) ? "it belongs to another run"
                : !ComparisonRunStatus.IsGraded(entry.Run.Status) ? $"its status '{entry.Run.Status}' is not a graded outcome"
                : entry.Run.CodeHash is { } hash && !string.Equals(hash, ContentHash.Sha256Hex(entry.Code ?? ""), StringComparison.OrdinalIgnoreCase) ? "its code does not match its hash"
                : null;
        }
        catch (JsonException e)
        {
            reason = $"it is not valid JSON ({e.Message})";
        }

        if (reason is null)
        {
            return (entry!.Run, entry.Code);
        }

        problem = CacheEntryFile.SetAside(path, outcome => ComparisonMessages.CachedRunUnusable(reason, outcome));
        return null;
    }

    /// <summary>Stores a graded run (atomically). Throws <see cref="MicroPromptException"/> (MP4006, a warning) when it cannot be written.</summary>
    public void Put(string runKey, ComparisonRun run, string? code)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!ComparisonRunStatus.IsGraded(run.Status))
        {
            throw new ArgumentException($"Only graded runs are cached, not '{run.Status}'.", nameof(run));
        }

        var entry = new ComparisonCacheEntry
        {
            RunKey = runKey,
            Code = code,
            Run = run with { FromCache = false, Tags = [], CostUsd = null, CodeHash = code is null ? null : ContentHash.Sha256Hex(code) },
        };
        CacheEntryFile.Write(PathFor(runKey), JsonSerializer.Serialize(entry, ComparisonJsonContext.Default.ComparisonCacheEntry),
            ComparisonMessages.RunNotCached);
    }
}
