namespace MicroPrompt.Prompts;

/// <summary>
/// One check from <c>## Examples</c>: the text of a fenced block or of one expression line, its info string
/// (language, e.g. <c>csharp</c>) and where it starts. Executing examples is the verification stage's job.
/// </summary>
public sealed record PromptExample(string Code, string Language, SourceSpan Span);
