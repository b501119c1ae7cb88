namespace MicroPrompt.Store;

/// <summary>What <see cref="ResolvedStore.ReadCode"/> found at a lock entry's code file.</summary>
public enum ResolvedCodeState
{
    /// <summary>The file's bytes hash to the entry's code hash.</summary>
    Verified,

    /// <summary>The file does not exist (MP4003).</summary>
    Missing,

    /// <summary>The file exists but its bytes do not match the code hash (MP4004): a hand edit, an interrupted write or a merge.</summary>
    Mismatch,

    /// <summary>The entry names no file under <c>code/</c>, or the file could not be read (MP4003).</summary>
    Unreadable,
}
