using System.Globalization;

namespace MicroPrompt.Reporting;

/// <summary>The one-screen console summary of a report (at most ~20 lines, whatever the number of items).</summary>
public static class ConsoleSummary
{
    private const int MaxModels = 8;
    private const int MaxProblemItems = 6;

    public static IReadOnlyList<string> Lines(BuildReport report, string? reportPath = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        var lines = new List<string>();
        var counts = new List<string>();
        void Add(int n, string word)
        {
            if (n > 0)
            {
                counts.Add($"{n} {word}");
            }
        }

        Add(t.Generated, "generated");
        Add(t.Resolved, "resolved");
        Add(t.Cached, "cached");
        Add(t.Shared, "shared");
        Add(t.Failed, "failed");
        Add(t.Refused, "refused");
        Add(t.Skipped, "skipped (budget)");
        Add(t.Unresolved, "unresolved");
        lines.Add($"MicroPrompt: {t.Items} prompt(s): {(counts.Count == 0 ? "none" : string.Join(", ", counts))}; {t.Correct}/{t.Items} correct.");
        lines.Add($"  {t.ModelCalls} model call(s), {t.JudgeCalls} judge call(s), {t.InputTokens} in / {t.OutputTokens} out tokens; "
            + $"spent {ReportFormat.Dollars(t.CostUsd)} this build, saved {ReportFormat.Dollars(t.SavedUsd)} (resolved/cached/shared); judge mean {ReportFormat.Score(t.JudgeMean)}.");

        Leaderboard(report.Models.Select(m => new LeaderRow(m.Model, m.Items, m.CorrectPercent, m.Refused, m.JudgeMean, m.CostUsd, m.CostPerCorrectUsd)).ToList(), "items", lines);

        if (report.Comparison is { } comparison)
        {
            ComparisonLines(comparison, lines);
        }

        if (report.Dependability is { } dependability)
        {
            lines.AddRange(DependabilitySummary.Lines(dependability));
        }

        var changed = report.Items.Where(i => i.ApiChanges.Count > 0).ToList();
        foreach (var item in changed.Take(MaxProblemItems))
        {
            lines.Add($"  API of {item.Path}: {string.Join("; ", item.ApiChanges.Take(3).Select(c => c.ToString()))}{(item.ApiChanges.Count > 3 ? $" (and {item.ApiChanges.Count - 3} more)" : "")}");
        }

        var problems = report.Items.Where(i => i.Status is "failed" or "refused" or "skipped").ToList();
        foreach (var item in problems.Take(MaxProblemItems))
        {
            lines.Add($"  {item.Status}: {item.Path}");
        }

        if (problems.Count > MaxProblemItems)
        {
            lines.Add($"  … and {problems.Count - MaxProblemItems} more.");
        }

        if (reportPath is not null)
        {
            lines.Add($"  report: {reportPath}");
        }

        return lines;
    }

    // The comparison leaderboard: one line per model (at most MaxModels), after a line saying what was run.
    private static void ComparisonLines(ReportComparison c, List<string> lines)
    {
        lines.Add($"MicroPrompt comparison: {c.Models.Count} model(s) × {c.Samples} sample(s) × {string.Join("/", c.Modes)} repair: "
            + $"{c.NewRuns} new run(s), {c.CachedRuns} cached; leaderboard counts {c.LeaderboardMode} repair.");
        Leaderboard(c.Leaderboard.Select(m => new LeaderRow(m.Model, m.Runs, m.CorrectPercent, m.Refused, m.JudgeMean, m.CostUsd, m.CostPerCorrectUsd)).ToList(), "runs", lines);
    }

    // One line per model (at most MaxModels): what was counted, Correct %, Refused, Judge, Cost, Cost per correct.
    private static void Leaderboard(IReadOnlyList<LeaderRow> rows, string countHeader, List<string> lines)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var width = Math.Clamp(rows.Max(m => m.Model.Length), 5, 32);
        lines.Add(string.Format(CultureInfo.InvariantCulture, "  {0} {1,6} {2,9} {3,8} {4,6} {5,12} {6,12}", "model".PadRight(width), countHeader, "correct", "refused", "judge", "cost", "$/correct"));
        foreach (var m in rows.Take(MaxModels))
        {
            var name = m.Model.Length > width ? m.Model[..(width - 1)] + "…" : m.Model.PadRight(width);
            lines.Add(string.Format(CultureInfo.InvariantCulture, "  {0} {1,6} {2,9} {3,8} {4,6} {5,12} {6,12}",
                name, m.Count, ReportFormat.Percent(m.CorrectPercent), m.Refused, ReportFormat.Score(m.JudgeMean), ReportFormat.Dollars(m.CostUsd), ReportFormat.Dollars(m.CostPerCorrectUsd)));
        }

        if (rows.Count > MaxModels)
        {
            lines.Add($"  … and {rows.Count - MaxModels} more model(s) in the report.");
        }
    }

    private sealed record LeaderRow(string Model, int Count, double CorrectPercent, int Refused, double? JudgeMean, decimal? CostUsd, decimal? CostPerCorrectUsd);
}
