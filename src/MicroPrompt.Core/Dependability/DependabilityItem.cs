namespace MicroPrompt.Dependability;

/// <summary>
/// One item's dependability: how many of its independent samples were correct (compiled with its callers and passed its
/// examples and static checks within its passes), the 95% Wilson lower bound on that rate, p@1..p@MaxPasses, what the
/// samples cost, where correct samples disagree (ambiguities) and what the model assumed. An element of
/// <c>report.json</c>'s <c>dependability.items</c> and of <c>dotnet mprompt check --json</c>.
/// </summary>
public sealed record DependabilityItem
{
    /// <summary>The item's path relative to the project, '/' separated.</summary>
    public required string Path { get; init; }

    /// <summary>The model sampled: the item's own (metadata, front matter, MicroPromptModel).</summary>
    public required string Model { get; init; }

    /// <summary>Graded samples (N).</summary>
    public required int Samples { get; init; }

    /// <summary>Correct samples (k).</summary>
    public required int Correct { get; init; }

    /// <summary>Samples that could not be graded (provider error, budget, a locked miss): not part of N.</summary>
    public int NotRun { get; init; }

    /// <summary>Samples taken from the user cache in this check (no model call).</summary>
    public int CachedSamples { get; init; }

    /// <summary>The 95% Wilson lower bound on the correct rate k/N (0–1), what <c>MicroPromptMinDependability</c> is compared with.</summary>
    public required double LowerBound { get; init; }

    /// <summary>p@1..p@MaxPasses as fractions 0–1 (index 0 = p@1): samples correct within that many passes, over N.</summary>
    public required IReadOnlyList<double> PassAt { get; init; }

    /// <summary>Probe inputs on which correct samples disagree.</summary>
    public IReadOnlyList<Ambiguity> Ambiguities { get; init; } = [];

    /// <summary>What the model assumed where the spec is silent (from the item's lock entry when it records them).</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>What the N samples cost (model and judge calls, including cached ones at their price); null when a price is unknown.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary><see cref="CostUsd"/> / k; null when no sample was correct or a price is unknown.</summary>
    public decimal? CostPerCorrect { get; init; }

    /// <summary>How much the examples pin down (with <c>--mutants</c>); null when not computed.</summary>
    public ExampleStrength? ExampleStrength { get; init; }

    /// <summary>Why samples were not correct, one line each: <c>sample 3: MP2007 …</c>.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}
