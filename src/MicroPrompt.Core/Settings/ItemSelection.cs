namespace MicroPrompt.Settings;

/// <summary>
/// A property that selects items (<c>MicroPromptRegenerate</c>, <c>MicroPromptAllowApiChanges</c>): <c>true</c> or
/// <c>*</c> for every item, <c>false</c> for none, or item paths and file names separated by <c>;</c> or <c>,</c>.
/// </summary>
/// <param name="All">Every item.</param>
/// <param name="Items">The items named (empty when <paramref name="All"/> or none).</param>
public sealed record ItemSelection(bool All, IReadOnlyList<string> Items)
{
    /// <summary>No item.</summary>
    public static ItemSelection None { get; } = new(false, []);
}
