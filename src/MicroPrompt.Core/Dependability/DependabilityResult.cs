using MicroPrompt.Diagnostics;

namespace MicroPrompt.Dependability;

/// <summary>What a dependability check produced: every checked item, least dependable first, and the diagnostics.</summary>
public sealed class DependabilityResult
{
    public required DependabilitySettings Settings { get; init; }

    /// <summary>Least dependable first: by lower bound, then correct rate, then path.</summary>
    public required IReadOnlyList<DependabilityItem> Items { get; init; }

    public required IReadOnlyList<MicroPromptDiagnostic> Diagnostics { get; init; }

    /// <summary>Samples generated in this check (each made model calls).</summary>
    public int NewSamples { get; init; }

    /// <summary>Samples taken from the user cache.</summary>
    public int CachedSamples { get; init; }

    /// <summary>The engine's own time (planning, cache, grading bookkeeping, probes), without waiting on the model: measured for the closing note.</summary>
    public TimeSpan Elapsed { get; init; }
}
