using System.Text.Json.Serialization;

namespace MicroPrompt.Reporting;

/// <summary>One item's row of the report.</summary>
public sealed record ReportItem
{
    /// <summary>The prompt's path relative to the project.</summary>
    public required string Path { get; init; }

    public string? Model { get; init; }

    /// <summary>resolved | cached | generated | failed | refused | skipped | stub | unresolved.</summary>
    public required string Status { get; init; }

    /// <summary>True when the code came from the resolved state or the user cache (no model call).</summary>
    public bool CacheHit { get; init; }

    /// <summary>Compiles and passes every example.</summary>
    public bool Correct { get; init; }

    /// <summary>Model calls made for the code (for resolved items: when it was generated).</summary>
    public int Passes { get; init; }

    /// <summary>The first pass whose code was correct (p@1, p@2, …), or null.</summary>
    public int? FirstCorrectPass { get; init; }

    public bool Compiles { get; init; }

    public int ExamplesPassed { get; init; }

    public int ExamplesTotal { get; init; }

    /// <summary><c>jail</c> or <c>process</c>: where this build ran the item's examples; null when it ran none. Since 1.3.</summary>
    public string? Sandbox { get; init; }

    public double? JudgeScore { get; init; }

    public string? JudgeModel { get; init; }

    /// <summary>Tokens of the code's generation (for resolved items: the original ones), judge included.</summary>
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>Dollars spent on this item in this build (0 for resolved/cached; null when the price is unknown).</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>What the code cost when it was generated (null when unknown).</summary>
    public decimal? OriginalCostUsd { get; init; }

    public long DurationMs { get; init; }

    /// <summary>Static-check findings ("MPxxxx: message").</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Errors and warnings of this build about the item ("MPxxxx: message"), and its last errors or failing examples.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>How this build's code came to be: generated, edited, reverified; null when it was not produced in this build. Since 1.3.</summary>
    public string? Origin { get; init; }

    /// <summary>Public API changes of a regeneration against the previous resolution (added / removed / changed). Since 1.3.</summary>
    public IReadOnlyList<Api.ApiChange> ApiChanges { get; init; } = [];

    /// <summary>For a failed regeneration: the callers its last code broke, as compiler errors. Since 1.3.</summary>
    public IReadOnlyList<string> BrokenCallers { get; init; } = [];

    /// <summary>The model's assumptions where the prompt is silent (from the lock for resolved items); empty when none. Since 1.4.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>The generated file, relative to the project (null when nothing was emitted).</summary>
    public string? GeneratedFile { get; init; }

    /// <summary>The code (shown in report.html only; untrusted, always HTML-encoded).</summary>
    [JsonIgnore]
    public string? Code { get; init; }
}
