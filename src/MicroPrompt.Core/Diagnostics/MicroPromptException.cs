namespace MicroPrompt.Diagnostics;

/// <summary>An expected failure that carries its diagnostic; tasks report it as an MSBuild error, never a stack trace.</summary>
public sealed class MicroPromptException : Exception
{
    public MicroPromptException(MicroPromptDiagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.Message, inner)
    {
        Diagnostic = diagnostic;
    }

    public MicroPromptDiagnostic Diagnostic { get; }
}
