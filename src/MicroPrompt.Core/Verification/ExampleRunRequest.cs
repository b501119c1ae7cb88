using MicroPrompt.Generation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Verification;

/// <summary>Code that compiled, and the examples to run against it.</summary>
public sealed class ExampleRunRequest
{
    /// <summary>The prompt's path relative to the project (for messages and assembly names).</summary>
    public required string ItemPath { get; init; }

    /// <summary>The prompt file as given to the parser: example stack frames and compile errors point into it.</summary>
    public required string PromptFile { get; init; }

    public required string Code { get; init; }

    public PromptKind Kind { get; init; } = PromptKind.Library;

    /// <summary>The generated code's namespace (imported by the examples).</summary>
    public required string Namespace { get; init; }

    public required ProjectContext Project { get; init; }

    /// <summary>Other items' code compiled with it (as for the compile check).</summary>
    public IReadOnlyList<string> CompanionSources { get; init; } = [];

    /// <summary>Namespaces of used items, imported by the examples.</summary>
    public IReadOnlyList<string> UsedNamespaces { get; init; } = [];

    public IReadOnlyList<PromptExample> Examples { get; init; } = [];
}
