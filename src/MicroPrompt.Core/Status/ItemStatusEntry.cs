using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Status;

/// <summary>One item's status: its state, why, and what the build would use.</summary>
public sealed record ItemStatusEntry
{
    /// <summary>The item path relative to the project ('/' separated): its identity in the lock.</summary>
    public required string Path { get; init; }

    public required ItemState State { get; init; }

    /// <summary>For stale and conflict: the changed key inputs (<c>prompt</c>, <c>model</c>, <c>requires:&lt;id&gt;</c>, <c>uses:&lt;item&gt;</c>, …).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>A sentence for a human (a v1 entry without recorded inputs, a parse error, the failure of the last build).</summary>
    public string? Note { get; init; }

    /// <summary>The model the build would use (null when the item cannot be planned).</summary>
    public string? Model { get; init; }

    /// <summary>The key the build looks up (null when the item cannot be planned).</summary>
    public string? Key { get; init; }

    /// <summary>The items it <c>uses</c>, in order.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>The lock entry, if any.</summary>
    public LockEntry? Entry { get; init; }

    /// <summary>The assumptions recorded in the lock entry (empty when there is none, or it records none).</summary>
    public IReadOnlyList<string> Assumptions => Entry?.Assumptions ?? [];

    /// <summary>True for every state but up-to-date: the next build has work (or an error) for this item.</summary>
    public bool NeedsWork => State != ItemState.UpToDate;

    /// <summary>The parsed prompt (null when it does not parse).</summary>
    public Prompts.PromptDocument? Document => Planned?.Document;

    /// <summary>The planned item (model, namespace, inputs) for the plan's request composition.</summary>
    internal PlannedItem? Planned { get; init; }
}
