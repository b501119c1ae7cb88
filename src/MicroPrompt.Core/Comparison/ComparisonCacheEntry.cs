namespace MicroPrompt.Comparison;

/// <summary>One cached comparison run as stored on disk (<see cref="ComparisonRunCache"/>).</summary>
internal sealed class ComparisonCacheEntry
{
    public int FormatVersion { get; init; } = ComparisonRunCache.FormatVersion;

    public required string RunKey { get; init; }

    /// <summary>The final code of the run (null when it produced none).</summary>
    public string? Code { get; init; }

    public required ComparisonRun Run { get; init; }
}
