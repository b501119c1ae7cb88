using System.Collections.Concurrent;
using System.Diagnostics;
using MicroPrompt.Capabilities;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Hashing;
using MicroPrompt.Keys;
using MicroPrompt.Prompts;
using MicroPrompt.SharedCache;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>
/// Resolves a project's prompts to code: parse → order by <c>uses</c> → compute keys → take hits from the resolved
/// state or user cache → generate misses (unless locked or design-time) → store + lock → write <c>.g.cs</c>.
/// A run whose items all hit never creates an <see cref="IItemGenerator"/>, so no AI, HTTP or Roslyn assembly loads.
/// </summary>
public sealed class PromptResolver
{
    private static readonly TimeSpan StoreLockTimeout = TimeSpan.FromSeconds(60);

    private readonly ResolutionOptions _options;
    private readonly Func<IItemGenerator> _generatorFactory;
    private readonly Func<Exception, string, MicroPromptDiagnostic?> _classifyProviderError;
    private readonly Action<string> _log;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private readonly HashSet<string> _inUserCacheOnly = new(StringComparer.Ordinal);
    private IItemGenerator? _generator;
    private bool _providerDownReported;
    private SharedGenerationCache? _shared;
    private readonly ConcurrentDictionary<string, GenerationRecord> _fromShared = new(StringComparer.Ordinal);

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
        var diagnostics = new List<MicroPromptDiagnostic>();
        var results = new ConcurrentDictionary<string, ItemResult>(StringComparer.Ordinal);
        try
        {
            return await ResolveCoreAsync(items, diagnostics, results, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _generator?.Dispose();
            _shared?.Dispose();
        }
    }

    private async Task<ResolutionResult> ResolveCoreAsync(
        IReadOnlyList<ResolutionItem> items,
        List<MicroPromptDiagnostic> diagnostics,
        ConcurrentDictionary<string, ItemResult> results,
        CancellationToken cancellationToken)
    {
        var store = new ResolvedStore(_options.StoreDirectory);
        var userCache = _options.UserCacheDirectory is null ? null : new UserCache(_options.UserCacheDirectory);
        var writer = new GeneratedFileWriter(_options.OutputDirectory, _options.Project.Nullable);
        var lockFile = store.LoadLock();
        var byPath = items.ToDictionary(i => i.ItemPath, StringComparer.Ordinal);
        // The team's shared cache serves only builds that may generate (never locked or design-time builds).
        _shared = _options.SharedCache is null || _options.Locked || _options.DesignTime
            ? null
            : new SharedGenerationCache(_options.SharedCache, d => AddDiagnostic(diagnostics, d), _log);

        // 1. Parse.
        var documents = new Dictionary<string, PromptDocument>(StringComparer.Ordinal);
        var parserOptions = new PromptParserOptions { MaxBytes = _options.MaxPromptBytes };
        foreach (var item in items)
        {
            var parsed = PromptParser.ParseFile(item.FullPath, parserOptions);
            diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.Success && parsed.Document is not null)
            {
                documents[item.ItemPath] = parsed.Document;
            }
            else
            {
                results[item.ItemPath] = new ItemResult { ItemPath = item.ItemPath, Status = ItemStatus.Failed };
            }
        }

        // 2. Order by `uses`.
        var graph = PromptGraph.Build(items, documents, diagnostics);
        foreach (var broken in graph.Broken)
        {
            results.TryAdd(broken, new ItemResult { ItemPath = broken, Status = ItemStatus.Failed });
        }

        // 3. Resolve level by level: lookups first (cheap), then generate the misses of the level concurrently.
        var code = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var codeHashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var namespaces = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        foreach (var level in graph.Levels)
        {
            var misses = new List<PlannedItem>();
            foreach (var itemPath in level)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = byPath[itemPath];
                if (!documents.TryGetValue(itemPath, out var document))
                {
                    continue; // did not parse: already reported and failed
                }

                var deps = graph.Dependencies[itemPath];
                var failedDep = deps.FirstOrDefault(d => !codeHashes.ContainsKey(d));
                if (failedDep is not null)
                {
                    var depStatus = results.TryGetValue(failedDep, out var r) ? r.Status : ItemStatus.Failed;
                    if (depStatus is ItemStatus.Stub or ItemStatus.Unresolved)
                    {
                        results[itemPath] = EmitStub(item, document, writer);
                    }
                    else if (depStatus is ItemStatus.Skipped)
                    {
                        results[itemPath] = new ItemResult { ItemPath = itemPath, Status = ItemStatus.Skipped }; // named in the budget error
                    }
                    else
                    {
                        diagnostics.Add(MicroPromptDiagnostic.Error(
                            DiagnosticCodes.DependencyFailed,
                            $"'{itemPath}' uses '{failedDep}', which could not be resolved; fix that prompt first.",
                            item.FullPath, 1, 1));
                        results[itemPath] = new ItemResult { ItemPath = itemPath, Status = ItemStatus.Failed };
                    }

                    continue;
                }

                if (_options.DesignTime && ItemPlanning.FirstNonEmpty(item.ModelOverride, document.Model, _options.DefaultModel) is null)
                {
                    // No model chosen yet: an IDE build, or a comparison (which brings its own models), still compiles
                    // against the contract; a real build reports MP1001.
                    results[itemPath] = EmitStub(item, document, writer);
                    continue;
                }

                var planned = Plan(item, document, deps, codeHashes, diagnostics);
                if (planned is null)
                {
                    results[itemPath] = new ItemResult { ItemPath = itemPath, Status = ItemStatus.Failed };
                    continue;
                }

                var hit = Lookup(planned, store, userCache, lockFile, diagnostics);
                if (hit is not null)
                {
                    code[itemPath] = hit.Value.Code;
                    codeHashes[itemPath] = ContentHash.Sha256Hex(hit.Value.Code);
                    namespaces[itemPath] = planned.Namespace;
                    if (hit.Value.Status is ItemStatus.Cached or ItemStatus.Shared && !_options.DesignTime)
                    {
                        if (hit.Value.Status == ItemStatus.Shared && userCache is not null)
                        {
                            TryStore(() => userCache.Put(hit.Value.Record!), diagnostics, item);
                        }

                        TryStore(() => SaveEntry(planned, hit.Value.Record!), diagnostics, item);
                    }

                    CapabilityCheck.Report(item, document, hit.Value.Record?.Capabilities, null, _options.StrictCapabilities, diagnostics);
                    var file = writer.Write(itemPath, Origin(planned), hit.Value.Code);
                    results[itemPath] = FromRecord(planned, hit.Value.Status, file, hit.Value.Record!);
                    continue;
                }

                if (_options.DesignTime)
                {
                    results[itemPath] = EmitStub(item, document, writer);
                    continue;
                }

                if (_options.Locked && _inUserCacheOnly.Contains(itemPath))
                {
                    diagnostics.Add(MicroPromptDiagnostic.Error(
                        DiagnosticCodes.LockedMissingResolution,
                        $"'{itemPath}' is not recorded in the committed resolved state for its current prompt and settings (key {planned.Key}), but your user cache has it. " +
                        "Build once with -p:MicroPromptLocked=false (no model call is needed) and commit the store folder (.microprompt/).",
                        item.FullPath, 1, 1));
                    results[itemPath] = new ItemResult { ItemPath = itemPath, Status = ItemStatus.Failed, Model = planned.Model, Key = planned.Key };
                    continue;
                }

                if (_options.Locked)
                {
                    diagnostics.Add(MicroPromptDiagnostic.Error(
                        DiagnosticCodes.LockedMissingResolution,
                        $"'{itemPath}' has no resolved code for its current prompt and settings (model '{planned.Model}', key {planned.Key}), and model calls are not allowed (MicroPromptLocked=true{(Environment.GetEnvironmentVariable("CI") == "true" ? ", the default when CI=true" : "")}). " +
                        "Build once with -p:MicroPromptLocked=false and a model endpoint, then commit the store folder (.microprompt/).",
                        item.FullPath, 1, 1));
                    results[itemPath] = new ItemResult { ItemPath = itemPath, Status = ItemStatus.Failed, Model = planned.Model, Key = planned.Key };
                    continue;
                }

                misses.Add(planned);
            }

            if (misses.Count == 0)
            {
                continue;
            }

            // Items of a level run concurrently (up to MaxConcurrency); each collects its own diagnostics, merged below in
            // item order, so the report is the same whatever order the calls finish in.
            var companions = code.Values.OrderBy(c => c, StringComparer.Ordinal).ToList();
            using var throttle = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
            var tasks = misses.Select(async planned =>
            {
                var own = new List<MicroPromptDiagnostic>();
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                var released = 0;
                void ReleaseSlot()
                {
                    if (Interlocked.Exchange(ref released, 1) == 0)
                    {
                        throttle.Release(); // the slot bounds model calls: storing a result must not hold up the next call
                    }
                }

                try
                {
                    return (planned, outcome: await GenerateSharedAsync(planned, () => GenerateAsync(planned, code, namespaces, companions, own, ReleaseSlot, cancellationToken), cancellationToken).ConfigureAwait(false), own);
                }
                finally
                {
                    ReleaseSlot();
                }
            }).ToList();

            foreach (var (planned, generated, own) in await Task.WhenAll(tasks).ConfigureAwait(false))
            {
                var itemPath = planned.Item.ItemPath;
                MergeDiagnostics(own, diagnostics);
                if (_fromShared.TryGetValue(itemPath, out var shared))
                {
                    results[itemPath] = TakeShared(planned, shared, writer, userCache, code, codeHashes, namespaces, diagnostics);
                    continue;
                }

                if (generated.Outcome?.Status == GenerationStatus.Succeeded)
                {
                    CapabilityCheck.Report(planned.Item, planned.Document, null, generated.Outcome.Capabilities, _options.StrictCapabilities, diagnostics);
                }

                if (generated.Outcome?.Status == GenerationStatus.Succeeded && generated.Outcome.Code is { } newCode)
                {
                    code[itemPath] = newCode;
                    codeHashes[itemPath] = ContentHash.Sha256Hex(newCode);
                    namespaces[itemPath] = planned.Namespace;
                    var file = writer.Write(itemPath, Origin(planned), newCode);
                    results[itemPath] = new ItemResult
                    {
                        ItemPath = itemPath, Status = ItemStatus.Generated, Model = planned.Model, Key = planned.Key, GeneratedFile = file,
                        OriginalUsage = generated.Outcome.Usage, OriginalPasses = generated.Outcome.Passes,
                        Compiles = generated.Outcome.Compiles, ExamplesPassed = generated.Outcome.ExamplesPassed,
                        ExamplesTotal = generated.Outcome.ExamplesTotal, FirstCorrectPass = generated.Outcome.FirstCorrectPass,
                        JudgeScore = generated.Outcome.JudgeScore,
                        JudgeModel = generated.Outcome.JudgeModel, JudgeUsage = generated.Outcome.JudgeUsage, OriginalJudgeUsage = generated.Outcome.JudgeUsage,
                        Findings = generated.Outcome.Findings.Select(f => $"{f.Code}: {f.Message}").ToList(),
                        Passes = generated.Outcome.Passes, Usage = generated.Outcome.Usage, Duration = generated.Duration,
                    };
                }
                else
                {
                    results[itemPath] = new ItemResult
                    {
                        ItemPath = itemPath,
                        Status = generated.Outcome?.Status == GenerationStatus.Refused ? ItemStatus.Refused
                            : generated.Outcome?.FailureCode is DiagnosticCodes.BudgetExceeded ? ItemStatus.Skipped : ItemStatus.Failed,
                        Model = planned.Model, Key = planned.Key, LastErrors = generated.Outcome?.LastErrors ?? [],
                        Passes = generated.Outcome?.Passes ?? 0, Usage = generated.Outcome?.Usage ?? UsageTotals.Zero, Duration = generated.Duration,
                    };
                }
            }
        }

        // 4. Emit nothing for failures; remove stale outputs; prune the lock.
        var ordered = items.Select(i => results.TryGetValue(i.ItemPath, out var r) ? r : new ItemResult { ItemPath = i.ItemPath, Status = ItemStatus.Failed }).ToList();
        if (_options.Budget is { } budget && ordered.Where(r => r.Status == ItemStatus.Skipped).Select(r => r.ItemPath).ToList() is { Count: > 0 } skipped)
        {
            diagnostics.Add(MicroPromptDiagnostic.Error(
                DiagnosticCodes.BudgetExceeded,
                $"MicroPromptMaxCostUsd: this build spent {budget.Spent:0.######} USD of its {budget.MaxUsd:0.####} USD budget and stopped generating; left unresolved: {string.Join(", ", skipped)}. "
                + "What was generated is kept; raise MicroPromptMaxCostUsd or build again to continue."));
        }

        var files = ordered.Where(r => r.GeneratedFile is not null).Select(r => r.GeneratedFile!).ToList();
        writer.RemoveOthers(files);

        if (!_options.Locked && !_options.DesignTime)
        {
            TryStore(() => Prune(store, items), diagnostics, items.Count > 0 ? items[0] : new ResolutionItem { FullPath = _options.StoreDirectory, ItemPath = "" });
        }

        return new ResolutionResult { Items = ordered, Diagnostics = diagnostics, GeneratedFiles = files, Code = new Dictionary<string, string>(code, StringComparer.Ordinal), Documents = documents };
    }

    private PlannedItem? Plan(
        ResolutionItem item,
        PromptDocument document,
        IReadOnlyList<string> deps,
        IReadOnlyDictionary<string, string> codeHashes,
        List<MicroPromptDiagnostic> diagnostics)
    {
        var model = ItemPlanning.FirstNonEmpty(item.ModelOverride, document.Model, _options.DefaultModel);
        if (model is null)
        {
            diagnostics.Add(MicroPromptDiagnostic.Error(
                DiagnosticCodes.NoModel,
                $"No model for '{item.ItemPath}'. Set the MicroPromptModel property (or the MICROPROMPT_MODEL environment variable), 'model:' in the prompt's front matter, or Model metadata on the item.",
                item.FullPath, 1, 1));
            return null;
        }

        var ns = ItemPlanning.Namespace(_options.Project, item, document);

        var packages = ItemPlanning.RequiredPackages(_options.Project, document, (requirement, problem) => diagnostics.Add(MicroPromptDiagnostic.Error(
            DiagnosticCodes.RequiresNotReferenced,
            $"'requires: {requirement.Id} {requirement.Range.PrettyPrint()}' but {problem}",
            item.FullPath, requirement.Span.Line, requirement.Span.Column)));
        if (packages is null)
        {
            return null;
        }

        var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dep in deps)
        {
            used[dep] = codeHashes[dep];
        }

        var key = ItemPlanning.Key(_options.Project, document, ns, model, _options.Repair, _options.MaxPasses, packages, used);
        return new PlannedItem(item, document, model, ns, key, GenerationKey.PromptHash(document.Text), deps);
    }

    private (ItemStatus Status, string Code, GenerationRecord? Record)? Lookup(
        PlannedItem planned,
        ResolvedStore store,
        UserCache? userCache,
        LockFile lockFile,
        List<MicroPromptDiagnostic> diagnostics)
    {
        using var activity = Telemetry.MicroPromptTelemetry.StartResolve(planned.Item.ItemPath, planned.Model);
        var hit = LookupCore(planned, store, userCache, lockFile, diagnostics);
        activity?.SetTag("microprompt.status", hit is null ? "miss" : hit.Value.Status.ToString().ToLowerInvariant());
        return hit;
    }

    private (ItemStatus Status, string Code, GenerationRecord? Record)? LookupCore(
        PlannedItem planned,
        ResolvedStore store,
        UserCache? userCache,
        LockFile lockFile,
        List<MicroPromptDiagnostic> diagnostics)
    {
        var itemPath = planned.Item.ItemPath;
        if (IsRegenerate(itemPath))
        {
            return null;
        }

        // The shared cache's in-process level first; the committed resolved state wins for the key it records.
        if (_shared?.TryGetLocal(planned.Key) is { } local
            && !(lockFile.Items.TryGetValue(itemPath, out var committed) && committed.Key == planned.Key))
        {
            return (ItemStatus.Shared, local.Code, local);
        }

        if (lockFile.Items.TryGetValue(itemPath, out var entry) && entry.Key == planned.Key)
        {
            if (store.TryReadCode(entry, out var resolved, out var problem))
            {
                return (ItemStatus.Resolved, resolved, new GenerationRecord
                {
                    Key = entry.Key, Code = resolved, CodeHash = entry.CodeHash, Model = entry.Model, ReportedModel = entry.ReportedModel,
                    Provider = entry.Provider, Usage = entry.Usage, Grade = entry.Grade, Capabilities = entry.Capabilities, GeneratedAt = entry.GeneratedAt,
                    GeneratorVersion = entry.GeneratorVersion,
                });
            }

            if (problem is not null)
            {
                // Locked builds must not paper over a damaged resolved state; otherwise fall through to cache/model.
                diagnostics.Add(_options.Locked || _options.DesignTime
                    ? problem with { File = problem.File ?? planned.Item.FullPath }
                    : problem with { Severity = DiagnosticSeverity.Warning, File = problem.File ?? planned.Item.FullPath });
            }
        }

        if (userCache is null)
        {
            return null;
        }

        if (!userCache.TryGet(planned.Key, out var record, out var cacheProblem) || record is null)
        {
            if (cacheProblem is not null)
            {
                diagnostics.Add(cacheProblem with { File = cacheProblem.File ?? planned.Item.FullPath });
            }

            return null;
        }

        if (_options.Locked)
        {
            lock (_gate)
            {
                _inUserCacheOnly.Add(itemPath);
            }

            return null;
        }

        return (ItemStatus.Cached, record.Code, record);
    }

    private async Task<(GenerationOutcome? Outcome, TimeSpan Duration)> GenerateAsync(
        PlannedItem planned,
        IReadOnlyDictionary<string, string> code,
        IReadOnlyDictionary<string, string> namespaces,
        IReadOnlyList<string> companions,
        List<MicroPromptDiagnostic> diagnostics,
        Action modelCallsDone,
        CancellationToken cancellationToken)
    {
        var item = planned.Item;
        var stopwatch = Stopwatch.StartNew();
        using var activity = Telemetry.MicroPromptTelemetry.StartStage(Telemetry.MicroPromptTelemetry.GenerateSpan, item.ItemPath, planned.Model);

        var request = new GenerationRequest
        {
            Prompt = planned.Document,
            ItemPath = item.ItemPath,
            Namespace = planned.Namespace,
            Model = planned.Model,
            Project = ProjectForPrompt(planned),
            Uses = planned.Dependencies.Select(d => new UsedItem(d, namespaces[d], code[d])).ToList(),
            CompanionSources = companions,
            Repair = _options.Repair,
            MaxPasses = _options.MaxPasses,
        };

        if (_options.Budget?.Refuse(planned.Model, JudgeModelFor(planned)) is { } refusal)
        {
            if (refusal.Code != DiagnosticCodes.BudgetExceeded)
            {
                AddDiagnostic(diagnostics, MicroPromptDiagnostic.Error(refusal.Code, $"'{item.ItemPath}' was not generated: {refusal.Reason}", item.FullPath, 1, 1));
            }

            return (new GenerationOutcome { Status = GenerationStatus.Failed, FailureCode = refusal.Code, FailureMessage = refusal.Reason }, stopwatch.Elapsed);
        }

        GenerationOutcome outcome;
        try
        {
            _log($"MicroPrompt: generating '{item.ItemPath}' with model '{planned.Model}'…");
            outcome = await Generator().GenerateAsync(request, cancellationToken).ConfigureAwait(false);
            Telemetry.MicroPromptTelemetry.Complete(activity, outcome);
            modelCallsDone();
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
            AddDiagnostic(diagnostics, ex.Diagnostic with { File = ex.Diagnostic.File ?? item.FullPath, Line = ex.Diagnostic.File is null ? 1 : ex.Diagnostic.Line, Column = ex.Diagnostic.File is null ? 1 : ex.Diagnostic.Column });
            return (null, stopwatch.Elapsed);
        }
        catch (Exception ex)
        {
            var classified = _classifyProviderError(ex, planned.Model) ?? MicroPromptDiagnostic.Error(
                DiagnosticCodes.ProviderBadResponse,
                $"The model call for '{item.ItemPath}' failed: {ex.GetType().Name}: {ex.Message}");
            AddDiagnostic(diagnostics, classified with { File = item.FullPath, Line = 1, Column = 1 });
            return (null, stopwatch.Elapsed);
        }

        _options.Budget?.Spend(planned.Model, outcome.Usage, outcome.JudgeModel, outcome.JudgeUsage);
        if (outcome.Status == GenerationStatus.Succeeded && outcome.Code is not null)
        {
            foreach (var finding in outcome.Findings)
            {
                AddDiagnostic(diagnostics, finding with { File = finding.File ?? item.FullPath, Line = Math.Max(finding.Line, 1), Column = Math.Max(finding.Column, 1) });
            }

            var record = new GenerationRecord
            {
                Key = planned.Key,
                Code = outcome.Code,
                CodeHash = ContentHash.Sha256Hex(outcome.Code),
                Model = planned.Model,
                ReportedModel = outcome.ReportedModel,
                Provider = _options.ProviderName,
                Usage = new LockUsage { InputTokens = outcome.Usage.InputTokens, OutputTokens = outcome.Usage.OutputTokens, Passes = outcome.Passes },
                Grade = new LockGrade
                {
                    Compiles = outcome.Compiles,
                    ExamplesPassed = outcome.ExamplesPassed,
                    ExamplesTotal = outcome.ExamplesTotal,
                    FirstCorrectPass = outcome.FirstCorrectPass,
                    JudgeScore = outcome.JudgeScore,
                    JudgeModel = outcome.JudgeModel,
                    JudgeInputTokens = outcome.JudgeModel is null ? null : outcome.JudgeUsage.InputTokens,
                    JudgeOutputTokens = outcome.JudgeModel is null ? null : outcome.JudgeUsage.OutputTokens,
                    Findings = outcome.Findings.Count == 0 ? null : outcome.Findings.Select(f => $"{f.Code}: {f.Message}").ToList(),
                },
                Capabilities = CapabilityCheck.Names(outcome.Capabilities),
                GeneratedAt = DateTimeOffset.UtcNow,
                GeneratorVersion = _options.GeneratorVersion,
            };

            // Stored the moment it passes verification: a later failure or cancellation never pays for it again.
            // One store write at a time, awaited rather than blocked on, so waiting items hold no thread-pool thread
            // (blocked threads would starve the HTTP completions of the calls still in flight).
            await _storeGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (_options.UserCacheDirectory is not null)
                {
                    TryStore(() => new UserCache(_options.UserCacheDirectory).Put(record), diagnostics, item);
                }

                TryStore(() => SaveEntry(planned, record), diagnostics, item);
            }
            finally
            {
                _storeGate.Release();
            }

            if (_shared is not null)
            {
                await _shared.PublishAsync(record, cancellationToken).ConfigureAwait(false);
            }
            _log($"MicroPrompt: generated '{item.ItemPath}' with '{planned.Model}' in {outcome.Passes} pass(es), {outcome.Usage.InputTokens} in / {outcome.Usage.OutputTokens} out tokens.");
        }
        else
        {
            var code2 = outcome.Status == GenerationStatus.Refused ? DiagnosticCodes.Refused : outcome.FailureCode ?? DiagnosticCodes.GenerationFailed;
            var message = outcome.FailureMessage ?? $"'{item.ItemPath}' could not be generated.";
            var at = outcome.FailureSpan is { Line: > 0 } span ? span : new SourceSpan(1, 1);
            AddDiagnostic(diagnostics, MicroPromptDiagnostic.Error(code2, message, item.FullPath, at.Line, Math.Max(1, at.Column)));
        }

        return (outcome, stopwatch.Elapsed);
    }

    /// <summary>
    /// Around one generation: the shared cache (another builder's result), else its lease, held while generating and
    /// publishing so that concurrent builders wait for this one instead of calling the model too.
    /// </summary>
    private async Task<(GenerationOutcome? Outcome, TimeSpan Duration)> GenerateSharedAsync(
        PlannedItem planned,
        Func<Task<(GenerationOutcome? Outcome, TimeSpan Duration)>> generate,
        CancellationToken cancellationToken)
    {
        if (_shared is null || IsRegenerate(planned.Item.ItemPath))
        {
            return await generate().ConfigureAwait(false);
        }

        var stopwatch = Stopwatch.StartNew();
        var found = await _shared.FindOrLeaseAsync(planned.Key, planned.Item.ItemPath, planned.Item.FullPath, cancellationToken).ConfigureAwait(false);
        if (found.Record is { } record)
        {
            _fromShared[planned.Item.ItemPath] = record;
            return (null, stopwatch.Elapsed);
        }

        await using (found.Lease)
        {
            return await generate().ConfigureAwait(false);
        }
    }

    /// <summary>An item another builder generated: written to the output, the user cache and the resolved state.</summary>
    private ItemResult TakeShared(
        PlannedItem planned,
        GenerationRecord record,
        GeneratedFileWriter writer,
        UserCache? userCache,
        ConcurrentDictionary<string, string> code,
        ConcurrentDictionary<string, string> codeHashes,
        ConcurrentDictionary<string, string> namespaces,
        List<MicroPromptDiagnostic> diagnostics)
    {
        var itemPath = planned.Item.ItemPath;
        code[itemPath] = record.Code;
        codeHashes[itemPath] = record.CodeHash;
        namespaces[itemPath] = planned.Namespace;
        if (userCache is not null)
        {
            TryStore(() => userCache.Put(record), diagnostics, planned.Item);
        }

        TryStore(() => SaveEntry(planned, record), diagnostics, planned.Item);
        return FromRecord(planned, ItemStatus.Shared, writer.Write(itemPath, Origin(planned), record.Code), record);
    }

    /// <summary>The result of an item whose code was not generated in this build: what it cost and how it was graded then.</summary>
    private static ItemResult FromRecord(PlannedItem planned, ItemStatus status, string generatedFile, GenerationRecord record) => new()
    {
        ItemPath = planned.Item.ItemPath, Status = status, Model = planned.Model, Key = planned.Key, GeneratedFile = generatedFile,
        OriginalUsage = new UsageTotals(record.Usage.InputTokens, record.Usage.OutputTokens),
        OriginalPasses = record.Usage.Passes,
        Compiles = record.Grade?.Compiles ?? true,
        ExamplesPassed = record.Grade?.ExamplesPassed ?? 0,
        ExamplesTotal = record.Grade?.ExamplesTotal ?? 0,
        FirstCorrectPass = record.Grade?.FirstCorrectPass,
        JudgeScore = record.Grade?.JudgeScore,
        JudgeModel = record.Grade?.JudgeModel,
        OriginalJudgeUsage = new UsageTotals(record.Grade?.JudgeInputTokens ?? 0, record.Grade?.JudgeOutputTokens ?? 0),
        Findings = record.Grade?.Findings ?? [],
    };

    private void SaveEntry(PlannedItem planned, GenerationRecord record)
    {
        var store = new ResolvedStore(_options.StoreDirectory);
        lock (_gate)
        {
            using (store.AcquireLock(StoreLockTimeout))
            {
                var current = store.LoadLock();
                Record(store, current, planned, record);
                if (store.SaveLock(current))
                {
                    store.RemoveUnreferencedCode(current);
                }
            }
        }
    }

    /// <summary>Writes the code into the store and the entry into <paramref name="lockFile"/>; true if the entry changed.</summary>
    private static bool Record(ResolvedStore store, LockFile lockFile, PlannedItem planned, GenerationRecord record)
    {
        var codeFile = store.WriteCode(planned.Item.ItemPath, record.Code);
        var entry = new LockEntry
        {
            PromptHash = planned.PromptHash,
            Model = record.Model,
            ReportedModel = record.ReportedModel,
            Provider = record.Provider,
            Key = planned.Key,
            CodeHash = record.CodeHash,
            CodeFile = codeFile,
            Usage = record.Usage,
            Grade = record.Grade,
            Capabilities = record.Capabilities,
            GeneratedAt = record.GeneratedAt,
            GeneratorVersion = record.GeneratorVersion,
        };
        if (lockFile.Items.TryGetValue(planned.Item.ItemPath, out var existing) && existing.Key == entry.Key && existing.CodeHash == entry.CodeHash)
        {
            return false;
        }

        lockFile.Items[planned.Item.ItemPath] = entry;
        return true;
    }

    /// <summary>Removes lock entries of prompts that no longer exist, and code files no entry references.</summary>
    private void Prune(ResolvedStore store, IReadOnlyList<ResolutionItem> items)
    {
        var live = items.Select(i => i.ItemPath).ToHashSet(StringComparer.Ordinal);
        if (!File.Exists(Path.Combine(_options.StoreDirectory, "lock.json")) || store.LoadLock().Items.Keys.All(live.Contains))
        {
            return; // nothing to prune: an up-to-date build never touches the committed state
        }

        lock (_gate)
        {
            using (store.AcquireLock(StoreLockTimeout))
            {
                var current = store.LoadLock();
                var stale = current.Items.Keys.Where(k => !live.Contains(k)).ToList();
                foreach (var path in stale)
                {
                    current.Items.Remove(path);
                }

                if (stale.Count > 0)
                {
                    store.SaveLock(current);
                }

                store.RemoveUnreferencedCode(current);
            }
        }
    }

    private ItemResult EmitStub(ResolutionItem item, PromptDocument document, GeneratedFileWriter writer)
    {
        if (string.IsNullOrWhiteSpace(document.Contract))
        {
            return new ItemResult { ItemPath = item.ItemPath, Status = ItemStatus.Unresolved };
        }

        var ns = ItemPlanning.Namespace(_options.Project, item, document);
        var stub = ContractStubBuilder.Build(document.Contract, ns, item.ItemPath);
        var file = writer.Write(item.ItemPath, "contract stub: not resolved yet", stub);
        return new ItemResult { ItemPath = item.ItemPath, Status = ItemStatus.Stub, GeneratedFile = file };
    }

    private IItemGenerator Generator()
    {
        lock (_gate)
        {
            return _generator ??= _generatorFactory();
        }
    }

    /// <summary>
    /// Adds an item's diagnostics. A fault of the provider as a whole (unreachable — the circuit breaker then rejects
    /// every further call at once —, key missing, bad provider or endpoint) is reported once per build, not per item.
    /// </summary>
    private void MergeDiagnostics(List<MicroPromptDiagnostic> own, List<MicroPromptDiagnostic> diagnostics)
    {
        foreach (var diagnostic in own)
        {
            if (DiagnosticCodes.IsProviderWide(diagnostic.Code))
            {
                if (_providerDownReported)
                {
                    _log($"MicroPrompt: '{diagnostic.File}' not generated: {diagnostic.Code} (reported above).");
                    continue;
                }

                _providerDownReported = true;
            }

            diagnostics.Add(diagnostic);
        }
    }

    private void AddDiagnostic(List<MicroPromptDiagnostic> diagnostics, MicroPromptDiagnostic diagnostic)
    {
        lock (diagnostics)
        {
            diagnostics.Add(diagnostic);
        }
    }

    private void TryStore(Action store, List<MicroPromptDiagnostic> diagnostics, ResolutionItem item)
    {
        try
        {
            store();
        }
        catch (MicroPromptException ex)
        {
            AddDiagnostic(diagnostics, ex.Diagnostic);
        }
        catch (IOException ex)
        {
            AddDiagnostic(diagnostics, MicroPromptDiagnostic.Error(
                DiagnosticCodes.StoreWriteFailed, $"Could not store the code generated for '{item.ItemPath}': {ex.Message}", item.FullPath, 1, 1));
        }
        catch (UnauthorizedAccessException ex)
        {
            AddDiagnostic(diagnostics, MicroPromptDiagnostic.Error(
                DiagnosticCodes.StoreWriteFailed, $"Could not store the code generated for '{item.ItemPath}': {ex.Message}", item.FullPath, 1, 1));
        }
    }

    private bool IsRegenerate(string itemPath)
    {
        if (_options.RegenerateAll)
        {
            return true;
        }

        var name = Path.GetFileNameWithoutExtension(itemPath);
        return _options.RegenerateItems.Any(r =>
            string.Equals(r.Replace('\\', '/'), itemPath, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r, Path.GetFileName(itemPath), StringComparison.OrdinalIgnoreCase));
    }

    // The model is shown only the packages the prompt declares in `requires` (with the versions the project resolves):
    // those versions are in the key, so adding an unrelated package never regenerates anything.
    private ProjectContext ProjectForPrompt(PlannedItem planned) => ItemPlanning.ProjectFor(_options.Project, planned.Document);

    private string? JudgeModelFor(PlannedItem planned) => _options.JudgeModel is null ? null : _options.JudgeModel.Length == 0 ? planned.Model : _options.JudgeModel;

    private static string Origin(PlannedItem planned) => $"model {planned.Model}, key {planned.Key}";


    private sealed record PlannedItem(
        ResolutionItem Item,
        PromptDocument Document,
        string Model,
        string Namespace,
        string Key,
        string PromptHash,
        IReadOnlyList<string> Dependencies);
}
