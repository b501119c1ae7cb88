namespace MicroPrompt.Prompts;

/// <summary>One <c>uses:</c> entry as written (a path relative to the prompt's folder) and where it was written.</summary>
public sealed record PromptReference(string Path, SourceSpan Span);
