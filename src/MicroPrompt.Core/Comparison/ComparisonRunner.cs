using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Hashing;
using MicroPrompt.Prompts;
using MicroPrompt.Resolution;

namespace MicroPrompt.Comparison;

/// <summary>
/// Runs a model comparison: every item × model × repair mode × sample is one independent generation through the
/// normal generator (repair passes, examples, judge), graded and cached per run in the user cache
/// (<see cref="ComparisonRunCache"/>). The model list overrides per-item pins. It never writes the lock or the
/// resolved store. A <c>uses</c> item sees its dependencies as a normal build would: their resolved code, else their
/// contract stubs; the other items' resolved code is compiled alongside, as in a normal generation.
/// </summary>
public sealed class ComparisonRunner
{
    private readonly ResolutionOptions _options;
    private readonly ComparisonSettings _settings;
    private readonly Func<IItemGenerator> _generatorFactory;
    private readonly Func<Exception, string, MicroPromptDiagnostic?> _classifyProviderError;
    private readonly Action<string> _log;
    private readonly object _gate = new();
    private IItemGenerator? _generator;

    /// <param name="options">The build's validated settings (project, user cache, locked, concurrency, budget, judge).</param>
    /// <param name="settings">Models, samples, modes, passes.</param>
    /// <param name="generatorFactory">Creates the model-backed generator; called at most once, only when a run is not cached.</param>
    /// <param name="classifyProviderError">Maps a provider exception (and the model) to a diagnostic, or null if unknown.</param>
    /// <param name="log">Informational messages.</param>
    public ComparisonRunner(
        ResolutionOptions options,
        ComparisonSettings settings,
        Func<IItemGenerator> generatorFactory,
        Func<Exception, string, MicroPromptDiagnostic?>? classifyProviderError = null,
        Action<string>? log = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _generatorFactory = generatorFactory ?? throw new ArgumentNullException(nameof(generatorFactory));
        _classifyProviderError = classifyProviderError ?? ((_, _) => null);
        _log = log ?? (_ => { });
    }

    /// <summary>True once a generator was created (a model could have been called).</summary>
    public bool GeneratorCreated => _generator is not null;

    /// <param name="items">The project's items.</param>
    /// <param name="resolved">The build's resolution (with generation off): the code each item resolves to, if any.</param>
    /// <param name="cancellationToken">Stops the comparison; runs graded so far are already cached.</param>
    public async Task<ComparisonResult> RunAsync(IReadOnlyList<ResolutionItem> items, ResolutionResult resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(resolved);
        try
        {
            return await RunCoreAsync(items, resolved, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _generator?.Dispose();
        }
    }

    private async Task<ComparisonResult> RunCoreAsync(IReadOnlyList<ResolutionItem> items, ResolutionResult resolved, CancellationToken cancellationToken)
    {
        var diagnostics = new List<MicroPromptDiagnostic>();
        var cache = _options.UserCacheDirectory is null ? null : new ComparisonRunCache(_options.UserCacheDirectory);

        // The resolution parsed the prompts and reported their problems: items that do not parse are left out here.
        var documents = resolved.Documents;

        var graph = PromptGraph.Build(items, documents, []);
        var namespaces = items.Where(i => documents.ContainsKey(i.ItemPath))
            .ToDictionary(i => i.ItemPath, i => ItemPlanning.Namespace(_options.Project, i, documents[i.ItemPath]), StringComparer.Ordinal);

        var planned = new List<PlannedRun>();
        foreach (var item in items.OrderBy(i => i.ItemPath, StringComparer.Ordinal))
        {
            if (!documents.TryGetValue(item.ItemPath, out var document) || graph.Broken.Contains(item.ItemPath)
                || Packages(document) is not { } packages
                || (_settings.Items is { } only && !only.Contains(item.ItemPath)))
            {
                continue;
            }

            var models = ModelsFor(item, document);
            if (models.Count == 0)
            {
                diagnostics.Add(MicroPromptDiagnostic.Error(DiagnosticCodes.NoModel, Diagnostics.Messages.DependabilityMessages.NoModel(item.ItemPath), item.FullPath, 1, 1));
                continue;
            }

            // Dependencies: resolved code, else the contract stub a design-time build would emit.
            var uses = new List<UsedItem>();
            var stubs = new List<string>();
            foreach (var dep in graph.Dependencies[item.ItemPath])
            {
                if (resolved.Code.TryGetValue(dep, out var depCode))
                {
                    uses.Add(new UsedItem(dep, namespaces[dep], depCode));
                }
                else if (documents.TryGetValue(dep, out var depDocument) && !string.IsNullOrWhiteSpace(depDocument.Contract))
                {
                    var stub = ContractStubBuilder.Build(depDocument.Contract, namespaces[dep], dep);
                    uses.Add(new UsedItem(dep, namespaces[dep], stub));
                    stubs.Add(stub);
                }
            }

            var companions = resolved.Code.Where(kv => kv.Key != item.ItemPath).Select(kv => kv.Value)
                .Concat(stubs).OrderBy(c => c, StringComparer.Ordinal).ToList();
            var usedHashes = uses.ToDictionary(u => u.ItemPath, u => ContentHash.Sha256Hex(u.Code), StringComparer.Ordinal);
            foreach (var model in models)
            {
                foreach (var mode in _settings.Modes)
                {
                    var key = Key(document, namespaces[item.ItemPath], model, mode, packages, usedHashes);
                    for (var sample = 1; sample <= _settings.Samples; sample++)
                    {
                        planned.Add(new PlannedRun(item, document, namespaces[item.ItemPath], model, mode, sample, key, uses, companions));
                    }
                }
            }
        }

        var runs = new ComparisonRun?[planned.Count];
        var codes = new string?[planned.Count];
        var misses = new List<int>();
        for (var i = 0; i < planned.Count; i++)
        {
            var p = planned[i];
            (ComparisonRun Run, string? Code)? hit = null;
            if (cache is not null)
            {
                hit = cache.TryGet(ComparisonRunCache.RunKey(p.Key, p.Sample, _settings.Temperature), out var problem);
                if (problem is not null)
                {
                    diagnostics.Add(problem);
                }
            }

            if (hit is { } h)
            {
                runs[i] = h.Run with { Item = p.Item.ItemPath, Model = p.Model, Mode = ComparisonSettings.ModeName(p.Mode), Sample = p.Sample, Key = p.Key, FromCache = true, Tags = p.Document.Tags };
                codes[i] = h.Run.Correct ? h.Code : null;
            }
            else
            {
                misses.Add(i);
            }
        }

        if (misses.Count > 0 && _options.Locked)
        {
            var first = planned[misses[0]];
            diagnostics.Add(ComparisonMessages.RunsNotCached(
                misses.Count, planned.Count, (first.Item.ItemPath, first.Model, ComparisonSettings.ModeName(first.Mode), first.Sample), first.Item.FullPath, _settings.Purpose));
            foreach (var i in misses)
            {
                runs[i] = Skipped(planned[i], DiagnosticCodes.ComparisonRunNotCached);
            }
        }
        else if (misses.Count > 0)
        {
            _log($"MicroPrompt: {_settings.Purpose}: {planned.Count - misses.Count} run(s) cached, {misses.Count} to generate.");
            await GenerateAsync(planned, misses, runs, codes, cache, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        return new ComparisonResult { Runs = runs.Select(r => r!).ToList(), Codes = codes, Diagnostics = diagnostics };
    }

    private async Task GenerateAsync(
        List<PlannedRun> planned,
        List<int> misses,
        ComparisonRun?[] runs,
        string?[] codes,
        ComparisonRunCache? cache,
        List<MicroPromptDiagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        using var throttle = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        var reported = new HashSet<string>(StringComparer.Ordinal);
        void ReportOnce(MicroPromptDiagnostic diagnostic)
        {
            lock (diagnostics)
            {
                // One diagnostic per code and file, and one per build for a provider-wide problem (a dead endpoint
                // or a missing key): neither is repeated for every run.
                if (reported.Add(DiagnosticCodes.IsProviderWide(diagnostic.Code) ? diagnostic.Code : diagnostic.Code + "|" + diagnostic.File))
                {
                    diagnostics.Add(diagnostic);
                }
            }
        }

        var tasks = misses.Select(async i =>
        {
            var p = planned[i];
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                (runs[i], codes[i]) = await RunOneAsync(p, cache, ReportOnce, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                throttle.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task<(ComparisonRun Run, string? Code)> RunOneAsync(PlannedRun p, ComparisonRunCache? cache, Action<MicroPromptDiagnostic> report, CancellationToken cancellationToken)
    {
        var item = p.Item;
        var judgeModel = _options.JudgeModel is null ? null : _options.JudgeModel.Length == 0 ? p.Model : _options.JudgeModel;
        if (_options.Budget?.Refuse(p.Model, judgeModel) is { } refusal)
        {
            report(ComparisonMessages.RunsNotMade(refusal.Code, refusal.Reason, item.FullPath));
            return (Skipped(p, refusal.Code, ComparisonFailure.Trim(refusal.Reason)), null);
        }

        var request = new GenerationRequest
        {
            Prompt = p.Document,
            ItemPath = item.ItemPath,
            Namespace = p.Namespace,
            Model = p.Model,
            Project = ProjectForPrompt(p.Document),
            Uses = p.Uses,
            CompanionSources = p.Companions,
            Repair = p.Mode,
            MaxPasses = _settings.MaxPasses,
            Temperature = _settings.Temperature,
        };

        GenerationOutcome outcome;
        using var activity = Telemetry.MicroPromptTelemetry.StartStage(Telemetry.MicroPromptTelemetry.GenerateSpan, item.ItemPath, p.Model);
        activity?.SetTag("microprompt.repair", ComparisonSettings.ModeName(p.Mode));
        activity?.SetTag("microprompt.sample", p.Sample);
        try
        {
            _log($"MicroPrompt: {_settings.Purpose}: '{item.ItemPath}' with '{p.Model}', {ComparisonSettings.ModeName(p.Mode)} repair, sample {p.Sample}…");
            outcome = await Generator().GenerateAsync(request, cancellationToken).ConfigureAwait(false);
            Telemetry.MicroPromptTelemetry.Complete(activity, outcome);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Cancelled during a model call.", ex, cancellationToken);
        }
        catch (MicroPromptException ex)
        {
            report(ex.Diagnostic with { File = ex.Diagnostic.File ?? item.FullPath, Line = Math.Max(1, ex.Diagnostic.Line), Column = Math.Max(1, ex.Diagnostic.Column) });
            return (Errored(p, ex.Diagnostic.Code, ex.Diagnostic.Message), null);
        }
        catch (Exception ex)
        {
            var classified = _classifyProviderError(ex, p.Model) ?? ComparisonMessages.CallFailed(item.ItemPath, ex, _settings.Purpose);
            report(classified with { File = item.FullPath, Line = 1, Column = 1 });
            return (Errored(p, classified.Code, classified.Message), null);
        }

        _options.Budget?.Spend(p.Model, outcome.Usage, outcome.JudgeModel, outcome.JudgeUsage);
        var correct = outcome.Status == GenerationStatus.Succeeded && outcome.Code is not null;
        if (!correct && cancellationToken.IsCancellationRequested)
        {
            // A failure that ends as the build is cancelled may be the cancel itself (a killed harness): not a measurement.
            throw new OperationCanceledException("Cancelled while the run was being verified.", cancellationToken);
        }

        var run = new ComparisonRun
        {
            Item = item.ItemPath,
            Model = p.Model,
            Mode = ComparisonSettings.ModeName(p.Mode),
            Sample = p.Sample,
            Key = p.Key,
            Status = outcome.Status switch
            {
                GenerationStatus.Succeeded => ComparisonRunStatus.Succeeded,
                GenerationStatus.Refused => ComparisonRunStatus.Refused,
                _ => ComparisonRunStatus.Failed,
            },
            Correct = correct,
            Passes = outcome.Passes,
            FirstCorrectPass = correct ? outcome.FirstCorrectPass ?? outcome.Passes : null,
            InputTokens = outcome.Usage.InputTokens,
            OutputTokens = outcome.Usage.OutputTokens,
            JudgeScore = outcome.JudgeScore,
            JudgeModel = outcome.JudgeModel,
            JudgeInputTokens = outcome.JudgeModel is null ? 0 : outcome.JudgeUsage.InputTokens,
            JudgeOutputTokens = outcome.JudgeModel is null ? 0 : outcome.JudgeUsage.OutputTokens,
            JudgeMemoized = outcome.JudgeMemoized,
            CodeHash = correct ? ContentHash.Sha256Hex(outcome.Code!) : null,
            FailureCode = correct ? null : outcome.Status == GenerationStatus.Refused ? DiagnosticCodes.Refused : outcome.FailureCode ?? DiagnosticCodes.GenerationFailed,
            FailureSummary = correct ? null : ComparisonFailure.Summarize(outcome),
            Tags = p.Document.Tags,
        };

        if (cache is not null)
        {
            try
            {
                cache.Put(ComparisonRunCache.RunKey(p.Key, p.Sample, _settings.Temperature), run, correct ? outcome.Code : null);
            }
            catch (MicroPromptException ex)
            {
                report(ex.Diagnostic);
            }
        }

        return (run, correct ? outcome.Code : null);
    }

    /// <summary>The comparison's model list, or (<see cref="ComparisonSettings.ItemModels"/>) the one model a build gives the item.</summary>
    private IReadOnlyList<string> ModelsFor(ResolutionItem item, PromptDocument document) => !_settings.ItemModels
        ? _settings.Models
        : ItemPlanning.FirstNonEmpty(item.ModelOverride, document.Model, _options.DefaultModel) is { } model ? [model] : [];

    private IItemGenerator Generator()
    {
        lock (_gate)
        {
            return _generator ??= _generatorFactory();
        }
    }

    private static ComparisonRun Skipped(PlannedRun p, string code, string? summary = null) => NotGraded(p, ComparisonRunStatus.Skipped, code, summary);

    private static ComparisonRun Errored(PlannedRun p, string code, string message) => NotGraded(p, ComparisonRunStatus.Error, code, ComparisonFailure.Trim(message));

    private static ComparisonRun NotGraded(PlannedRun p, string status, string code, string? summary = null) => new()
    {
        Item = p.Item.ItemPath,
        Model = p.Model,
        Mode = ComparisonSettings.ModeName(p.Mode),
        Sample = p.Sample,
        Key = p.Key,
        Status = status,
        FailureCode = code,
        FailureSummary = summary,
        Tags = p.Document.Tags,
    };

    /// <summary>The <c>requires</c> packages with the versions the project resolves, or null when one is missing (reported by the resolution).</summary>
    private SortedDictionary<string, string>? Packages(PromptDocument document) => ItemPlanning.RequiredPackages(_options.Project, document);

    // The same key a normal build computes for this item with this model, mode and passes.
    private string Key(PromptDocument document, string ns, string model, RepairMode mode, SortedDictionary<string, string> packages, Dictionary<string, string> usedHashes)
        => ItemPlanning.Key(_options.Project, document, ns, model, mode, _settings.MaxPasses, packages, usedHashes);

    private ProjectContext ProjectForPrompt(PromptDocument document) => ItemPlanning.ProjectFor(_options.Project, document);

    private sealed record PlannedRun(
        ResolutionItem Item,
        PromptDocument Document,
        string Namespace,
        string Model,
        RepairMode Mode,
        int Sample,
        string Key,
        IReadOnlyList<UsedItem> Uses,
        IReadOnlyList<string> Companions);
}
