using MicroPrompt.Generation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Compilation;

public sealed class CompileCheckRequest
{
    public required string Code { get; init; }

    /// <summary>A file name for the checked code in diagnostics, e.g. <c>Slug.g.cs</c>.</summary>
    public required string FileName { get; init; }

    public PromptKind Kind { get; init; } = PromptKind.Library;

    public required ProjectContext Project { get; init; }

    /// <summary>Other C# compiled alongside (used items' code, other items' code or contract stubs).</summary>
    public IReadOnlyList<string> CompanionSources { get; init; } = [];
}
