using System.Text.RegularExpressions;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Reporting;

/// <summary>Builds the <see cref="BuildReport"/> of a resolution: per-item rows, totals, the per-model leaderboard.</summary>
public static class BuildReportBuilder
{
    private const string Redacted = "***";

    // user:password@ in URLs.
    private static readonly Regex UserInfo = new(@"(?<=://)[^/@\s]+@", RegexOptions.CultureInvariant);

    public static BuildReport Build(ResolutionResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var prices = context.Prices;
        var items = result.Items.Select(r => Item(r, result.Diagnostics, context, result.GeneratedTexts)).ToList();

        var thisBuild = result.Items.Select(r => Sum(prices.Cost(r.Model, r.Usage), prices.Cost(r.JudgeModel ?? r.Model, r.JudgeUsage))).ToList();
        var saved = result.Items.Where(r => r.Status is ItemStatus.Resolved or ItemStatus.Cached or ItemStatus.Shared)
            .Select(r => Sum(prices.Cost(r.Model, r.OriginalUsage), prices.Cost(r.JudgeModel ?? r.Model, r.OriginalJudgeUsage))).ToList();
        var spent = Total(thisBuild);
        var correctNow = items.Count(i => i.Correct && i.Status == "generated");
        var judged = items.Where(i => i.JudgeScore.HasValue).Select(i => i.JudgeScore!.Value).ToList();

        var totals = new ReportTotals
        {
            Items = items.Count,
            Resolved = Count(result, ItemStatus.Resolved),
            Cached = Count(result, ItemStatus.Cached),
            Shared = Count(result, ItemStatus.Shared),
            Generated = Count(result, ItemStatus.Generated),
            Failed = Count(result, ItemStatus.Failed),
            Refused = Count(result, ItemStatus.Refused),
            Skipped = Count(result, ItemStatus.Skipped),
            Unresolved = Count(result, ItemStatus.Stub) + Count(result, ItemStatus.Unresolved),
            Correct = items.Count(i => i.Correct),
            ModelCalls = result.Items.Sum(r => r.Passes),
            JudgeCalls = result.Items.Count(r => r.JudgeUsage.InputTokens + r.JudgeUsage.OutputTokens > 0),
            InputTokens = result.Items.Sum(r => r.Usage.InputTokens + r.JudgeUsage.InputTokens),
            OutputTokens = result.Items.Sum(r => r.Usage.OutputTokens + r.JudgeUsage.OutputTokens),
            CostUsd = spent,
            SavedUsd = Total(saved),
            CostPerCorrectUsd = spent is { } s && correctNow > 0 ? Math.Round(s / correctNow, 8) : null,
            JudgeMean = judged.Count == 0 ? null : Math.Round(judged.Average(), 4),
            DurationMs = (long)context.Duration.TotalMilliseconds,
        };

        var models = items
            .Where(i => i.Model is not null && i.Status is "resolved" or "cached" or "shared" or "generated" or "failed" or "refused")
            .GroupBy(i => i.Model!, StringComparer.Ordinal)
            .Select(g =>
            {
                var correct = g.Count(i => i.Correct);
                var cost = Total(g.Select(ProductionCost).ToList());
                var scores = g.Where(i => i.JudgeScore.HasValue).Select(i => i.JudgeScore!.Value).ToList();
                return new ReportModelSummary
                {
                    Model = g.Key,
                    Items = g.Count(),
                    Correct = correct,
                    CorrectPercent = Math.Round(100.0 * correct / g.Count(), 1),
                    Refused = g.Count(i => i.Status == "refused"),
                    Failed = g.Count(i => i.Status == "failed"),
                    JudgeMean = scores.Count == 0 ? null : Math.Round(scores.Average(), 4),
                    CostUsd = cost,
                    CostPerCorrectUsd = cost is { } c && correct > 0 ? Math.Round(c / correct, 8) : null,
                    InputTokens = g.Sum(i => i.InputTokens),
                    OutputTokens = g.Sum(i => i.OutputTokens),
                };
            })
            .OrderByDescending(m => m.CorrectPercent)
            .ThenBy(m => m.CostPerCorrectUsd ?? decimal.MaxValue)
            .ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();

        return new BuildReport
        {
            GeneratorVersion = context.GeneratorVersion,
            CreatedAt = context.CreatedAt.ToUniversalTime(),
            Project = context.ProjectName,
            Provider = context.Provider,
            Prices = new ReportPrices { AsOf = prices.AsOf, Source = prices.Source is null ? "built-in" : Path.GetFileName(prices.Source) },
            Gates = new ReportGates
            {
                MinJudgeScore = context.MinJudgeScore,
                MaxCostUsd = context.MaxCostUsd,
                BelowMinJudgeScore = context.MinJudgeScore is { } min ? items.Where(i => i.JudgeScore < min).Select(i => i.Path).ToList() : [],
                SkippedForBudget = items.Where(i => i.Status == "skipped").Select(i => i.Path).ToList(),
            },
            Totals = totals,
            Models = models,
            Items = items,
            Comparison = context.Comparison?.WithRuns(context.Comparison.Runs
                .Select(r => r.FailureSummary is null ? r : r with { FailureSummary = Redact(r.FailureSummary, context) }).ToList()),
            Dependability = context.Dependability is { } check ? new ReportDependability
            {
                Samples = check.Samples, Temperature = check.Temperature, Mutants = check.Mutants, MinDependability = check.MinDependability,
                BelowMinimum = check.BelowMinimum, NewSamples = check.NewSamples, CachedSamples = check.CachedSamples,
                Items = check.Items.Select(i => i with { Failures = i.Failures.Select(f => Redact(f, context)).ToList() }).ToList(),
            } : null,
        };
    }

    /// <summary>Compiles and passes every example, from a successful resolution.</summary>
    public static bool IsCorrect(ItemResult r) =>
        r.Status is ItemStatus.Resolved or ItemStatus.Cached or ItemStatus.Shared or ItemStatus.Generated
        && r.Compiles
        && (r.ExamplesTotal == 0 || r.ExamplesPassed == r.ExamplesTotal);

    /// <summary>The one mapping from an item's result to its report row (costs priced, messages redacted, code read).</summary>
    /// <param name="generatedTexts">The texts the resolution wrote (<see cref="ResolutionResult.GeneratedTexts"/>); other files are read.</param>
    internal static ReportItem Item(ItemResult r, IReadOnlyList<MicroPromptDiagnostic> diagnostics, ReportContext context, IReadOnlyDictionary<string, string>? generatedTexts = null)
    {
        var prices = context.Prices;
        var hit = r.Status is ItemStatus.Resolved or ItemStatus.Cached or ItemStatus.Shared;
        var usage = hit ? r.OriginalUsage : r.Usage;
        var judgeUsage = hit ? r.OriginalJudgeUsage : r.JudgeUsage;
        var original = Sum(prices.Cost(r.Model, r.OriginalUsage), prices.Cost(r.JudgeModel ?? r.Model, r.OriginalJudgeUsage));
        var full = Path.GetFullPath(Path.Combine(context.ProjectDirectory, r.ItemPath));
        var problems = diagnostics
            .Where(d => d.File is not null && string.Equals(Path.GetFullPath(d.File), full, StringComparison.Ordinal))
            .Select(d => $"{d.Code}: {d.Message}")
            .Concat(r.LastErrors)
            .Distinct(StringComparer.Ordinal)
            .Select(m => Redact(m, context))
            .ToList();

        return new ReportItem
        {
            Path = r.ItemPath,
            Model = r.Model,
            Status = r.Status.ToString().ToLowerInvariant(),
            CacheHit = hit,
            Correct = IsCorrect(r),
            Passes = hit ? r.OriginalPasses : r.Passes,
            FirstCorrectPass = r.FirstCorrectPass,
            Compiles = r.Compiles,
            ExamplesPassed = r.ExamplesPassed,
            ExamplesTotal = r.ExamplesTotal,
            Sandbox = r.Sandbox?.ToString().ToLowerInvariant(),
            JudgeScore = r.JudgeScore,
            JudgeModel = r.JudgeModel,
            InputTokens = usage.InputTokens + judgeUsage.InputTokens,
            OutputTokens = usage.OutputTokens + judgeUsage.OutputTokens,
            CostUsd = Sum(prices.Cost(r.Model, r.Usage), prices.Cost(r.JudgeModel ?? r.Model, r.JudgeUsage)),
            OriginalCostUsd = r.Status is ItemStatus.Resolved or ItemStatus.Cached or ItemStatus.Shared or ItemStatus.Generated ? original : null,
            DurationMs = (long)r.Duration.TotalMilliseconds,
            Findings = r.Findings.Select(f => Redact(f, context)).ToList(),
            Problems = problems,
            Origin = r.Origin,
            ApiChanges = r.ApiChanges,
            BrokenCallers = r.BrokenCallers.Select(c => Redact(c, context)).ToList(),
            Assumptions = r.Assumptions.Select(a => Redact(a, context)).ToList(),
            GeneratedFile = r.GeneratedFile is null ? null : Path.GetRelativePath(context.ProjectDirectory, r.GeneratedFile).Replace('\\', '/'),
            Code = ReadCode(r, context, generatedTexts),
        };
    }

    /// <summary>What the item's code cost to produce: the original cost of a hit, this build's cost otherwise.</summary>
    private static decimal? ProductionCost(ReportItem item) => item.CacheHit ? item.OriginalCostUsd : item.CostUsd;

    private static string? ReadCode(ItemResult r, ReportContext context, IReadOnlyDictionary<string, string>? generatedTexts)
    {
        if (r.GeneratedFile is null || r.Status is ItemStatus.Stub or ItemStatus.Unresolved)
        {
            return null;
        }

        if (generatedTexts is not null && generatedTexts.TryGetValue(r.GeneratedFile, out var written))
        {
            return Redact(written, context);
        }

        try
        {
            return Redact(File.ReadAllText(r.GeneratedFile), context);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Redact(string text, ReportContext context)
    {
        foreach (var secret in context.Secrets)
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        // No "://": no user info to find (the regex, interpreted, would still scan every character of every item's code).
        return text.Contains("://", StringComparison.Ordinal) ? UserInfo.Replace(text, Redacted + "@") : text;
    }

    private static int Count(ResolutionResult result, ItemStatus status) => result.Items.Count(i => i.Status == status);

    private static decimal? Sum(decimal? a, decimal? b) => a is null || b is null ? null : a + b;

    private static decimal? Total(IReadOnlyList<decimal?> values) =>
        values.Any(v => v is null) ? null : Math.Round(values.Sum(v => v!.Value), 8);
}
