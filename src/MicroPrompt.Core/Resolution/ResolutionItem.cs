namespace MicroPrompt.Resolution;

/// <summary>One <c>MicroPrompt</c> item as the build sees it.</summary>
public sealed class ResolutionItem
{
    public required string FullPath { get; init; }

    /// <summary>Path relative to the project folder, '/' separated: the item's identity in the lock.</summary>
    public required string ItemPath { get; init; }

    /// <summary>The item's <c>Model</c> metadata (wins over front matter and the project default).</summary>
    public string? ModelOverride { get; init; }

    /// <summary>The item's <c>Namespace</c> metadata (wins over front matter and the folder-derived default).</summary>
    public string? NamespaceOverride { get; init; }

    /// <summary>The item's <c>Regeneration</c> metadata (<c>edit</c> or <c>fresh</c>; wins over front matter and the property).</summary>
    public Generation.RegenerationMode? RegenerationOverride { get; init; }
}
