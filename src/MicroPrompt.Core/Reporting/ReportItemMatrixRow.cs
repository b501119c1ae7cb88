namespace MicroPrompt.Reporting;

/// <summary>A per-item matrix row of a comparison: one item's runs (leaderboard mode), one cell per model.</summary>
public sealed class ReportItemMatrixRow
{
    /// <summary>The item's path relative to the project, '/' separated.</summary>
    public required string Item { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>One cell per model, in the order the models were given.</summary>
    public required IReadOnlyList<ReportItemMatrixCell> Models { get; init; }
}
