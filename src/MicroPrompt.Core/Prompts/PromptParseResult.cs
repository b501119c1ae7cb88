using MicroPrompt.Diagnostics;

namespace MicroPrompt.Prompts;

/// <summary>The parser's answer: a document when there is no error, and every diagnostic found.</summary>
public sealed class PromptParseResult
{
    public PromptParseResult(PromptDocument? document, IReadOnlyList<MicroPromptDiagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    public PromptDocument? Document { get; }

    public IReadOnlyList<MicroPromptDiagnostic> Diagnostics { get; }

    public bool Success => Document is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
