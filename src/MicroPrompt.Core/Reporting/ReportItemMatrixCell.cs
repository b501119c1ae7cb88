namespace MicroPrompt.Reporting;

/// <summary>One model's runs of one item (leaderboard mode): how many were correct, refused, failed or not run.</summary>
public sealed class ReportItemMatrixCell
{
    public required string Model { get; init; }

    /// <summary>Graded runs (succeeded, failed, refused).</summary>
    public int Runs { get; init; }

    public int Correct { get; init; }

    public int Refused { get; init; }

    /// <summary>Graded runs that are neither correct nor refused.</summary>
    public int Failed { get; init; }

    /// <summary>Runs not graded (provider error, budget, locked miss).</summary>
    public int NotRun { get; init; }
}
