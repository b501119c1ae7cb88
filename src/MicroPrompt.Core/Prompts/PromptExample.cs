namespace MicroPrompt.Prompts;

/// <summary>
/// One check from <c>## Examples</c>: the text of a fenced block or of one expression line, its info string
/// (language, e.g. <c>csharp</c>) and where it starts. For a program item, <see cref="Program"/> holds the parsed
/// <c>```text</c> block (args, stdin, files → stdout, exit code). Executing examples is the verification stage's job.
/// </summary>
public sealed record PromptExample(string Code, string Language, SourceSpan Span)
{
    /// <summary>The parsed program example (program items only), or null.</summary>
    public ProgramExample? Program { get; init; }
}
