using MicroPrompt.Diagnostics;
using MicroPrompt.Store;

namespace MicroPrompt.Adoption;

/// <summary>The result of adopting one item's hand edit.</summary>
public sealed class AdoptionResult
{
    public required string ItemPath { get; init; }

    public required AdoptionOutcome Outcome { get; init; }

    /// <summary>The lock entry before adoption (null when the item had none).</summary>
    public LockEntry? Before { get; init; }

    /// <summary>The lock entry written by adoption (only when <see cref="Outcome"/> is <see cref="AdoptionOutcome.Adopted"/>).</summary>
    public LockEntry? After { get; init; }

    /// <summary>The resolution's errors and warnings (why a hand edit was not adopted).</summary>
    public IReadOnlyList<MicroPromptDiagnostic> Diagnostics { get; init; } = [];
}
