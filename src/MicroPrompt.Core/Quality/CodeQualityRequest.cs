using MicroPrompt.Generation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Quality;

/// <summary>What <see cref="CodeQualityChecker"/> needs: the (compiling) code, its prompt and the project it compiles in.</summary>
public sealed class CodeQualityRequest
{
    /// <summary>The generated code; it should compile (checks of code that does not are best effort).</summary>
    public required string Code { get; init; }

    /// <summary>The file name the code is shown under in messages, e.g. <c>Slug.g.cs</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>The prompt: its kind, its <c>## Contract</c> and the file findings are located in.</summary>
    public required PromptDocument Prompt { get; init; }

    /// <summary>The project (references for the semantic checks); null checks syntax only.</summary>
    public ProjectContext? Project { get; init; }

    public IReadOnlyList<string> CompanionSources { get; init; } = [];
}
