using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
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
            .Select(i => BudgetMessages.JudgeBelowMinimum(i.ItemPath, i.JudgeScore!.Value, min, Path.GetFullPath(Path.Combine(projectDirectory, i.ItemPath))))
            .ToList();
    }
}
