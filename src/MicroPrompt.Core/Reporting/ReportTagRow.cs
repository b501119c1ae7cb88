namespace MicroPrompt.Reporting;

/// <summary>A by-tag row: the runs of the items carrying one tag, per model (leaderboard mode).</summary>
public sealed class ReportTagRow
{
    public required string Tag { get; init; }

    /// <summary>Items carrying the tag.</summary>
    public int Items { get; init; }

    /// <summary>One cell per model, in the order the models were given.</summary>
    public required IReadOnlyList<ReportTagCell> Models { get; init; }
}
