namespace MicroPrompt.Compilation;

/// <summary>Compiles generated code against the project (references + own sources) and reports errors in that code.</summary>
public interface ICompileChecker
{
    CompileCheckResult Check(CompileCheckRequest request);
}
