using MicroPrompt.Diagnostics;

namespace MicroPrompt.Prompts;

/// <summary>The file being parsed and the diagnostics found so far.</summary>
internal sealed class PromptParseContext(string filePath)
{
    private readonly List<MicroPromptDiagnostic> _diagnostics = [];

    public string FilePath { get; } = filePath;

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Reports a diagnostic from a message factory (<c>Diagnostics/Messages</c>) at <paramref name="at"/> in this file.</summary>
    public void Report(MicroPromptDiagnostic diagnostic, SourceSpan at)
        => _diagnostics.Add(diagnostic with { File = FilePath, Line = at.Line, Column = at.Column });

    /// <summary>The result: the document only when no error was reported; diagnostics in file order.</summary>
    public PromptParseResult ToResult(PromptDocument? document)
    {
        var ordered = _diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray(); // stable: ties keep report order
        return new PromptParseResult(HasErrors ? null : document, ordered);
    }
}
