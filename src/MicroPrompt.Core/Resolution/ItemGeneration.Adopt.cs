using System.Diagnostics;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>
/// Adoption (<see cref="ResolutionOptions.AdoptItems"/>): a resolved code file changed by hand is verified exactly as
/// a generation's answer is (the same request: callers, companions, used items, library shape, API, examples) with
/// <see cref="IItemGenerator.VerifyAsync"/> — no model call — and, when it passes, recorded with origin
/// <c>hand-edit</c>, base = the code hash it replaced, key = the item's current key.
/// </summary>
internal sealed partial class ItemGeneration
{
    /// <summary>The hand-edited content of the item's resolved code file, or null when the file matches its hash (or is missing).</summary>
    public static ResolvedCode? HandEdited(ResolutionRun run, PlannedItem planned) =>
        planned.Previous is { } entry && run.Store.ReadCode(entry) is { State: ResolvedCodeState.Mismatch, Content: not null } read ? read : null;

    private async Task<GenerationResult> AdoptAsync(
        PlannedItem planned,
        ResolvedCode handEdit,
        IReadOnlyList<KeyValuePair<string, string>> companions,
        List<MicroPromptDiagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var entry = planned.Previous!;
        var code = handEdit.Content!;
        // The API baseline is the code the hand edit replaced, when this machine still has it; else the edit itself.
        var baseline = run.UserCache is { } cache && cache.TryGet(entry.Key, out var replaced, out _) && replaced is not null
            && replaced.CodeHash == entry.CodeHash ? replaced.Code : code;
        var previous = new PreviousResolution(baseline, entry.CodeHash, null, null, null, Edit: false);
        var request = Request(planned, companions, previous);
        var verified = await generator().VerifyAsync(request, code, cancellationToken).ConfigureAwait(false);
        if (verified is not { Status: GenerationStatus.Succeeded, Code: not null })
        {
            var message = verified?.FailureMessage ?? AdoptionMessages.CannotVerify;
            var problems = verified?.LastErrors is { Count: > 0 } errors ? " " + string.Join(" ", errors.Take(10)) : "";
            run.AddDiagnostic(diagnostics, AdoptionMessages.NotAdopted(
                verified?.FailureCode ?? DiagnosticCodes.GenerationFailed, planned.ItemPath, message, problems, handEdit.FullPath, planned.Item.FullPath));
            return new GenerationResult(planned, verified ?? new GenerationOutcome { Status = GenerationStatus.Failed }, stopwatch.Elapsed, null);
        }

        var record = recorder.ToRecord(planned, verified, previous, LockOrigins.HandEdit) with
        {
            Base = entry.CodeHash,
            Model = entry.Model,
            ReportedModel = entry.ReportedModel,
            Provider = entry.Provider,
            Usage = new LockUsage(), // no model call
        };
        await recorder.RecordAsync(planned, record, diagnostics, cancellationToken).ConfigureAwait(false);
        run.Log($"MicroPrompt: adopted the hand edit of '{planned.ItemPath}' (verified; no model call).");
        return new GenerationResult(planned, verified, stopwatch.Elapsed, null, Adopted: true);
    }
}
