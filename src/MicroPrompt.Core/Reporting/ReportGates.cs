namespace MicroPrompt.Reporting;

/// <summary>The quality gate and budget this build ran with.</summary>
public sealed class ReportGates
{
    public double? MinJudgeScore { get; init; }

    public decimal? MaxCostUsd { get; init; }

    /// <summary>Items whose judge score is below <see cref="MinJudgeScore"/>.</summary>
    public IReadOnlyList<string> BelowMinJudgeScore { get; init; } = [];

    /// <summary>Items not generated because the budget was spent.</summary>
    public IReadOnlyList<string> SkippedForBudget { get; init; } = [];
}
