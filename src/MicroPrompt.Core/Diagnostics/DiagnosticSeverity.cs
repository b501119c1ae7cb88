namespace MicroPrompt.Diagnostics;

/// <summary>How a <see cref="MicroPromptDiagnostic"/> is reported to the build.</summary>
public enum DiagnosticSeverity
{
    Message,
    Warning,
    Error,
}
