using MicroPrompt.Dependability;

namespace MicroPrompt.Reporting;

/// <summary>
/// The <c>dependability</c> section of report.json (since schema 1.4): a dependability check's settings and every
/// checked item, least dependable first (docs/dependability.md). Null when no check ran.
/// </summary>
public sealed class ReportDependability
{
    /// <summary>Samples requested per item (N).</summary>
    public required int Samples { get; init; }

    /// <summary>The sampling temperature of the samples.</summary>
    public required double Temperature { get; init; }

    /// <summary>Example strength was measured (<c>MicroPromptCheckMutants</c> / <c>--mutants</c>).</summary>
    public bool Mutants { get; init; }

    /// <summary><c>MicroPromptMinDependability</c>, or null when there is no gate.</summary>
    public double? MinDependability { get; init; }

    /// <summary>Items whose lower bound is below <see cref="MinDependability"/> (each got MP3010).</summary>
    public IReadOnlyList<string> BelowMinimum { get; init; } = [];

    /// <summary>Samples generated in this check (they called the model).</summary>
    public int NewSamples { get; init; }

    /// <summary>Samples taken from the user cache (no model call).</summary>
    public int CachedSamples { get; init; }

    public required IReadOnlyList<DependabilityItem> Items { get; init; }

    /// <summary>The section of a check's result, gated at <paramref name="minimum"/>.</summary>
    public static ReportDependability From(DependabilityResult result, double? minimum)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ReportDependability
        {
            Samples = result.Settings.Samples,
            Temperature = result.Settings.Temperature,
            Mutants = result.Settings.Mutants,
            MinDependability = minimum,
            BelowMinimum = DependabilityGate.Below(result.Items, minimum).Select(i => i.Path).ToList(),
            NewSamples = result.NewSamples,
            CachedSamples = result.CachedSamples,
            Items = result.Items,
        };
    }
}
