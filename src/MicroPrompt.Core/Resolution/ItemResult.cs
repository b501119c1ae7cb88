using MicroPrompt.Generation;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>What happened to one item.</summary>
public sealed record ItemResult
{
    public required string ItemPath { get; init; }

    public required ItemStatus Status { get; init; }

    public string? Model { get; init; }

    public string? Key { get; init; }

    /// <summary>The <c>.g.cs</c> emitted for the item, when one was.</summary>
    public string? GeneratedFile { get; init; }

    public int Passes { get; init; }

    /// <summary>Tokens spent in THIS build (zero for resolved and cached items).</summary>
    public UsageTotals Usage { get; init; }

    /// <summary>What the code cost when it was generated (for resolved/cached items: the saving of this build).</summary>
    public UsageTotals OriginalUsage { get; init; }

    public int OriginalPasses { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>Grade of the code (for resolved/cached items: the grade recorded when it was generated).</summary>
    public bool Compiles { get; init; }

    public int ExamplesPassed { get; init; }

    public int ExamplesTotal { get; init; }

    public int? FirstCorrectPass { get; init; }

    /// <summary>The sandbox that ran the examples in THIS build; null when none ran (resolved, cached, not run).</summary>
    public Verification.Jail.SandboxKind? Sandbox { get; init; }

    public double? JudgeScore { get; init; }

    /// <summary>The model that judged the code (for resolved/cached items: the one recorded), or null.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Judge tokens spent in THIS build (priced at <see cref="JudgeModel"/>'s price).</summary>
    public UsageTotals JudgeUsage { get; init; }

    /// <summary>Judge tokens spent when the code was generated.</summary>
    public UsageTotals OriginalJudgeUsage { get; init; }

    /// <summary>Static-check findings about the code, as "MPxxxx: message".</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>For a failed or refused generation: the last compiler errors, failing examples or refusal text.</summary>
    public IReadOnlyList<string> LastErrors { get; init; } = [];

    /// <summary>Public API changes of a regeneration against the previous resolution (accepted ones, or, on failure, the last pass's).</summary>
    public IReadOnlyList<Api.ApiChange> ApiChanges { get; init; } = [];

    /// <summary>For a failure: the callers (project files, other items) the last code broke.</summary>
    public IReadOnlyList<string> BrokenCallers { get; init; } = [];

    /// <summary>The model's assumptions about the code (for resolved/cached items: the ones recorded); empty when none.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>How this build's code came to be: <c>generated</c>, <c>edited</c>, <c>reverified</c>; null when not produced in this build.</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// The one mapping from a generation in THIS build to its result: the outcome's passes, usage, grade, findings and,
    /// for a failure, its last errors. What the outcome does not know (model, key, file, duration, origin) the caller
    /// adds with <c>with</c>.
    /// </summary>
    public static ItemResult Of(string itemPath, ItemStatus status, GenerationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var succeeded = outcome.Status == GenerationStatus.Succeeded;
        return new ItemResult
        {
            ItemPath = itemPath,
            Status = status,
            Passes = outcome.Passes,
            Usage = outcome.Usage,
            // Only code has an original cost: a failure's tokens are this build's spending alone.
            OriginalUsage = succeeded ? outcome.Usage : UsageTotals.Zero,
            OriginalPasses = succeeded ? outcome.Passes : 0,
            OriginalJudgeUsage = succeeded ? outcome.JudgeUsage : UsageTotals.Zero,
            Compiles = outcome.Compiles,
            ExamplesPassed = outcome.ExamplesPassed,
            ExamplesTotal = outcome.ExamplesTotal,
            FirstCorrectPass = outcome.FirstCorrectPass,
            Sandbox = outcome.Sandbox,
            JudgeScore = outcome.JudgeScore,
            JudgeModel = outcome.JudgeModel,
            JudgeUsage = outcome.JudgeUsage,
            Findings = outcome.Findings.Select(f => $"{f.Code}: {f.Message}").ToList(),
            LastErrors = outcome.LastErrors,
            ApiChanges = outcome.ApiChanges,
            BrokenCallers = outcome.BrokenCallers,
            Assumptions = outcome.Assumptions,
        };
    }

    /// <summary>
    /// The one mapping from a recorded generation (resolved state, user or shared cache) to the result of an item whose
    /// code was not generated in this build: what it cost and how it was graded when it was generated.
    /// </summary>
    public static ItemResult Of(string itemPath, ItemStatus status, GenerationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var grade = record.Grade;
        return new ItemResult
        {
            ItemPath = itemPath,
            Status = status,
            Model = record.Model,
            Key = record.Key,
            OriginalUsage = new UsageTotals(record.Usage.InputTokens, record.Usage.OutputTokens),
            OriginalPasses = record.Usage.Passes,
            Compiles = grade?.Compiles ?? true,
            ExamplesPassed = grade?.ExamplesPassed ?? 0,
            ExamplesTotal = grade?.ExamplesTotal ?? 0,
            FirstCorrectPass = grade?.FirstCorrectPass,
            JudgeScore = grade?.JudgeScore,
            JudgeModel = grade?.JudgeModel,
            OriginalJudgeUsage = new UsageTotals(grade?.JudgeInputTokens ?? 0, grade?.JudgeOutputTokens ?? 0),
            Findings = grade?.Findings ?? [],
            Assumptions = record.Assumptions ?? [],
        };
    }
}
