using MicroPrompt.Generation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Dependability;

/// <summary>
/// An item whose code variants (dependability samples, or resolved code and its mutants) are run on probe inputs:
/// everything needed to compile a variant with its project and run it in the example sandbox.
/// </summary>
public sealed record ProbeSubject
{
    /// <summary>The prompt's path relative to the project, '/' separated.</summary>
    public required string ItemPath { get; init; }

    /// <summary>The parsed prompt: contract (parameter types for probes), kind, examples (inputs already covered).</summary>
    public required PromptDocument Prompt { get; init; }

    /// <summary>The namespace the code uses.</summary>
    public required string Namespace { get; init; }

    public required ProjectContext Project { get; init; }

    /// <summary>Other items' code compiled with every variant (as for the compile check).</summary>
    public IReadOnlyList<string> CompanionSources { get; init; } = [];

    /// <summary>Namespaces of used items, imported by the probes.</summary>
    public IReadOnlyList<string> UsedNamespaces { get; init; } = [];
}
