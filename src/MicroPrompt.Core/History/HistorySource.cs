namespace MicroPrompt.History;

/// <summary>Where a <see cref="HistoryEntry"/> was found.</summary>
public enum HistorySource
{
    /// <summary>The working tree's lock: a resolution not committed yet.</summary>
    Working,

    /// <summary>A commit that changed the item's lock entry.</summary>
    Commit,

    /// <summary>The user cache only: generated on this machine, never committed (e.g. replaced before a commit).</summary>
    Cache,
}
