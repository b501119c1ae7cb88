namespace MicroPrompt.Prompts;

/// <summary>A parsed <c>.mprompt</c>: front matter + Markdown body split into instructions, contract and examples.</summary>
public sealed class PromptDocument
{
    /// <summary>The file the prompt was read from (as given to the parser).</summary>
    public required string FilePath { get; init; }

    /// <summary>The whole file text, line endings normalized to <c>\n</c>, BOM removed.</summary>
    public required string Text { get; init; }

    /// <summary>The first <c># heading</c> of the body, or null.</summary>
    public string? Title { get; init; }

    /// <summary>The instruction text: the body without the <c>## Contract</c> and <c>## Examples</c> sections.</summary>
    public required string Instructions { get; init; }

    /// <summary>The C# of the <c>## Contract</c> section's code block, or null.</summary>
    public string? Contract { get; init; }

    /// <summary>Where the contract's code starts.</summary>
    public SourceSpan ContractSpan { get; init; }

    public IReadOnlyList<PromptExample> Examples { get; init; } = [];

    // Front matter (all optional).
    public string? Model { get; init; }
    public PromptKind Kind { get; init; } = PromptKind.Library;
    public string? Namespace { get; init; }
    public IReadOnlyList<PromptReference> Uses { get; init; } = [];
    public IReadOnlyList<PackageRequirement> Requires { get; init; } = [];

    /// <summary>Self-review passes after the code is correct (<c>review:</c>).</summary>
    public int Review { get; init; }

    /// <summary><c>regeneration: edit|fresh</c>, or null to follow the item metadata / <c>MicroPromptRegeneration</c>.</summary>
    public Generation.RegenerationMode? Regeneration { get; init; }

    /// <summary>Capabilities the generated code may use (<c>capabilities:</c>): network, filesystem, process, environment, reflection.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Labels for grouping results (<c>tags:</c>), e.g. the families of a comparison report. Not shown to the model.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where each front-matter key was written, for diagnostics.</summary>
    public IReadOnlyDictionary<string, SourceSpan> KeySpans { get; init; } = new Dictionary<string, SourceSpan>();
}
