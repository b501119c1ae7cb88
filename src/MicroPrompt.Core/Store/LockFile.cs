namespace MicroPrompt.Store;

/// <summary><c>lock.json</c>: the project's resolved state, committed beside the prompts.</summary>
public sealed class LockFile
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>Entries by item path (relative to the project, '/' separated), sorted ordinally when written.</summary>
    public SortedDictionary<string, LockEntry> Items { get; set; } = new(StringComparer.Ordinal);
}
