using System.Diagnostics;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.SharedCache;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>
/// Resolves a project's prompts to code, as a pipeline: parse → order by <c>uses</c> → per dependency level:
/// plan (<see cref="ItemPlanner"/>: model, namespace, key) → look up (<see cref="ItemLookup"/>: resolved state, caches) →
/// generate the misses concurrently (<see cref="ItemGeneration"/>: the generator verifies and repairs) → record
/// (<see cref="ResolutionRecorder"/>: caches, store, lock) → write the <c>.g.cs</c> files, remove stale ones, prune.
/// A run whose items all hit never creates an <see cref="IItemGenerator"/>, so no AI, HTTP or Roslyn assembly loads.
/// </summary>
public sealed class PromptResolver
{
    private readonly ResolutionOptions _options;
    private readonly Func<IItemGenerator> _generatorFactory;
    private readonly Func<Exception, string, MicroPromptDiagnostic?> _classifyProviderError;
    private readonly Action<string> _log;
    private readonly object _gate = new();
    private IItemGenerator? _generator;

    /// <param name="options">Validated settings.</param>
    /// <param name="generatorFactory">Creates the model-backed generator; called at most once, only on a miss.</param>
    /// <param name="classifyProviderError">Maps a provider exception (and the model) to a diagnostic, or null if unknown.</param>
    /// <param name="log">Informational messages (item resolved, generated, …).</param>
    public PromptResolver(
        ResolutionOptions options,
        Func<IItemGenerator> generatorFactory,
        Func<Exception, string, MicroPromptDiagnostic?>? classifyProviderError = null,
        Action<string>? log = null)
    {
        _options = options;
        _generatorFactory = generatorFactory;
        _classifyProviderError = classifyProviderError ?? ((_, _) => null);
        _log = log ?? (_ => { });
    }

    /// <summary>True once a generator was created (a model could have been called).</summary>
    public bool GeneratorCreated => _generator is not null;

    public async Task<ResolutionResult> ResolveAsync(IReadOnlyList<ResolutionItem> items, CancellationToken cancellationToken)
    {
        var run = new ResolutionRun(_options, _log);
        try
        {
            // The team's shared cache serves only builds that may generate (never locked or design-time builds).
            run.Shared = _options.SharedCache is null || _options.Locked || _options.DesignTime
                ? null
                : new SharedGenerationCache(_options.SharedCache, d => run.AddDiagnostic(run.Diagnostics, d), _log);
            return await ResolveAsync(run, items, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _generator?.Dispose();
            run.Shared?.Dispose();
        }
    }

    private async Task<ResolutionResult> ResolveAsync(ResolutionRun run, IReadOnlyList<ResolutionItem> items, CancellationToken cancellationToken)
    {
        var diagnostics = run.Diagnostics;
        var started = Stopwatch.GetTimestamp();
        PromptReading.Read(run, items);
        run.Timings.Add("parse", started);
        started = Stopwatch.GetTimestamp();
        var graph = PromptReading.Graph(run, items);
        run.Timings.Add("graph", started);
        foreach (var broken in graph.Broken)
        {
            run.Results.TryAdd(broken, ResolutionRun.Failed(broken));
        }

        var planner = new ItemPlanner(run);
        var lookup = new ItemLookup(run);
        var recorder = new ResolutionRecorder(run);
        var generation = new LevelGeneration(run, new ItemGeneration(run, Generator, recorder, _classifyProviderError), recorder, _log);
        var byPath = items.ToDictionary(i => i.ItemPath, StringComparer.Ordinal);
        foreach (var level in graph.Levels)
        {
            // The items of a level are independent (they use only earlier levels): planned, looked up and written in
            // parallel, each with its own diagnostics, merged in item order so the report does not depend on timing.
            cancellationToken.ThrowIfCancellationRequested();
            started = Stopwatch.GetTimestamp();
            var outcomes = new (PlannedItem? Miss, List<MicroPromptDiagnostic> Own)[level.Count];
            // One worker per core: the per-item work is short, and more threads (the pool adds them while one waits in
            // the file system) only add context switches.
            Parallel.For(0, level.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var own = new List<MicroPromptDiagnostic>();
                outcomes[i] = (PlanAndLookUp(run, byPath[level[i]], graph, planner, lookup, recorder, own), own);
            });
            run.Timings.Add("levels (wall)", started);
            var misses = new List<PlannedItem>();
            foreach (var (miss, own) in outcomes)
            {
                diagnostics.AddRange(own);
                if (miss is not null)
                {
                    misses.Add(miss);
                }
            }

            if (misses.Count > 0)
            {
                started = Stopwatch.GetTimestamp();
                await generation.GenerateAsync(misses, cancellationToken).ConfigureAwait(false);
                run.Timings.Add("generate", started);
            }
        }

        started = Stopwatch.GetTimestamp();
        var result = Finish(run, items, recorder);
        run.Timings.Add("finish", started);
        return result;
    }

    /// <summary>One item of a level: its result when it resolves without a model (or cannot resolve), else the planned miss.</summary>
    private PlannedItem? PlanAndLookUp(ResolutionRun run, ResolutionItem item, PromptGraph graph, ItemPlanner planner, ItemLookup lookup, ResolutionRecorder recorder, List<MicroPromptDiagnostic> diagnostics)
    {
        var itemPath = item.ItemPath;
        if (!run.Documents.TryGetValue(itemPath, out var document))
        {
            return null; // did not parse: already reported and failed
        }

        var deps = graph.Dependencies[itemPath];
        if (run.Sketched.ContainsKey(itemPath))
        {
            if (UnchangedPrompts.TryTakeHit(run, item, document, deps, planner, lookup, recorder, diagnostics))
            {
                return null;
            }

            // Not the entry's hit: the prompt is parsed and takes the ordinary path (its uses are the sketch's: same text).
            if (PromptReading.Reparse(run, item, diagnostics) is not { } parsed)
            {
                return null;
            }

            document = parsed;
        }
        if (deps.FirstOrDefault(d => !run.CodeHashes.ContainsKey(d)) is { } failedDep)
        {
            var depStatus = run.Results.TryGetValue(failedDep, out var r) ? r.Status : ItemStatus.Failed;
            run.Results[itemPath] = depStatus switch
            {
                ItemStatus.Stub or ItemStatus.Unresolved => EmitStub(run, item, document),
                ItemStatus.Skipped => new ItemResult { ItemPath = itemPath, Status = ItemStatus.Skipped }, // named in the budget error
                _ => DependencyFailed(diagnostics, item, failedDep),
            };
            return null;
        }

        if (_options.DesignTime && ItemPlanning.FirstNonEmpty(item.ModelOverride, document.Model, _options.DefaultModel) is null)
        {
            // No model chosen yet: an IDE build, or a comparison (which brings its own models), still compiles
            // against the contract; a real build reports MP1001.
            run.Results[itemPath] = EmitStub(run, item, document);
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var planned = planner.Plan(item, document, deps, diagnostics);
        run.Timings.Add("plan", started);
        if (planned is null)
        {
            run.Results[itemPath] = ResolutionRun.Failed(itemPath);
            return null;
        }

        if (run.IsAdopt(itemPath) && ItemGeneration.HandEdited(run, planned) is not null)
        {
            return planned; // verified (never generated) by ItemGeneration; adopting a conflict is the user picking the hand edit
        }

        if (lookup.Conflict(planned) is { } conflict)
        {
            diagnostics.Add(conflict);
            run.Results[itemPath] = ResolutionRun.Failed(itemPath, planned);
            return null;
        }

        started = Stopwatch.GetTimestamp();
        var found = lookup.Find(planned, diagnostics);
        run.Timings.Add("lookup", started);
        if (found is { } hit)
        {
            started = Stopwatch.GetTimestamp();
            run.Results[itemPath] = recorder.TakeHit(planned, hit, diagnostics);
            run.Timings.Add("record and write", started);
            return null;
        }

        if (_options.DesignTime)
        {
            run.Results[itemPath] = EmitStub(run, item, document);
            return null;
        }

        if (_options.Locked)
        {
            diagnostics.Add(GenerationMessages.LockedMissingResolution(itemPath, planned.Model, planned.Key, run.InUserCacheOnly(itemPath), item.FullPath));
            run.Results[itemPath] = ResolutionRun.Failed(itemPath, planned);
            return null;
        }

        return planned;
    }

    /// <summary>Emits nothing for failures, removes stale outputs, prunes the lock.</summary>
    private ResolutionResult Finish(ResolutionRun run, IReadOnlyList<ResolutionItem> items, ResolutionRecorder recorder)
    {
        var diagnostics = run.Diagnostics;
        var ordered = items.Select(i => run.Results.TryGetValue(i.ItemPath, out var r) ? r : ResolutionRun.Failed(i.ItemPath)).ToList();
        if (_options.Budget is { } budget && ordered.Where(r => r.Status == ItemStatus.Skipped).Select(r => r.ItemPath).ToList() is { Count: > 0 } skipped)
        {
            diagnostics.Add(BudgetMessages.BuildStopped(budget.Spent, budget.MaxUsd, skipped));
        }

        var files = ordered.Where(r => r.GeneratedFile is not null).Select(r => r.GeneratedFile!).ToList();
        run.Writer.RemoveOthers(files);

        if (!_options.Locked && !_options.DesignTime)
        {
            run.TryStore(() => recorder.Prune(items), diagnostics, items.Count > 0 ? items[0] : new ResolutionItem { FullPath = _options.StoreDirectory, ItemPath = "" });
        }

        return new ResolutionResult
        {
            Items = ordered, Diagnostics = diagnostics, GeneratedFiles = files,
            Code = new Dictionary<string, string>(run.Code, StringComparer.Ordinal), Documents = new ParsedDocuments(run),
            GeneratedTexts = run.Writer.Written,
            Unparsed = items.Select(i => i.ItemPath).Where(run.Sketched.ContainsKey).ToList(),
            Timings = run.Timings,
        };
    }

    private static ItemResult DependencyFailed(List<MicroPromptDiagnostic> diagnostics, ResolutionItem item, string failedDep)
    {
        diagnostics.Add(GenerationMessages.DependencyFailed(item.ItemPath, failedDep, item.FullPath));
        return ResolutionRun.Failed(item.ItemPath);
    }

    private static ItemResult EmitStub(ResolutionRun run, ResolutionItem item, PromptDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Contract))
        {
            return new ItemResult { ItemPath = item.ItemPath, Status = ItemStatus.Unresolved };
        }

        var ns = ItemPlanning.Namespace(run.Options.Project, item, document);
        var stub = ContractStubBuilder.Build(document.Contract, ns, item.ItemPath);
        var file = run.Writer.Write(item.ItemPath, "contract stub: not resolved yet", stub);
        return new ItemResult { ItemPath = item.ItemPath, Status = ItemStatus.Stub, GeneratedFile = file };
    }

    private IItemGenerator Generator()
    {
        lock (_gate)
        {
            return _generator ??= _generatorFactory();
        }
    }
}
