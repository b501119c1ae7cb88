namespace MicroPrompt.Judging;

/// <summary>How new generations are graded beyond "compiles and passes its examples".</summary>
public sealed class GradingOptions
{
    /// <summary><c>MicroPromptJudge</c>: ask a judge model for a robustness score once the code is correct.</summary>
    public bool Judge { get; init; } = Settings.SettingsCatalog.Judge.Default;

    /// <summary><c>MicroPromptJudgeModel</c>: the judge model; null judges with the item's own model.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Run the static checks (contract, console/exit, disposal, sync-over-async, empty catch).</summary>
    public bool StaticChecks { get; init; } = true;
}
