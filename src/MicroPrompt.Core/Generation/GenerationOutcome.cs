namespace MicroPrompt.Generation;

/// <summary>The result of generating one item: the verified code, or why there is none.</summary>
public sealed record GenerationOutcome
{
    public required GenerationStatus Status { get; init; }

    /// <summary>The verified code (only when <see cref="Status"/> is Succeeded).</summary>
    public string? Code { get; init; }

    /// <summary>Model calls made (generation + repair passes).</summary>
    public int Passes { get; init; }

    public UsageTotals Usage { get; init; }

    /// <summary>The model id the service reported, when it reported one.</summary>
    public string? ReportedModel { get; init; }

    /// <summary>For a failure: a one-paragraph summary (last compiler errors, refusal text, …).</summary>
    public string? FailureMessage { get; init; }

    /// <summary>The diagnostic code for a failure (MP2xxx, or MP1xxx for provider faults).</summary>
    public string? FailureCode { get; init; }

    public IReadOnlyList<string> LastErrors { get; init; } = [];

    /// <summary>Where in the .mprompt a failure points (the first failing example), or null for the file itself.</summary>
    public Prompts.SourceSpan? FailureSpan { get; init; }

    /// <summary>The example results of the final code (or of the last pass that compiled, on failure).</summary>
    public IReadOnlyList<Verification.ExampleResult> ExampleResults { get; init; } = [];

    /// <summary>The sandbox that ran the examples of <see cref="ExampleResults"/>; null when none ran.</summary>
    public Verification.Jail.SandboxKind? Sandbox { get; init; }

    /// <summary>Whether the final code compiles (the compile check passed).</summary>
    public bool Compiles { get; init; }

    /// <summary>Examples that passed / that exist (0/0 when examples were not run).</summary>
    public int ExamplesPassed { get; init; }

    public int ExamplesTotal { get; init; }

    /// <summary>The first pass (1-based) whose code was correct (compiled and passed every example), or null.</summary>
    public int? FirstCorrectPass { get; init; }

    /// <summary>A reviewer's robustness score 0–1, or null when there is none.</summary>
    public double? JudgeScore { get; init; }

    /// <summary>The capabilities the verified code uses (first use of each), from the compile check.</summary>
    public IReadOnlyList<Capabilities.CapabilityUse> Capabilities { get; init; } = [];

    /// <summary>The model that judged the code (null when it was not judged).</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Tokens the judge call used (priced at <see cref="JudgeModel"/>'s price; not part of <see cref="Usage"/>).</summary>
    public UsageTotals JudgeUsage { get; init; }

    /// <summary>The judge's verdict was reused from an identical answer judged earlier in the build (its tokens are not in <see cref="JudgeUsage"/>).</summary>
    public bool JudgeMemoized { get; init; }

    /// <summary>Static-check warnings about the final code (MP2010–MP2014), located in the prompt.</summary>
    public IReadOnlyList<Diagnostics.MicroPromptDiagnostic> Findings { get; init; } = [];

    /// <summary>The public API changes against the previous resolution (allowed ones, or those the contract made too).</summary>
    public IReadOnlyList<Api.ApiChange> ApiChanges { get; init; } = [];

    /// <summary>For a failure: the callers (project files, other items) the last code broke, as compiler errors.</summary>
    public IReadOnlyList<string> BrokenCallers { get; init; } = [];

    /// <summary>The code is an edit of the previous resolution (false for a generation from scratch, the fresh fallback included).</summary>
    public bool Edited { get; init; }

    /// <summary>
    /// What the model said it assumed where the prompt is silent (from the reply of the accepted code, or the latest
    /// earlier reply that gave some); never compiled, not part of any hash or key. Empty when none were given.
    /// </summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>What each model call produced, in order (empty when no call was made).</summary>
    public IReadOnlyList<PassRecord> PassRecords { get; init; } = [];
}
