namespace MicroPrompt.Status;

/// <summary>Where an item stands against the resolved state (<c>dotnet mprompt status</c>).</summary>
public enum ItemState
{
    /// <summary>The lock entry's key is the key the build computes, and its code file verifies.</summary>
    UpToDate,

    /// <summary>The key changed: the next unlocked build regenerates the item (reasons name the changed inputs).</summary>
    Stale,

    /// <summary>No lock entry: the next unlocked build generates the item.</summary>
    Unresolved,

    /// <summary>The key is current but the committed code no longer matches its hash (and it is not an interrupted write).</summary>
    HandEdited,

    /// <summary>Hand-edited and stale: the build stops (MP4020) and never picks a side.</summary>
    Conflict,

    /// <summary>The last build's report says the item failed, or it cannot be planned (parse error, no model, …).</summary>
    Failed,
}
