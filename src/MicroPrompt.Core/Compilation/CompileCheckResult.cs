namespace MicroPrompt.Compilation;

public sealed class CompileCheckResult
{
    public CompileCheckResult(IReadOnlyList<CompileError> errors) => Errors = errors;

    /// <summary>Errors located in the checked code only (errors elsewhere are not the generated code's fault).</summary>
    public IReadOnlyList<CompileError> Errors { get; }

    public bool Success => Errors.Count == 0;
}
