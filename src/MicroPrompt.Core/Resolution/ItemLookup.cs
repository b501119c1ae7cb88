using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Keys;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>A lookup that found the item's code: where, and the record it was found as (its key included).</summary>
/// <param name="CodeHash">SHA-256 hex of <paramref name="Code"/>'s UTF-8 bytes when the lookup already computed it, else null.</param>
internal readonly record struct LookupHit(ItemStatus Status, string Code, GenerationRecord Record, string? CodeHash = null);

/// <summary>
/// Stage 2, look up: the shared cache's in-process level, then the committed resolved state, then the user cache.
/// A stale item in <c>edit</c> mode is also looked up as the edit of its previous code (the same edit made before
/// costs nothing); every item is looked up by its fresh key, so a prompt reverted to an earlier text is answered by
/// the user cache.
/// </summary>
internal sealed class ItemLookup(ResolutionRun run)
{
    public LookupHit? Find(PlannedItem planned, List<MicroPromptDiagnostic> diagnostics)
    {
        using var activity = Telemetry.MicroPromptTelemetry.StartResolve(planned.ItemPath, planned.Model);
        var hit = FindCore(planned, diagnostics);
        activity?.SetTag("microprompt.status", hit is null ? "miss" : hit.Value.Status.ToString().ToLowerInvariant());
        return hit;
    }

    private LookupHit? FindCore(PlannedItem planned, List<MicroPromptDiagnostic> diagnostics)
    {
        var itemPath = planned.ItemPath;
        if (run.IsRegenerate(itemPath))
        {
            return null;
        }

        var lockFile = run.Lock;
        // The shared cache's in-process level first; the committed resolved state wins for the key it records.
        if (run.Shared?.TryGetLocal(planned.Key) is { } local
            && !(lockFile.Items.TryGetValue(itemPath, out var committed) && committed.Key == planned.Key))
        {
            return new LookupHit(ItemStatus.Shared, local.Code, local);
        }

        if (planned.Previous is { } entry && entry.Key == planned.Key)
        {
            var read = run.Store.ReadCode(entry);
            if (read.IsVerified)
            {
                return Resolved(entry, read);
            }

            var problem = read.State == ResolvedCodeState.Mismatch ? MismatchProblem(planned, entry, read) : read.Problem;
            if (problem is not null)
            {
                // Locked builds must not paper over a damaged resolved state; otherwise fall through to cache/model.
                diagnostics.Add(run.Options.Locked || run.Options.DesignTime
                    ? problem with { File = problem.File ?? planned.Item.FullPath }
                    : problem with { Severity = DiagnosticSeverity.Warning, File = problem.File ?? planned.Item.FullPath });
            }
        }

        if (run.UserCache is not { } userCache)
        {
            return null;
        }

        foreach (var key in CacheKeys(planned))
        {
            if (!userCache.TryGet(key, out var record, out var cacheProblem) || record is null)
            {
                if (cacheProblem is not null)
                {
                    diagnostics.Add(cacheProblem with { File = cacheProblem.File ?? planned.Item.FullPath });
                }

                continue;
            }

            if (run.Options.Locked)
            {
                run.MarkInUserCacheOnly(itemPath);
                return null;
            }

            return new LookupHit(ItemStatus.Cached, record.Code, record);
        }

        return null;
    }

    /// <summary>
    /// Only the committed entry, for a sketched item (<see cref="UnchangedPrompts"/>): its key equals the planned key
    /// and its code verifies, else null (the item is then parsed and looked up by <see cref="Find"/>, which reports).
    /// </summary>
    public LookupHit? FindCommitted(PlannedItem planned)
    {
        if (run.IsRegenerate(planned.ItemPath) || planned.Previous is not { } entry || entry.Key != planned.Key)
        {
            return null;
        }

        var read = run.Store.ReadCode(entry);
        if (!read.IsVerified)
        {
            return null; // no span: Find makes the item's one resolve span
        }

        using var activity = Telemetry.MicroPromptTelemetry.StartResolve(planned.ItemPath, planned.Model);
        activity?.SetTag("microprompt.status", "resolved");
        return Resolved(entry, read);
    }

    /// <summary>
    /// The hit of a verified committed entry. The hash its reader computed is the hash of the code's text only when the
    /// file is valid UTF-8 (then decoding and encoding again give the same bytes); otherwise the text is hashed again.
    /// </summary>
    private static LookupHit Resolved(LockEntry entry, ResolvedCode read) => new(
        ItemStatus.Resolved,
        read.Code,
        GenerationRecord.Of(entry, read.Code),
        read.Bytes is { } bytes && System.Text.Unicode.Utf8.IsValid(bytes) ? read.ActualHash : null);

    /// <summary>
    /// MP4020 when the item's committed code was edited by hand AND its key changed: the build never picks a side
    /// (<c>MicroPromptRegenerate</c> naming the item picks the prompt).
    /// </summary>
    public MicroPromptDiagnostic? Conflict(PlannedItem planned)
    {
        if (planned.Previous is not { } entry || entry.Key == planned.Key || run.IsRegenerate(planned.ItemPath))
        {
            return null;
        }

        var read = run.Store.ReadCode(entry);
        if (!HandEdits.IsHandEdit(read, run.UserCache, [entry.Key, planned.Key, planned.FreshKey, ItemPlanner.EditKey(planned) ?? ""]))
        {
            return null;
        }

        var changed = KeyInputHashes.Changed(entry.Inputs, KeyInputHashes.Of(planned.Inputs));
        return StoreMessages.HandEditConflict(planned.ItemPath, entry.CodeFile, changed, planned.Item.FullPath);
    }

    /// <summary>MP4004 for a code file that does not match its hash: a hand edit (adopt or regenerate) or an interrupted write.</summary>
    private MicroPromptDiagnostic MismatchProblem(PlannedItem planned, LockEntry entry, ResolvedCode read)
    {
        var handEdit = HandEdits.IsHandEdit(read, run.UserCache, [entry.Key, planned.Key, planned.FreshKey, ItemPlanner.EditKey(planned) ?? ""]);
        return handEdit
            ? StoreMessages.HandEdited(entry.CodeFile, planned.ItemPath, read.FullPath)
            : StoreMessages.InterruptedWrite(entry.CodeFile, planned.ItemPath, read.FullPath);
    }

    /// <summary>
    /// The user-cache keys of the item, most specific first: the edit of its previous code (in <c>edit</c> mode), its
    /// key, its fresh key.
    /// </summary>
    private IEnumerable<string> CacheKeys(PlannedItem planned)
    {
        var keys = new List<string>();
        if (run.RegenerationFor(planned.Item, planned.Document) == RegenerationMode.Edit && ItemPlanner.EditKey(planned) is { } edit)
        {
            keys.Add(edit);
        }

        keys.Add(planned.Key);
        keys.Add(planned.FreshKey);
        return keys.Distinct(StringComparer.Ordinal);
    }
}
