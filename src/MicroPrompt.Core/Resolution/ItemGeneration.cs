using System.Diagnostics;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Keys;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>What one generation (or re-verification) of an item came to.</summary>
/// <param name="Planned">The item, with the key it was generated under.</param>
/// <param name="Outcome">The outcome, or null when the call failed before one existed (the diagnostic says why).</param>
/// <param name="Duration">Wall time of the generation.</param>
/// <param name="Previous">The previous resolution (the edit's base), when there was one.</param>
/// <param name="Reverified">The previous code was verified against the new dependencies, without a model call.</param>
/// <param name="Adopted">The hand-edited code file was verified and adopted, without a model call.</param>
internal sealed record GenerationResult(PlannedItem Planned, GenerationOutcome? Outcome, TimeSpan Duration, PreviousResolution? Previous, bool Reverified = false, bool Adopted = false);

/// <summary>
/// Stage 3, generate: builds the item's request (companions, callers, the previous resolution as edit base), checks
/// the budget, re-verifies an item whose only change is the code of the items it uses, else asks the generator —
/// the only place a model is called. The generator verifies each pass (compile with callers, library shape, public
/// API, examples) and repairs; a verified result is recorded at once (stage 4).
/// </summary>
internal sealed partial class ItemGeneration(ResolutionRun run, Func<IItemGenerator> generator, ResolutionRecorder recorder, Func<Exception, string, MicroPromptDiagnostic?> classifyProviderError)
{
    public async Task<GenerationResult> GenerateAsync(
        PlannedItem planned,
        IReadOnlyList<KeyValuePair<string, string>> companions,
        List<MicroPromptDiagnostic> diagnostics,
        Action modelCallsDone,
        CancellationToken cancellationToken)
    {
        if (run.IsAdopt(planned.ItemPath) && HandEdited(run, planned) is { } handEdit)
        {
            return await AdoptAsync(planned, handEdit, companions, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        var item = planned.Item;
        var stopwatch = Stopwatch.StartNew();
        using var activity = Telemetry.MicroPromptTelemetry.StartStage(Telemetry.MicroPromptTelemetry.GenerateSpan, item.ItemPath, planned.Model);
        var previous = PreviousResolutionOf(planned);
        if (previous is { Edit: true } && ItemPlanner.EditKey(planned) is { } editKey)
        {
            planned = planned with { Key = editKey };
        }

        var request = Request(planned, companions, previous);
        if (previous is not null && OnlyUsesChanged(planned)
            && await generator().VerifyAsync(request, previous.Code, cancellationToken).ConfigureAwait(false) is { Status: GenerationStatus.Succeeded } verified)
        {
            // The items it uses changed, it did not: its code still compiles and passes its examples against theirs.
            run.Log($"MicroPrompt: '{item.ItemPath}' re-verified against the new code of the items it uses; no model call.");
            await recorder.RecordAsync(planned, recorder.ToRecord(planned, verified, previous, LockOrigins.Reverified), diagnostics, cancellationToken).ConfigureAwait(false);
            return new GenerationResult(planned, verified, stopwatch.Elapsed, previous, Reverified: true);
        }

        if (run.Options.Budget?.Refuse(planned.Model, JudgeModelFor(planned)) is { } refusal)
        {
            if (refusal.Code != DiagnosticCodes.BudgetExceeded)
            {
                run.AddDiagnostic(diagnostics, GenerationMessages.NotGenerated(refusal.Code, item.ItemPath, refusal.Reason, item.FullPath));
            }

            return new GenerationResult(planned, new GenerationOutcome { Status = GenerationStatus.Failed, FailureCode = refusal.Code, FailureMessage = refusal.Reason }, stopwatch.Elapsed, previous);
        }

        GenerationOutcome outcome;
        try
        {
            run.Log(previous is { Edit: true }
                ? $"MicroPrompt: regenerating '{item.ItemPath}' with model '{planned.Model}' as an edit of its previous code…"
                : $"MicroPrompt: generating '{item.ItemPath}' with model '{planned.Model}'…");
            outcome = await generator().GenerateAsync(request, cancellationToken).ConfigureAwait(false);
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
            run.AddDiagnostic(diagnostics, ex.Diagnostic with { File = ex.Diagnostic.File ?? item.FullPath, Line = ex.Diagnostic.File is null ? 1 : ex.Diagnostic.Line, Column = ex.Diagnostic.File is null ? 1 : ex.Diagnostic.Column });
            return new GenerationResult(planned, null, stopwatch.Elapsed, previous);
        }
        catch (Exception ex)
        {
            var classified = classifyProviderError(ex, planned.Model) ?? GenerationMessages.CallFailed(item.ItemPath, ex);
            run.AddDiagnostic(diagnostics, classified with { File = item.FullPath, Line = 1, Column = 1 });
            return new GenerationResult(planned, null, stopwatch.Elapsed, previous);
        }

        run.Options.Budget?.Spend(planned.Model, outcome.Usage, outcome.JudgeModel, outcome.JudgeUsage);
        if (outcome.Status == GenerationStatus.Succeeded && outcome.Code is not null)
        {
            foreach (var finding in outcome.Findings)
            {
                run.AddDiagnostic(diagnostics, finding with { File = finding.File ?? item.FullPath, Line = Math.Max(finding.Line, 1), Column = Math.Max(finding.Column, 1) });
            }

            var origin = outcome.Edited ? LockOrigins.Edited : LockOrigins.Generated;
            await recorder.RecordAsync(planned, recorder.ToRecord(planned, outcome, previous, origin), diagnostics, cancellationToken).ConfigureAwait(false);
            run.Log($"MicroPrompt: {(outcome.Edited ? "edited" : "generated")} '{item.ItemPath}' with '{planned.Model}' in {outcome.Passes} pass(es), {outcome.Usage.InputTokens} in / {outcome.Usage.OutputTokens} out tokens.");
        }
        else
        {
            var code = outcome.Status == GenerationStatus.Refused ? DiagnosticCodes.Refused : outcome.FailureCode ?? DiagnosticCodes.GenerationFailed;
            var message = outcome.FailureMessage ?? GenerationMessages.CouldNotGenerate(item.ItemPath);
            var at = outcome.FailureSpan is { Line: > 0 } span ? span : new Prompts.SourceSpan(1, 1);
            run.AddDiagnostic(diagnostics, MicroPromptDiagnostic.Error(code, message, item.FullPath, at.Line, Math.Max(1, at.Column)));
        }

        return new GenerationResult(planned, outcome, stopwatch.Elapsed, previous);
    }

    /// <summary>
    /// Around one generation: the shared cache (another builder's result), else its lease, held while generating and
    /// publishing so that concurrent builders wait for this one instead of calling the model too.
    /// </summary>
    public async Task<GenerationResult> GenerateSharedAsync(PlannedItem planned, Func<Task<GenerationResult>> generate, CancellationToken cancellationToken)
    {
        if (run.Shared is null || run.IsRegenerate(planned.ItemPath))
        {
            return await generate().ConfigureAwait(false);
        }

        var stopwatch = Stopwatch.StartNew();
        var found = await run.Shared.FindOrLeaseAsync(planned.Key, planned.ItemPath, planned.Item.FullPath, cancellationToken).ConfigureAwait(false);
        if (found.Record is { } record)
        {
            run.FromShared[planned.ItemPath] = record;
            return new GenerationResult(planned, null, stopwatch.Elapsed, null);
        }

        await using (found.Lease)
        {
            return await generate().ConfigureAwait(false);
        }
    }

    /// <summary>The previous resolution of a stale item, when its code can still be read (and verified).</summary>
    internal PreviousResolution? PreviousResolutionOf(PlannedItem planned)
    {
        if (planned.Previous is not { } entry || !run.Store.TryReadCode(entry, out var code, out _))
        {
            return null;
        }

        var mode = run.RegenerationFor(planned.Item, planned.Document);
        var forced = run.IsRegenerate(planned.ItemPath) && entry.Key == planned.Key;
        var edit = mode == RegenerationMode.Edit && !forced; // MicroPromptRegenerate of an unchanged item asks for a new one
        var promptText = entry.PromptHash == planned.PromptHash
            ? planned.Document.Text
            : PreviousPrompt.Find(entry.PromptHash, planned.Item.FullPath, run.Options.UserCacheDirectory is { } dir ? new PromptSnapshots(dir) : null);
        var diff = promptText is null ? null : PromptDiff.Unified(promptText, planned.Document.Text, Path.GetFileName(planned.ItemPath));
        var contract = promptText is null ? null : PreviousContract(promptText, planned);
        return new PreviousResolution(code, entry.CodeHash, promptText, diff, contract, edit) { Assumptions = entry.Assumptions ?? [] };
    }

    private static string? PreviousContract(string promptText, PlannedItem planned)
    {
        var parsed = Prompts.PromptParser.Parse(planned.Item.FullPath, promptText);
        return parsed.Document?.Contract;
    }

    /// <summary>True when the previous entry recorded its inputs and only <c>uses:</c> ones changed.</summary>
    private static bool OnlyUsesChanged(PlannedItem planned) =>
        planned.Previous is { Inputs: { Count: > 0 } recorded }
        && KeyInputHashes.Changed(recorded, KeyInputHashes.Of(planned.Inputs)) is { Count: > 0 } changed
        && changed.All(name => name.StartsWith("uses:", StringComparison.Ordinal));

    internal GenerationRequest Request(PlannedItem planned, IReadOnlyList<KeyValuePair<string, string>> companions, PreviousResolution? previous)
    {
        var others = companions.Where(c => c.Key != planned.ItemPath).ToList();
        return new GenerationRequest
        {
            Prompt = planned.Document,
            ItemPath = planned.ItemPath,
            Namespace = planned.Namespace,
            Model = planned.Model,
            Project = ItemPlanning.ProjectFor(run.Options.Project, planned.Document),
            Uses = planned.Dependencies.Select(d => new UsedItem(d, run.Namespaces[d], run.Code[d])).ToList(),
            CompanionSources = others.Select(c => c.Value).ToList(),
            CompanionNames = others.Select(c => c.Key).ToList(),
            CallerBaseline = previous?.Code
                ?? (string.IsNullOrWhiteSpace(planned.Document.Contract) ? "" : ContractStubBuilder.Build(planned.Document.Contract, planned.Namespace, planned.ItemPath)),
            Previous = previous,
            AllowApiChanges = run.AllowsApiChanges(planned.ItemPath),
            Repair = run.Options.Repair,
            MaxPasses = run.Options.MaxPasses,
        };
    }

    private string? JudgeModelFor(PlannedItem planned) =>
        run.Options.JudgeModel is null ? null : run.Options.JudgeModel.Length == 0 ? planned.Model : run.Options.JudgeModel;
}
