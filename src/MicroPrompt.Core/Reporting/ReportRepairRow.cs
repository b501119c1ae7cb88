namespace MicroPrompt.Reporting;

/// <summary>A repair-study row: one model under one repair mode.</summary>
public sealed class ReportRepairRow
{
    public required string Model { get; init; }

    public required string Mode { get; init; }

    /// <summary>Graded runs.</summary>
    public int Runs { get; init; }

    /// <summary>
    /// p@k for k = 1..MaxPasses (index k-1): the percentage of runs whose first correct pass is ≤ k, rounded to one decimal.
    /// </summary>
    public required IReadOnlyList<double> PassAt { get; init; }
}
