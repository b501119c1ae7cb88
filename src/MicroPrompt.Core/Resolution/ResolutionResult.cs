using MicroPrompt.Diagnostics;

namespace MicroPrompt.Resolution;

/// <summary>The outcome of resolving a project's prompts.</summary>
public sealed class ResolutionResult
{
    public required IReadOnlyList<ItemResult> Items { get; init; }

    public required IReadOnlyList<MicroPromptDiagnostic> Diagnostics { get; init; }

    /// <summary>Every <c>.g.cs</c> to compile, in item order.</summary>
    public required IReadOnlyList<string> GeneratedFiles { get; init; }

    /// <summary>Item path → the code resolved for it in this build (resolved state, caches or generation; no stubs).</summary>
    public IReadOnlyDictionary<string, string> Code { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Full path of each <c>.g.cs</c> written in this build → its text, exactly as reading the file gives it (the report
    /// shows it without reading the files back); a file absent here is read from disk.
    /// </summary>
    public IReadOnlyDictionary<string, string> GeneratedTexts { get; init; } = new Dictionary<string, string>();

    /// <summary>Item path → its parsed prompt (items that did not parse are absent; their errors are in <see cref="Diagnostics"/>).</summary>
    public IReadOnlyDictionary<string, Prompts.PromptDocument> Documents { get; init; } = new Dictionary<string, Prompts.PromptDocument>();

    /// <summary>
    /// The items planned from their lock entry's recorded front matter without parsing the prompt (unchanged text,
    /// verified hit), in item order; the task logs their count.
    /// </summary>
    public IReadOnlyList<string> Unparsed { get; init; } = [];

    /// <summary>Wall time per resolution phase (logged by the task at low importance).</summary>
    public PhaseTimings Timings { get; init; } = new();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>True when every item came from the resolved state, a cache or a generation (no stubs, no failures).</summary>
    public bool Complete => !HasErrors && Items.All(i => i.Status is ItemStatus.Resolved or ItemStatus.Cached or ItemStatus.Generated or ItemStatus.Shared);
}
