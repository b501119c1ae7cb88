using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>
/// The generation stage of <see cref="PromptResolver"/>: the misses of one dependency level generated concurrently (up
/// to <c>MaxConcurrency</c> model calls), each result taken — the new code written, or the previous resolution kept in
/// place when it failed — and a fault of the provider as a whole reported once per run.
/// </summary>
internal sealed class LevelGeneration(ResolutionRun run, ItemGeneration generation, ResolutionRecorder recorder, Action<string> log)
{
    private bool _providerDownReported;

    /// <summary>
    /// The misses of one level run concurrently (up to MaxConcurrency); each collects its own diagnostics, merged in
    /// item order, so the report is the same whatever order the calls finish in.
    /// </summary>
    public async Task GenerateAsync(List<PlannedItem> misses, CancellationToken cancellationToken)
    {
        var companions = run.Code.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        using var throttle = new SemaphoreSlim(Math.Max(1, run.Options.MaxConcurrency));
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
                var result = await generation.GenerateSharedAsync(
                    planned,
                    () => generation.GenerateAsync(planned, companions, own, ReleaseSlot, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                return (result, own);
            }
            finally
            {
                ReleaseSlot();
            }
        }).ToList();

        foreach (var (result, own) in await Task.WhenAll(tasks).ConfigureAwait(false))
        {
            MergeDiagnostics(own, run.Diagnostics);
            var planned = result.Planned;
            if (run.FromShared.TryGetValue(planned.ItemPath, out var shared))
            {
                run.Results[planned.ItemPath] = recorder.TakeShared(planned, shared, run.Diagnostics);
                continue;
            }

            run.Results[planned.ItemPath] = Take(run, result);
        }
    }

    /// <summary>The result of a generation: the new code written, or — when it failed — the previous resolution kept in place.</summary>
    private static ItemResult Take(ResolutionRun run, GenerationResult result)
    {
        var (planned, outcome) = (result.Planned, result.Outcome);
        var itemPath = planned.ItemPath;
        if (outcome?.Status == GenerationStatus.Succeeded && outcome.Code is { } newCode)
        {
            Capabilities.CapabilityCheck.Report(planned.Item, planned.Document, null, outcome.Capabilities, run.Options.StrictCapabilities, run.Diagnostics);
            run.Resolve(itemPath, planned.Namespace, newCode);
            var file = run.Writer.Write(itemPath, ResolutionRecorder.Origin(planned), newCode);
            var status = result.Reverified || result.Adopted ? ItemStatus.Resolved : ItemStatus.Generated;
            return ItemResult.Of(itemPath, status, outcome) with
            {
                Model = planned.Model, Key = planned.Key, GeneratedFile = file, Duration = result.Duration,
                Origin = result.Adopted ? LockOrigins.HandEdit : result.Reverified ? LockOrigins.Reverified : outcome.Edited ? LockOrigins.Edited : LockOrigins.Generated,
            };
        }

        // The previous resolution stays in place: the project compiles what it compiled before, and the items that
        // use this one keep the code they were resolved against.
        string? kept = null;
        if (result.Previous is { } previous)
        {
            run.Resolve(itemPath, planned.Namespace, previous.Code, previous.CodeHash);
            kept = run.Writer.Write(itemPath, $"previous resolution kept: {planned.Previous?.Key}", previous.Code);
        }

        var failed = outcome ?? new GenerationOutcome { Status = GenerationStatus.Failed };
        var failedStatus = failed.Status == GenerationStatus.Refused ? ItemStatus.Refused
            : failed.FailureCode is DiagnosticCodes.BudgetExceeded ? ItemStatus.Skipped : ItemStatus.Failed;
        return ItemResult.Of(itemPath, failedStatus, failed) with
        {
            Model = planned.Model, Key = planned.Key, GeneratedFile = kept, Duration = result.Duration,
        };
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
                    log($"MicroPrompt: '{diagnostic.File}' not generated: {diagnostic.Code} (reported above).");
                    continue;
                }

                _providerDownReported = true;
            }

            diagnostics.Add(diagnostic);
        }
    }
}
