namespace MicroPrompt.Prompts;

/// <summary>The Markdown body split into its parts.</summary>
internal sealed record PromptBody(
    string? Title,
    string Instructions,
    string? Contract,
    SourceSpan ContractSpan,
    IReadOnlyList<PromptExample> Examples);
