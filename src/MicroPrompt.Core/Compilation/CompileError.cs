namespace MicroPrompt.Compilation;

/// <summary>A compiler diagnostic in generated code (1-based position inside that code).</summary>
public sealed record CompileError(string Id, string Message, int Line, int Column, bool IsWarning = false)
{
    public override string ToString() => $"({Line},{Column}): {(IsWarning ? "warning" : "error")} {Id}: {Message}";
}
