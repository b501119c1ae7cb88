namespace MicroPrompt.Reporting;

/// <summary>One model's correctness over the runs of one tag's items.</summary>
public sealed class ReportTagCell
{
    public required string Model { get; init; }

    /// <summary>Graded runs.</summary>
    public int Runs { get; init; }

    public int Correct { get; init; }

    /// <summary>Correct / Runs × 100, rounded to one decimal (0 when there are no runs).</summary>
    public double CorrectPercent { get; init; }
}
