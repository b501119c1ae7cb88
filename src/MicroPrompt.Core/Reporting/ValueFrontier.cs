using MicroPrompt.Comparison;

namespace MicroPrompt.Reporting;

/// <summary>
/// The study's value frontier: for each model × repair mode, cost per correct program against correct %, and which of
/// them are undominated (no other is at least as correct for at most the cost, and strictly better in one of the two).
/// </summary>
internal static class ValueFrontier
{
    /// <summary>One point per model × mode (models, then modes, in the comparison's order).</summary>
    public static IReadOnlyList<FrontierPoint> Points(ReportComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var raw = (from model in comparison.Models
                   from mode in comparison.Modes
                   let row = ComparisonTables.Leader(model, comparison.Runs.Where(r => r.Model == model && r.Mode == mode).ToList())
                   where row.Runs > 0
                   select new FrontierPoint(model, mode, row.CostPerCorrectUsd, row.CorrectPercent, false)).ToList();
        var plotted = raw.Where(p => p.Plotted).ToList();
        return raw.Select(p => p.Plotted && !plotted.Any(o => Dominates(o, p)) ? p with { OnFrontier = true } : p).ToList();
    }

    /// <summary>The frontier's points by cost, cheapest first (then the more correct).</summary>
    public static IReadOnlyList<FrontierPoint> Line(IReadOnlyList<FrontierPoint> points)
        => points.Where(p => p.OnFrontier).OrderBy(p => p.CostPerCorrectUsd).ThenByDescending(p => p.CorrectPercent).ToList();

    private static bool Dominates(FrontierPoint a, FrontierPoint b)
        => a.CostPerCorrectUsd <= b.CostPerCorrectUsd && a.CorrectPercent >= b.CorrectPercent
            && (a.CostPerCorrectUsd < b.CostPerCorrectUsd || a.CorrectPercent > b.CorrectPercent);
}
