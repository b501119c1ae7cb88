namespace MicroPrompt.Reporting;

/// <summary>A comparison leaderboard row: one model over the runs of the leaderboard's repair mode.</summary>
public sealed class ReportLeaderboardRow
{
    public required string Model { get; init; }

    /// <summary>Graded runs (succeeded, failed or refused).</summary>
    public int Runs { get; init; }

    public int Correct { get; init; }

    /// <summary>Correct / Runs × 100, rounded to one decimal (0 when there are no runs).</summary>
    public double CorrectPercent { get; init; }

    /// <summary>Runs the model declined (not counted as failures).</summary>
    public int Refused { get; init; }

    /// <summary>Runs without correct code that were not refusals.</summary>
    public int Failed { get; init; }

    /// <summary>Runs not graded: provider errors, budget spent, locked build without a cached run.</summary>
    public int NotRun { get; init; }

    /// <summary>Mean judge score over the judged runs, or null.</summary>
    public double? JudgeMean { get; init; }

    /// <summary>What the graded runs cost (model + judge calls); null when a price is unknown.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>CostUsd / Correct; null when the cost is unknown or nothing was correct.</summary>
    public decimal? CostPerCorrectUsd { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }
}
