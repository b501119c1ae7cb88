using System.Text.Json.Serialization;

namespace MicroPrompt.Store;

/// <summary><c>lock.json</c>: the project's resolved state, committed beside the prompts.</summary>
public sealed class LockFile
{
    /// <summary>The version this SDK writes. It also reads every version from <see cref="OldestReadableVersion"/> on.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest lock version this SDK reads (version 1: content-addressed code files, no inputs).</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>The version read from disk (a loaded version 1 lock keeps 1); <see cref="ResolvedStore.SaveLock"/> always writes <see cref="CurrentVersion"/>.</summary>
    public int Version { get; set; } = CurrentVersion;

    /// <summary>Entries by item path (relative to the project, '/' separated), sorted ordinally when written.</summary>
    public SortedDictionary<string, LockEntry> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when <see cref="ResolvedStore.LoadLock"/> had to reconcile a git union merge (an item listed twice, or a
    /// missing or extra comma). The loaded lock is the reconciled one; the next <see cref="ResolvedStore.SaveLock"/> normalizes the file.
    /// </summary>
    [JsonIgnore]
    public bool Reconciled { get; set; }

    /// <summary>
    /// Items a union merge listed more than once, with every entry read for them in file order (the chosen one, in
    /// <see cref="Items"/>, among them). A caller that knows the current key can prefer the entry recording it. Not written.
    /// </summary>
    [JsonIgnore]
    public Dictionary<string, IReadOnlyList<LockEntry>> Duplicates { get; } = new(StringComparer.Ordinal);
}
