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

    /// <summary>Names (item paths) of <see cref="CompanionSources"/>, same order, for caller errors; may be empty.</summary>
    public IReadOnlyList<string> CompanionNames { get; init; } = [];

    /// <summary>
    /// When set, the project's sources and the companions are checked as callers: their errors with the checked code
    /// that they do not have with this baseline code (the previous resolution, a contract stub, or "" for nothing) are
    /// reported in <see cref="CompileCheckResult.CallerErrors"/>.
    /// </summary>
    public string? CallerBaseline { get; init; }
}
