namespace MicroPrompt.Prompts;

/// <summary>A 1-based line/column position inside a <c>.mprompt</c> file.</summary>
public readonly record struct SourceSpan(int Line, int Column)
{
    public static readonly SourceSpan None = new(0, 0);
}
