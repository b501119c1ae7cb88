namespace MicroPrompt.Dependability;

/// <summary>
/// What a dependability check asks beyond the samples' grades: the probe comparer (ambiguities among correct samples),
/// the example-strength analyzer (<c>--mutants</c>) and the assumptions an item's lock entry records. Each is optional:
/// without a probe comparer an item has no ambiguities, without an analyzer no <c>exampleStrength</c>, without
/// <see cref="Assumptions"/> every item's list is empty.
/// </summary>
public sealed record DependabilityAnalyzers : IDisposable
{
    /// <summary>Nothing beyond the grades.</summary>
    public static DependabilityAnalyzers None { get; } = new();

    public IProbeComparer? Probes { get; init; }

    public IExampleStrengthAnalyzer? ExampleStrength { get; init; }

    /// <summary>The assumptions recorded for an item (by its path relative to the project), e.g. from its lock entry.</summary>
    public Func<string, IReadOnlyList<string>>? Assumptions { get; init; }

    /// <summary>What <see cref="Dispose"/> ends (the probe harness, model clients).</summary>
    internal IReadOnlyList<IDisposable> Owned { get; init; } = [];

    public void Dispose()
    {
        foreach (var owned in Owned)
        {
            owned.Dispose();
        }
    }
}
