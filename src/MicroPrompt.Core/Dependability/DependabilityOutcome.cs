using MicroPrompt.Diagnostics;
using MicroPrompt.Reporting;

namespace MicroPrompt.Dependability;

/// <summary>A check's result, its report section, and every diagnostic to report (the check's and the MP3010 gate's).</summary>
public sealed record DependabilityOutcome(DependabilityResult Result, ReportDependability Section, IReadOnlyList<MicroPromptDiagnostic> Diagnostics)
{
    /// <summary>Some item is below <c>MicroPromptMinDependability</c>.</summary>
    public bool BelowMinimum => Section.BelowMinimum.Count > 0;
}
