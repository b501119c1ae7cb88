namespace MicroPrompt.Tool;

/// <summary>The tool's exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>Nothing to do: every item is up to date, or the command did what it was asked.</summary>
    public const int NothingToDo = 0;

    /// <summary>Something to do: stale, unresolved, hand-edited, conflicting or failed items; a plan with work.</summary>
    public const int WorkToDo = 1;

    /// <summary>An error: bad arguments, a bad project, an MSBuild failure.</summary>
    public const int Error = 2;

    /// <summary><c>check</c>: every sample was graded, but an item's lower bound is below the minimum (MP3010).</summary>
    public const int BelowMinimum = 3;
}
