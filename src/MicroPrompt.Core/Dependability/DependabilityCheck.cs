using System.Diagnostics;
using MicroPrompt.Comparison;
using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Dependability;

/// <summary>
/// The dependability check: N independent generations of each item with its own model, repair mode and passes, run
/// and graded by the comparison machinery (<see cref="ComparisonRunner"/>: the normal generator, compile with callers,
/// examples, static checks; each graded sample cached in the user cache, so an interrupted check resumes and an
/// unchanged one makes no model call), then per item k/N, the 95% Wilson lower bound, p@1..p@MaxPasses and cost per
/// correct; the correct samples go to the probe comparer (ambiguities) and, with mutants on, the item's resolved code
/// to the example-strength analyzer. It never writes the lock or the resolved store.
/// </summary>
public sealed class DependabilityCheck
{
    private readonly ResolutionOptions _options;
    private readonly DependabilitySettings _settings;
    private readonly Func<IItemGenerator> _generatorFactory;
    private readonly DependabilityAnalyzers _analyzers;
    private readonly PriceTable _prices;
    private readonly Func<Exception, string, MicroPromptDiagnostic?>? _classifyProviderError;
    private readonly Action<string>? _log;

    /// <param name="options">The build's validated settings: model, repair mode, passes, user cache, locked, budget, judge.</param>
    /// <param name="settings">Samples, temperature, mutants, items.</param>
    /// <param name="generatorFactory">Creates the model-backed generator; called only when a sample is not cached.</param>
    /// <param name="analyzers">Probe comparer, example-strength analyzer, assumptions; null: none.</param>
    /// <param name="prices">Prices of the samples' tokens.</param>
    /// <param name="classifyProviderError">Maps a provider exception (and the model) to a diagnostic.</param>
    /// <param name="log">Informational messages.</param>
    public DependabilityCheck(
        ResolutionOptions options,
        DependabilitySettings settings,
        Func<IItemGenerator> generatorFactory,
        DependabilityAnalyzers? analyzers = null,
        PriceTable? prices = null,
        Func<Exception, string, MicroPromptDiagnostic?>? classifyProviderError = null,
        Action<string>? log = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _generatorFactory = generatorFactory ?? throw new ArgumentNullException(nameof(generatorFactory));
        _analyzers = analyzers ?? DependabilityAnalyzers.None;
        _prices = prices ?? PriceTable.Default;
        _classifyProviderError = classifyProviderError;
        _log = log;
    }

    /// <param name="items">The project's items (every one, so dependencies are seen; <see cref="DependabilitySettings.Items"/> picks the checked ones).</param>
    /// <param name="resolved">The build's resolution: the code each item resolves to, if any (never changed here).</param>
    /// <param name="cancellationToken">Stops the check; samples graded so far are cached.</param>
    public async Task<DependabilityResult> RunAsync(IReadOnlyList<ResolutionItem> items, ResolutionResult resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(resolved);
        var started = Stopwatch.GetTimestamp();
        var sampling = new ComparisonSettings
        {
            Models = [],
            ItemModels = true,
            Purpose = "dependability check",
            Items = _settings.Items,
            Samples = _settings.Samples,
            Modes = [_options.Repair],
            MaxPasses = _options.MaxPasses,
            Temperature = _settings.Temperature,
        };
        var runner = new ComparisonRunner(_options, sampling, _generatorFactory, _classifyProviderError, _log);
        var sampled = await runner.RunAsync(items, resolved, cancellationToken).ConfigureAwait(false);
        var diagnostics = sampled.Diagnostics.ToList();
        var subjects = ProbeSubjects.Build(_options, items, resolved);

        var results = new List<DependabilityItem>();
        var indexed = sampled.Runs.Select((run, index) => (Run: run, Code: index < sampled.Codes.Count ? sampled.Codes[index] : null));
        foreach (var group in indexed.GroupBy(r => r.Run.Item, StringComparer.Ordinal))
        {
            var runs = group.ToList();
            var item = Measure(group.Key, runs.Select(r => r.Run).ToList(), sampling.MaxPasses);
            var correct = runs.Where(r => r.Run.Correct && r.Code is not null).Select(r => new SampleCode(r.Run.Sample, r.Code!)).ToList();
            if (subjects.TryGetValue(group.Key, out var subject))
            {
                item = await AnalyzeAsync(item, subject, correct, resolved, diagnostics, cancellationToken).ConfigureAwait(false);
            }

            results.Add(item with { Assumptions = _analyzers.Assumptions?.Invoke(group.Key) ?? [] });
        }

        return new DependabilityResult
        {
            Settings = _settings,
            Items = LeastDependableFirst(results),
            Diagnostics = diagnostics,
            NewSamples = sampled.NewRuns,
            CachedSamples = sampled.CachedRuns,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }

    /// <summary>Least dependable first: lower bound, then correct rate, then path.</summary>
    public static IReadOnlyList<DependabilityItem> LeastDependableFirst(IEnumerable<DependabilityItem> items) => items
        .OrderBy(i => i.LowerBound)
        .ThenBy(i => i.Samples == 0 ? 0 : (double)i.Correct / i.Samples)
        .ThenBy(i => i.Path, StringComparer.Ordinal)
        .ToList();

    /// <summary>k/N, the Wilson lower bound, p@1..p@<paramref name="maxPasses"/> and cost of one item's sample runs.</summary>
    internal DependabilityItem Measure(string path, IReadOnlyList<ComparisonRun> runs, int maxPasses)
    {
        var graded = runs.Where(r => ComparisonRunStatus.IsGraded(r.Status)).ToList();
        var correct = graded.Count(r => r.Correct);
        var costs = graded.Select(r => ComparisonTables.Cost(r, _prices)).ToList();
        var cost = costs.Any(c => c is null) ? null : (decimal?)Math.Round(costs.Sum(c => c!.Value), 8);
        return new DependabilityItem
        {
            Path = path,
            Model = runs.Count > 0 ? runs[0].Model : "",
            Samples = graded.Count,
            Correct = correct,
            NotRun = runs.Count - graded.Count,
            CachedSamples = runs.Count(r => r.FromCache),
            LowerBound = Math.Round(WilsonInterval.LowerBound(correct, graded.Count), 4),
            PassAt = Enumerable.Range(1, Math.Max(1, maxPasses))
                .Select(k => graded.Count == 0 ? 0 : Math.Round((double)graded.Count(r => r.Correct && (r.FirstCorrectPass ?? r.Passes) <= k) / graded.Count, 4))
                .ToList(),
            CostUsd = cost,
            CostPerCorrect = cost is { } c && correct > 0 ? Math.Round(c / correct, 8) : null,
            Failures = runs.Where(r => !r.Correct)
                .Select(r => $"sample {r.Sample}: {r.FailureCode ?? r.Status}{(r.FailureSummary is null ? "" : " " + r.FailureSummary)}")
                .ToList(),
        };
    }

    private async Task<DependabilityItem> AnalyzeAsync(
        DependabilityItem item,
        ProbeSubject subject,
        IReadOnlyList<SampleCode> correct,
        ResolutionResult resolved,
        List<MicroPromptDiagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        try
        {
            if (_analyzers.Probes is { } probes && correct.Count >= 2)
            {
                item = item with { Ambiguities = await probes.FindAmbiguitiesAsync(subject, correct, cancellationToken).ConfigureAwait(false) };
            }

            var code = resolved.Code.TryGetValue(item.Path, out var resolvedCode) ? resolvedCode : correct.FirstOrDefault()?.Code;
            if (_settings.Mutants && _analyzers.ExampleStrength is { } analyzer && code is not null)
            {
                item = item with { ExampleStrength = await analyzer.AnalyzeAsync(subject, code, cancellationToken).ConfigureAwait(false) };
            }
        }
        catch (MicroPromptException ex)
        {
            diagnostics.Add(ex.Diagnostic with { File = ex.Diagnostic.File ?? Path.GetFullPath(Path.Combine(_options.Project.ProjectDirectory, item.Path)) });
        }

        return item;
    }
}
