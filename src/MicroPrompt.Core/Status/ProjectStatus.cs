namespace MicroPrompt.Status;

/// <summary>The status of every item of a project, in dependency order (items used first).</summary>
public sealed class ProjectStatus
{
    public required IReadOnlyList<ItemStatusEntry> Items { get; init; }

    /// <summary>Problems found while planning (parse errors, missing models), as the build would report them.</summary>
    public IReadOnlyList<Diagnostics.MicroPromptDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The store folder (lock.json and code/).</summary>
    public string StoreDirectory { get; init; } = "";

    public bool NeedsWork => Items.Any(i => i.NeedsWork);

    /// <summary>The run the status was computed with (its store, lock, documents), for composing plan requests.</summary>
    internal Resolution.ResolutionRun? Run { get; init; }
}
