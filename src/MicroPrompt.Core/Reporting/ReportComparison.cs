using MicroPrompt.Comparison;

namespace MicroPrompt.Reporting;

/// <summary>
/// The <c>comparison</c> section of report.json: a model comparison run (<c>MicroPromptModels</c>) — its settings,
/// every run, and the tables computed from the runs by <see cref="ComparisonTables"/>.
/// </summary>
public sealed class ReportComparison
{
    /// <summary>The models compared, in the order given.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>The repair modes compared (<c>exec</c>, <c>review</c>, <c>none</c>), in the order given.</summary>
    public required IReadOnlyList<string> Modes { get; init; }

    public int Samples { get; init; }

    public int MaxPasses { get; init; }

    /// <summary>The sampling temperature of the runs (0: as builds). Since 1.2.</summary>
    public double Temperature { get; init; }

    /// <summary>The mode the leaderboard and the by-tag table count: the first of <see cref="Modes"/>.</summary>
    public required string LeaderboardMode { get; init; }

    /// <summary>Runs generated in this build (they called the model).</summary>
    public int NewRuns { get; init; }

    /// <summary>Runs taken from the user cache (no model call).</summary>
    public int CachedRuns { get; init; }

    /// <summary>One row per model, best first (Correct % descending, then cost per correct ascending).</summary>
    public required IReadOnlyList<ReportLeaderboardRow> Leaderboard { get; init; }

    /// <summary>One row per model × mode, models and modes in the order given.</summary>
    public required IReadOnlyList<ReportRepairRow> RepairStudy { get; init; }

    /// <summary>One row per tag (order of first appearance over the items sorted by path), one cell per model.</summary>
    public required IReadOnlyList<ReportTagRow> ByTag { get; init; }

    /// <summary>
    /// One row per item (sorted by path), one cell per model: correct runs / graded runs of the leaderboard mode —
    /// which tasks a model fails. Since schema 1.2.
    /// </summary>
    public IReadOnlyList<ReportItemMatrixRow> ByItem { get; init; } = [];

    /// <summary>Every run, ordered by item, model, mode, sample.</summary>
    public required IReadOnlyList<ComparisonRun> Runs { get; init; }

    /// <summary>The same section with <paramref name="runs"/> in place of <see cref="Runs"/> (the report redacts their texts).</summary>
    internal ReportComparison WithRuns(IReadOnlyList<ComparisonRun> runs) => new()
    {
        Models = Models,
        Modes = Modes,
        Samples = Samples,
        MaxPasses = MaxPasses,
        Temperature = Temperature,
        LeaderboardMode = LeaderboardMode,
        NewRuns = NewRuns,
        CachedRuns = CachedRuns,
        Leaderboard = Leaderboard,
        RepairStudy = RepairStudy,
        ByTag = ByTag,
        ByItem = ByItem,
        Runs = runs,
    };
}
