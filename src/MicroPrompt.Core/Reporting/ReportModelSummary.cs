namespace MicroPrompt.Reporting;

/// <summary>One leaderboard row: how one model did on this project's items (resolved items count with what they originally cost).</summary>
public sealed class ReportModelSummary
{
    public required string Model { get; init; }

    /// <summary>Items attempted with this model (resolved, cached, generated, failed or refused).</summary>
    public int Items { get; init; }

    public int Correct { get; init; }

    /// <summary>Correct / Items × 100, rounded to one decimal.</summary>
    public double CorrectPercent { get; init; }

    public int Refused { get; init; }

    public int Failed { get; init; }

    /// <summary>Mean judge score over this model's judged items.</summary>
    public double? JudgeMean { get; init; }

    /// <summary>What this model's items cost to produce (null when its price is unknown).</summary>
    public decimal? CostUsd { get; init; }

    public decimal? CostPerCorrectUsd { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }
}
