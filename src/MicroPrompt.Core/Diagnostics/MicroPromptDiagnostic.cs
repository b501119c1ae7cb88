namespace MicroPrompt.Diagnostics;

/// <summary>
/// One diagnostic with an <c>MPxxxx</c> code and, where one exists, a source location (1-based line and column).
/// Messages say what went wrong and what to do next; they never contain secrets.
/// </summary>
public sealed record MicroPromptDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    public static MicroPromptDiagnostic Error(string code, string message, string? file = null, int line = 0, int column = 0)
        => new(code, DiagnosticSeverity.Error, message, file, line, column);

    public static MicroPromptDiagnostic Warning(string code, string message, string? file = null, int line = 0, int column = 0)
        => new(code, DiagnosticSeverity.Warning, message, file, line, column);

    public override string ToString()
    {
        var location = File is null ? "" : Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)}): " : $"{File}: ";
        return $"{location}{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
