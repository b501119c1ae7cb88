using System.Collections.Concurrent;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.SharedCache;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>
/// The state one resolution shares between its stages (plan → look up → generate → verify → record): the settings,
/// the stores, the lock as it was when the build started, what each item resolved to so far, and the diagnostics.
/// </summary>
internal sealed class ResolutionRun
{
    private readonly object _gate = new();
    private readonly HashSet<string> _inUserCacheOnly = new(StringComparer.Ordinal);

    public ResolutionRun(ResolutionOptions options, Action<string> log)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Options = options;
        Log = log;
        Store = new ResolvedStore(options.StoreDirectory);
        UserCache = options.UserCacheDirectory is null ? null : new UserCache(options.UserCacheDirectory);
        Writer = new GeneratedFileWriter(options.OutputDirectory, options.Project.Nullable, GeneratedFileLinks.For(options.UserCacheDirectory, options.LinkGeneratedFiles));
        Lock = Store.LoadLock();
        Timings.Add("lock read", started);
        ExtraUsings = Generation.GlobalUsing.Extra(options.Project);
    }

    /// <summary><see cref="Generation.GlobalUsing.Extra"/> of the project, computed once for every item's key.</summary>
    public IReadOnlyList<string> ExtraUsings { get; }

    /// <summary>Wall time per phase of this run.</summary>
    public PhaseTimings Timings { get; } = new();

    public ResolutionOptions Options { get; }

    public Action<string> Log { get; }

    public ResolvedStore Store { get; }

    public UserCache? UserCache { get; }

    public GeneratedFileWriter Writer { get; }

    /// <summary>The lock as it was when the build started (entries are re-read from disk under the store lock when written).</summary>
    public LockFile Lock { get; }

    /// <summary>The team's shared cache, for builds that may generate.</summary>
    public SharedGenerationCache? Shared { get; set; }

    public List<MicroPromptDiagnostic> Diagnostics { get; } = [];

    public ConcurrentDictionary<string, ItemResult> Results { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, PromptDocument> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>Items whose document is a sketch from their lock entry (<see cref="UnchangedPrompts"/>), not a parse.</summary>
    public ConcurrentDictionary<string, bool> Sketched { get; } = new(StringComparer.Ordinal);

    /// <summary>Items whose parse in this build reported nothing: only their front matter is recorded in the lock.</summary>
    public ConcurrentDictionary<string, bool> CleanParses { get; } = new(StringComparer.Ordinal);

    /// <summary>The front matter to record with the item's entry: re-recorded from a clean parse, kept from a sketch, else none.</summary>
    public Store.LockFrontMatter? FrontMatterFor(PlannedItem planned) =>
        Sketched.ContainsKey(planned.ItemPath) ? planned.Previous?.FrontMatter
        : CleanParses.ContainsKey(planned.ItemPath) ? UnchangedPrompts.Record(planned.Document)
        : null;

    /// <summary>Item path → the code it resolved to in this build (no stubs).</summary>
    public ConcurrentDictionary<string, string> Code { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> CodeHashes { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Namespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Records another builder generated while this one waited for its lease, by item path.</summary>
    public ConcurrentDictionary<string, GenerationRecord> FromShared { get; } = new(StringComparer.Ordinal);

    /// <summary>Serializes the store's writes of this build (one lock read-modify-write at a time).</summary>
    public object StoreGate => _gate;

    /// <summary>Notes that a locked build found the item in the user cache only (its MP2004 then says so).</summary>
    public void MarkInUserCacheOnly(string itemPath)
    {
        lock (_gate)
        {
            _inUserCacheOnly.Add(itemPath);
        }
    }

    public bool InUserCacheOnly(string itemPath)
    {
        lock (_gate)
        {
            return _inUserCacheOnly.Contains(itemPath);
        }
    }

    /// <summary>The code an item resolved to in this build becomes visible to the items that use it.</summary>
    public void Resolve(string itemPath, string ns, string code, string? codeHash = null)
    {
        Code[itemPath] = code;
        CodeHashes[itemPath] = codeHash ?? Hashing.ContentHash.Sha256Hex(code);
        Namespaces[itemPath] = ns;
    }

    public void AddDiagnostic(List<MicroPromptDiagnostic> diagnostics, MicroPromptDiagnostic diagnostic)
    {
        lock (diagnostics)
        {
            diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Runs a store write; an IO or permission failure is an MP4006 for the item, never an exception.</summary>
    public void TryStore(Action store, List<MicroPromptDiagnostic> diagnostics, ResolutionItem item)
    {
        try
        {
            store();
        }
        catch (MicroPromptException ex)
        {
            AddDiagnostic(diagnostics, ex.Diagnostic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            AddDiagnostic(diagnostics, StoreMessages.GeneratedCodeNotStored(item.ItemPath, ex.Message, item.FullPath));
        }
    }

    /// <summary><c>MicroPromptRegenerate</c>: the item is generated again even when resolved.</summary>
    public bool IsRegenerate(string itemPath) => Options.RegenerateAll || ItemNames.Match(Options.RegenerateItems, itemPath);

    /// <summary><see cref="ResolutionOptions.AdoptItems"/>: the item's hand-edited code is to be verified and adopted.</summary>
    public bool IsAdopt(string itemPath) => ItemNames.Match(Options.AdoptItems, itemPath);

    /// <summary><c>MicroPromptAllowApiChanges</c> for the item.</summary>
    public bool AllowsApiChanges(string itemPath) => Options.AllowApiChangesAll || ItemNames.Match(Options.AllowApiChangesItems, itemPath);

    /// <summary>Item metadata &gt; front matter &gt; <c>MicroPromptRegeneration</c>.</summary>
    public RegenerationMode RegenerationFor(ResolutionItem item, PromptDocument document) =>
        item.RegenerationOverride ?? document.Regeneration ?? Options.Regeneration;

    /// <summary>The result of an item that did not resolve.</summary>
    public static ItemResult Failed(string itemPath, PlannedItem? planned = null) =>
        new() { ItemPath = itemPath, Status = ItemStatus.Failed, Model = planned?.Model, Key = planned?.Key };
}
