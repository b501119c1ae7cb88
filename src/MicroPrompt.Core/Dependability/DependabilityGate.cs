using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Dependability;

/// <summary>
/// <c>MicroPromptMinDependability</c>: a checked item whose 95% Wilson lower bound is below the minimum gets an MP3010
/// warning (an error under TreatWarningsAsErrors). Items with no graded sample are not gated (their problem is reported).
/// </summary>
public static class DependabilityGate
{
    /// <summary>The items below <paramref name="minimum"/> (none when it is null).</summary>
    public static IReadOnlyList<DependabilityItem> Below(IEnumerable<DependabilityItem> items, double? minimum)
    {
        ArgumentNullException.ThrowIfNull(items);
        return minimum is not { } min ? [] : items.Where(i => i.Samples > 0 && i.LowerBound < min).ToList();
    }

    /// <summary>One MP3010 warning per item below the minimum, located in its prompt file.</summary>
    public static IReadOnlyList<MicroPromptDiagnostic> Evaluate(IEnumerable<DependabilityItem> items, double? minimum, string projectDirectory)
        => Below(items, minimum).Select(i => MicroPromptDiagnostic.Warning(
                DiagnosticCodes.DependabilityBelowMinimum,
                DependabilityMessages.BelowMinimum(i.Path, i.Correct, i.Samples, i.LowerBound, minimum!.Value),
                System.IO.Path.GetFullPath(System.IO.Path.Combine(projectDirectory, i.Path)), 1, 1))
            .ToList();
}
