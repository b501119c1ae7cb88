using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Hashing;
using MicroPrompt.Keys;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>
/// Stage 4, record: a verified generation goes into the user cache (with the prompt it came from), the resolved state
/// (code at its stable path, then the lock entry with its key inputs, origin and base) and the shared cache, the
/// moment it is verified; items found in a cache are recorded in the resolved state; entries of prompts that no
/// longer exist are pruned.
/// </summary>
internal sealed class ResolutionRecorder(ResolutionRun run)
{
    private static readonly TimeSpan StoreLockTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _storeGate = new(1, 1);

    /// <summary>The record of a verified generation (or re-verification) of <paramref name="planned"/>.</summary>
    public GenerationRecord ToRecord(PlannedItem planned, GenerationOutcome outcome, PreviousResolution? previous, string origin)
    {
        var record = GenerationRecord.Of(planned.Key, planned.Model, outcome) with
        {
            Provider = run.Options.ProviderName,
            GeneratedAt = DateTimeOffset.UtcNow,
            GeneratorVersion = run.Options.GeneratorVersion,
            // The key carries the base only for edits (and re-verifications, which keep their base code).
            Base = planned.Key == planned.FreshKey ? null : previous?.CodeHash,
            Origin = origin,
        };
        if (origin != LockOrigins.Reverified)
        {
            return record;
        }

        // A re-verified item cost nothing now: it keeps what its code cost, who made it and how it was judged then.
        var earlier = planned.Previous;
        return record with
        {
            ReportedModel = earlier?.ReportedModel,
            Provider = earlier?.Provider,
            Usage = earlier?.Usage ?? record.Usage,
            Assumptions = earlier?.Assumptions,
            Grade = record.Grade! with
            {
                FirstCorrectPass = earlier?.Grade?.FirstCorrectPass,
                JudgeScore = earlier?.Grade?.JudgeScore,
                JudgeModel = earlier?.Grade?.JudgeModel,
                JudgeInputTokens = earlier?.Grade?.JudgeInputTokens,
                JudgeOutputTokens = earlier?.Grade?.JudgeOutputTokens,
            },
        };
    }

    /// <summary>
    /// Stores a verified record at once: user cache (and, for an edit, under the item's fresh key too, so reverting the
    /// prompt later costs nothing), the prompt text, the resolved state; then publishes it to the shared cache.
    /// One store write at a time, awaited rather than blocked on, so waiting items hold no thread-pool thread.
    /// </summary>
    public async Task RecordAsync(PlannedItem planned, GenerationRecord record, List<MicroPromptDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        await _storeGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (run.Options.UserCacheDirectory is { } cacheDirectory)
            {
                var userCache = run.UserCache ?? new UserCache(cacheDirectory);
                run.TryStore(() => userCache.Put(record), diagnostics, planned.Item);
                run.TryStore(() => new ItemGenerationIndex(cacheDirectory).Add(run.Options.Project.ProjectDirectory, planned.ItemPath, record.Key, planned.PromptHash), diagnostics, planned.Item);
                if (record.Key != planned.FreshKey && !userCache.TryGet(planned.FreshKey, out _, out _))
                {
                    run.TryStore(() => userCache.Put(Fresh(record, planned)), diagnostics, planned.Item);
                }

                run.TryStore(() => new PromptSnapshots(cacheDirectory).Put(planned.Document.Text), diagnostics, planned.Item);
            }

            run.TryStore(() => SaveEntry(planned, record), diagnostics, planned.Item);
        }
        finally
        {
            _storeGate.Release();
        }

        if (run.Shared is not null)
        {
            await run.Shared.PublishAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An item found in the resolved state or a cache: a cache hit is recorded in the resolved state (and a shared one
    /// in the user cache); a resolved entry of an older lock format is rewritten in the current one (the migration of
    /// the first unlocked build). Returns the item's result with its <c>.g.cs</c> written.
    /// </summary>
    /// <param name="diagnostics">The item's own diagnostics (merged in item order by the caller).</param>
    public ItemResult TakeHit(PlannedItem planned, LookupHit hit, List<MicroPromptDiagnostic> diagnostics)
    {
        var options = run.Options;
        run.Resolve(planned.ItemPath, planned.Namespace, hit.Code, hit.CodeHash);
        var record = hit.Record;
        if (!options.DesignTime && !options.Locked)
        {
            if (hit.Status is ItemStatus.Cached or ItemStatus.Shared)
            {
                if (hit.Status == ItemStatus.Shared && run.UserCache is { } userCache)
                {
                    run.TryStore(() => userCache.Put(record), diagnostics, planned.Item);
                }

                var origin = hit.Status == ItemStatus.Shared ? LockOrigins.Shared : record.Origin ?? LockOrigins.Generated;
                run.TryStore(() => SaveEntry(planned with { Key = record.Key }, record, origin), diagnostics, planned.Item);
            }
            else if (hit.Status == ItemStatus.Resolved && planned.Previous is { } entry && ResolvedStore.NeedsMigration(planned.ItemPath, entry))
            {
                run.TryStore(() => SaveEntry(planned, record, record.Origin ?? LockOrigins.Migrated), diagnostics, planned.Item);
            }
        }

        Capabilities.CapabilityCheck.Report(planned.Item, planned.Document, record.Capabilities, null, options.StrictCapabilities, diagnostics);
        var file = run.Writer.Write(planned.ItemPath, Origin(planned), hit.Code);
        return FromRecord(planned, hit.Status, file, record);
    }

    /// <summary>An item another builder generated: written to the output, the user cache and the resolved state.</summary>
    public ItemResult TakeShared(PlannedItem planned, GenerationRecord record, List<MicroPromptDiagnostic> diagnostics)
    {
        run.Resolve(planned.ItemPath, planned.Namespace, record.Code, record.CodeHash);
        if (run.UserCache is { } userCache)
        {
            run.TryStore(() => userCache.Put(record), diagnostics, planned.Item);
        }

        run.TryStore(() => SaveEntry(planned, record, LockOrigins.Shared), diagnostics, planned.Item);
        return FromRecord(planned, ItemStatus.Shared, run.Writer.Write(planned.ItemPath, Origin(planned), record.Code), record);
    }

    /// <summary>The result of an item whose code was not generated in this build: what it cost and how it was graded then.</summary>
    public static ItemResult FromRecord(PlannedItem planned, ItemStatus status, string generatedFile, GenerationRecord record)
        => ItemResult.Of(planned.ItemPath, status, record) with { GeneratedFile = generatedFile };

    /// <summary>Removes lock entries of prompts that no longer exist, and code files no entry references.</summary>
    public void Prune(IReadOnlyList<ResolutionItem> items)
    {
        var store = run.Store;
        var live = items.Select(i => i.ItemPath).ToHashSet(StringComparer.Ordinal);
        if (!File.Exists(Path.Combine(run.Options.StoreDirectory, "lock.json")) || store.LoadLock().Items.Keys.All(live.Contains))
        {
            return; // nothing to prune: an up-to-date build never touches the committed state
        }

        lock (run.StoreGate)
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

    /// <summary>The <c>// origin</c> line of an item's <c>.g.cs</c>.</summary>
    public static string Origin(PlannedItem planned) => $"model {planned.Model}, key {planned.Key}";

    /// <summary>A copy of an edit's record under the item's fresh key (no base: a fresh key's entry never has one).</summary>
    private static GenerationRecord Fresh(GenerationRecord record, PlannedItem planned) => record with { Key = planned.FreshKey, Base = null };

    private void SaveEntry(PlannedItem planned, GenerationRecord record, string? origin = null)
    {
        var store = new ResolvedStore(run.Options.StoreDirectory);
        lock (run.StoreGate)
        {
            using (store.AcquireLock(StoreLockTimeout))
            {
                var current = store.LoadLock();
                var codeFile = store.WriteCode(planned.ItemPath, record.Code);
                var entry = LockEntry.Of(record with { Origin = origin ?? record.Origin ?? LockOrigins.Generated }, planned.PromptHash, codeFile, KeyInputHashes.Of(planned.Inputs), run.FrontMatterFor(planned));
                var changed = !(current.Items.TryGetValue(planned.ItemPath, out var existing) && Same(existing, entry));
                current.Items[planned.ItemPath] = entry;
                changed |= current.Version < LockFile.CurrentVersion;
                current.Version = LockFile.CurrentVersion;
                if (changed && store.SaveLock(current))
                {
                    store.RemoveUnreferencedCode(current);
                }
            }
        }
    }

    private static bool Same(LockEntry a, LockEntry b) =>
        a.Key == b.Key && a.CodeHash == b.CodeHash && a.CodeFile == b.CodeFile && a.Inputs is not null && a.Origin is not null;
}
