namespace MicroPrompt.Reporting;

/// <summary>One model × repair mode of a comparison as the value frontier plots it.</summary>
/// <param name="Model">The model.</param>
/// <param name="Mode">The repair mode.</param>
/// <param name="CostPerCorrectUsd">Dollars per correct run; null when a price is unknown or no run was correct (not plotted).</param>
/// <param name="CorrectPercent">Correct graded runs, in percent.</param>
/// <param name="OnFrontier">No other plotted point is at least as correct for at most the cost (and better in one).</param>
internal sealed record FrontierPoint(string Model, string Mode, decimal? CostPerCorrectUsd, double CorrectPercent, bool OnFrontier)
{
    /// <summary>Whether the point can be drawn on a log cost axis.</summary>
    public bool Plotted => CostPerCorrectUsd is > 0;
}
