namespace MicroPrompt.Keys;

/// <summary>
/// Exactly what changes a generation's output. Never the endpoint, the API key, the provider's URL or the machine.
/// </summary>
public sealed record KeyInputs
{
    /// <summary>The prompt text (front matter + body); normalized by the key builder (line endings, trailing white space, BOM).</summary>
    public required string PromptText { get; init; }

    public required string Model { get; init; }

    /// <summary>Item kind and namespace: both change the code asked for.</summary>
    public required string Kind { get; init; }

    public required string Namespace { get; init; }

    public string TargetFramework { get; init; } = "";

    public string LangVersion { get; init; } = "";

    public string Nullable { get; init; } = "";

    public bool ImplicitUsings { get; init; }

    /// <summary>Global using directives beyond the implicit set (<see cref="Generation.GlobalUsing.Extra"/>); keyed only when present.</summary>
    public IReadOnlyList<string> GlobalUsings { get; init; } = [];

    public string RepairMode { get; init; } = "exec";

    public int MaxPasses { get; init; } = 3;

    /// <summary><c>requires:</c> packages with the version the project resolved (id → version).</summary>
    public IReadOnlyDictionary<string, string> RequiredPackages { get; init; } = new Dictionary<string, string>();

    /// <summary>Resolved code hashes of the <c>uses</c> items (item path → code hash).</summary>
    public IReadOnlyDictionary<string, string> UsedCodeHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// For an edit-in-place regeneration: the hash of the code the edit starts from (an edit's output depends on it).
    /// Null for a generation from scratch, whose key is then exactly what it was before edits existed.
    /// </summary>
    public string? BaseCodeHash { get; init; }
}
