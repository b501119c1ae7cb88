namespace MicroPrompt.Store;

/// <summary>The values of <see cref="LockEntry.Origin"/> and <see cref="GenerationRecord.Origin"/>.</summary>
public static class LockOrigins
{
    /// <summary>Generated from scratch by the model.</summary>
    public const string Generated = "generated";

    /// <summary>The model edited the previous code (<see cref="LockEntry.Base"/> is that code's hash).</summary>
    public const string Edited = "edited";

    /// <summary>Taken from the user cache of this machine.</summary>
    public const string Cached = "cached";

    /// <summary>Taken from the team's shared cache.</summary>
    public const string Shared = "shared";

    /// <summary>The code did not change; it was verified again because a key input changed (e.g. a used item).</summary>
    public const string Reverified = "reverified";

    /// <summary>The code file was changed by hand and accepted as the resolution.</summary>
    public const string HandEdit = "hand-edit";

    /// <summary>Moved from a version 1 lock (content-addressed code file) to version 2 without generating.</summary>
    public const string Migrated = "migrated";

    /// <summary>Every value, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Generated, Edited, Cached, Shared, Reverified, HandEdit, Migrated];
}
