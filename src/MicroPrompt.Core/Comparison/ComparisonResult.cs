using MicroPrompt.Diagnostics;

namespace MicroPrompt.Comparison;

/// <summary>What a comparison produced: every run (in item, model, mode, sample order) and the diagnostics.</summary>
public sealed class ComparisonResult
{
    public required IReadOnlyList<ComparisonRun> Runs { get; init; }

    public required IReadOnlyList<MicroPromptDiagnostic> Diagnostics { get; init; }

    /// <summary>The final code of each correct run (same order as <see cref="Runs"/>; null when the run is not correct).</summary>
    public IReadOnlyList<string?> Codes { get; init; } = [];

    /// <summary>Runs generated in this build (each made model calls).</summary>
    public int NewRuns => Runs.Count(r => !r.FromCache && ComparisonRunStatus.IsGraded(r.Status));

    /// <summary>Runs taken from the user cache.</summary>
    public int CachedRuns => Runs.Count(r => r.FromCache);
}
