using MicroPrompt.Cost;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;

namespace MicroPrompt.Comparison;

/// <summary>
/// The comparison tables, computed from run records only: the <b>leaderboard</b> per model (runs of the first
/// listed repair mode), the <b>repair study</b> per model × mode (p@1..p@MaxPasses), <b>correctness by tag</b>
/// per model (first listed mode), and the <b>per-item matrix</b> (item × model, first listed mode). Only graded runs (succeeded, failed, refused) count; runs that were not graded
/// (provider errors, budget, locked misses) are shown as "not run". Refusals are counted apart from failures.
/// </summary>
public static class ComparisonTables
{
    public static ReportComparison Build(IReadOnlyList<ComparisonRun> runs, ComparisonSettings settings, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(prices);
        var priced = runs.Select(r => r with { CostUsd = Cost(r, prices) }).ToList();
        var leaderMode = ComparisonSettings.ModeName(settings.LeaderboardMode);
        var models = settings.Models.Concat(priced.Select(r => r.Model)).Distinct(StringComparer.Ordinal).ToList();
        var modes = settings.Modes.Select(ComparisonSettings.ModeName).ToList();

        var leaderboard = models.Select((model, index) => (Row: Leader(model, priced.Where(r => r.Model == model && r.Mode == leaderMode).ToList()), index))
            .OrderByDescending(x => x.Row.CorrectPercent)
            .ThenBy(x => x.Row.CostPerCorrectUsd ?? decimal.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.Row)
            .ToList();

        var repair = new List<ReportRepairRow>();
        foreach (var model in models)
        {
            foreach (var mode in modes)
            {
                var graded = priced.Where(r => r.Model == model && r.Mode == mode && ComparisonRunStatus.IsGraded(r.Status)).ToList();
                repair.Add(new ReportRepairRow
                {
                    Model = model,
                    Mode = mode,
                    Runs = graded.Count,
                    PassAt = Enumerable.Range(1, Math.Max(1, settings.MaxPasses))
                        .Select(k => Percent(graded.Count(r => r.Correct && r.FirstCorrectPass is { } p && p <= k), graded.Count))
                        .ToList(),
                });
            }
        }

        // Tags in order of first appearance over the items sorted by path.
        var itemTags = priced.GroupBy(r => r.Item, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Item: g.Key, Tags: g.First().Tags))
            .ToList();
        var tags = itemTags.SelectMany(i => i.Tags).Distinct(StringComparer.Ordinal).ToList();
        var byTag = tags.Select(tag =>
        {
            var items = itemTags.Where(i => i.Tags.Contains(tag, StringComparer.Ordinal)).Select(i => i.Item).ToHashSet(StringComparer.Ordinal);
            return new ReportTagRow
            {
                Tag = tag,
                Items = items.Count,
                Models = models.Select(model =>
                {
                    var graded = priced.Where(r => r.Model == model && r.Mode == leaderMode && items.Contains(r.Item) && ComparisonRunStatus.IsGraded(r.Status)).ToList();
                    var correct = graded.Count(r => r.Correct);
                    return new ReportTagCell { Model = model, Runs = graded.Count, Correct = correct, CorrectPercent = Percent(correct, graded.Count) };
                }).ToList(),
            };
        }).ToList();

        var byItem = itemTags.Select(i => new ReportItemMatrixRow
        {
            Item = i.Item,
            Tags = i.Tags,
            Models = models.Select(model =>
            {
                var all = priced.Where(r => r.Model == model && r.Mode == leaderMode && r.Item == i.Item).ToList();
                var graded = all.Where(r => ComparisonRunStatus.IsGraded(r.Status)).ToList();
                var correct = graded.Count(r => r.Correct);
                var refused = graded.Count(r => r.Status == ComparisonRunStatus.Refused);
                return new ReportItemMatrixCell
                {
                    Model = model,
                    Runs = graded.Count,
                    Correct = correct,
                    Refused = refused,
                    Failed = graded.Count - correct - refused,
                    NotRun = all.Count - graded.Count,
                };
            }).ToList(),
        }).ToList();

        return new ReportComparison
        {
            Models = settings.Models,
            Modes = modes,
            Samples = settings.Samples,
            MaxPasses = settings.MaxPasses,
            Temperature = settings.Temperature,
            LeaderboardMode = leaderMode,
            NewRuns = priced.Count(r => !r.FromCache && ComparisonRunStatus.IsGraded(r.Status)),
            CachedRuns = priced.Count(r => r.FromCache),
            Leaderboard = leaderboard,
            RepairStudy = repair,
            ByTag = byTag,
            ByItem = byItem,
            Runs = priced,
        };
    }

    internal static ReportLeaderboardRow Leader(string model, List<ComparisonRun> runs)
    {
        var graded = runs.Where(r => ComparisonRunStatus.IsGraded(r.Status)).ToList();
        var correct = graded.Count(r => r.Correct);
        var cost = graded.Any(r => r.CostUsd is null) ? null : (decimal?)Math.Round(graded.Sum(r => r.CostUsd!.Value), 8);
        var scores = graded.Where(r => r.JudgeScore.HasValue).Select(r => r.JudgeScore!.Value).ToList();
        return new ReportLeaderboardRow
        {
            Model = model,
            Runs = graded.Count,
            Correct = correct,
            CorrectPercent = Percent(correct, graded.Count),
            Refused = graded.Count(r => r.Status == ComparisonRunStatus.Refused),
            Failed = graded.Count(r => r.Status == ComparisonRunStatus.Failed || (r.Status == ComparisonRunStatus.Succeeded && !r.Correct)),
            NotRun = runs.Count - graded.Count,
            JudgeMean = scores.Count == 0 ? null : Math.Round(scores.Average(), 4),
            CostUsd = cost,
            CostPerCorrectUsd = cost is { } c && correct > 0 ? Math.Round(c / correct, 8) : null,
            InputTokens = graded.Sum(r => r.InputTokens + r.JudgeInputTokens),
            OutputTokens = graded.Sum(r => r.OutputTokens + r.JudgeOutputTokens),
        };
    }

    /// <summary>The run's model calls at its model's price plus its judge call at the judge's; null when a price is unknown.</summary>
    public static decimal? Cost(ComparisonRun run, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(prices);
        var calls = prices.Cost(run.Model, new UsageTotals(run.InputTokens, run.OutputTokens));
        var judge = prices.Cost(run.JudgeModel ?? run.Model, new UsageTotals(run.JudgeInputTokens, run.JudgeOutputTokens));
        return calls is null || judge is null ? null : calls + judge;
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
