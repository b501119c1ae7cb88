using System.Globalization;
using MicroPrompt.Diagnostics;
using MicroPrompt.Resolution;

namespace MicroPrompt.Reporting;

/// <summary>
/// <c>MicroPromptMinJudgeScore</c>: an item whose judge score is below the minimum gets an MP3001 warning (an error
/// under TreatWarningsAsErrors / MSBuildTreatWarningsAsErrors). Items without a score are not gated.
/// </summary>
public static class QualityGates
{
    /// <param name="result">The resolution.</param>
    /// <param name="minJudgeScore">The minimum, 0–1; null for no gate.</param>
    /// <param name="projectDirectory">To locate each warning in its prompt file.</param>
    public static IReadOnlyList<MicroPromptDiagnostic> Evaluate(ResolutionResult result, double? minJudgeScore, string projectDirectory)
    {
        if (minJudgeScore is not { } min)
        {
            return [];
        }

        return result.Items
            .Where(i => i.JudgeScore is { } score && score < min)
            .Select(i => MicroPromptDiagnostic.Warning(
                DiagnosticCodes.JudgeBelowMinimum,
                string.Create(CultureInfo.InvariantCulture,
                    $"The reviewer scored '{i.ItemPath}' {i.JudgeScore:0.00}, below MicroPromptMinJudgeScore={min:0.00} (rubric: docs/grading.md). Tighten the prompt's requirements (errors, validation, cleanup, cancellation) and regenerate it, or pin a stronger model."),
                Path.GetFullPath(Path.Combine(projectDirectory, i.ItemPath)), 1, 1))
            .ToList();
    }
}
