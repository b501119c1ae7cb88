namespace MicroPrompt.Compilation;

/// <summary>The outcome of compile-checking generated code: errors (and warnings) located in that code only.</summary>
public sealed class CompileCheckResult
{
    public CompileCheckResult(IReadOnlyList<CompileError> errors)
        : this(errors, [])
    {
    }

    public CompileCheckResult(IReadOnlyList<CompileError> errors, IReadOnlyList<CompileError> warnings)
    {
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>Errors located in the checked code only (errors elsewhere are not the generated code's fault).</summary>
    public IReadOnlyList<CompileError> Errors { get; }

    /// <summary>
    /// Warnings located in the checked code (<see cref="CompileError.IsWarning"/> is <c>true</c>). They never make a
    /// check fail; they are feedback for repair passes and the report.
    /// </summary>
    public IReadOnlyList<CompileError> Warnings { get; }

    /// <summary>
    /// Errors the checked code causes in its callers (the project's own files, other items), formatted as
    /// <c>Program.cs(3,17): error CS0117: …</c>; only when the request asked for a caller check.
    /// </summary>
    public IReadOnlyList<string> CallerErrors { get; init; } = [];

    public bool Success => Errors.Count == 0 && CallerErrors.Count == 0;

    /// <summary>The capabilities (network, filesystem, …) the checked code uses, first use of each; filled only on success.</summary>
    public IReadOnlyList<Capabilities.CapabilityUse> Capabilities { get; init; } = [];
}
