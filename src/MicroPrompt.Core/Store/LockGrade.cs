namespace MicroPrompt.Store;

/// <summary>How the resolved code was graded when it was generated.</summary>
public sealed record LockGrade
{
    public bool Compiles { get; init; }

    public int ExamplesPassed { get; init; }

    public int ExamplesTotal { get; init; }

    /// <summary>The first pass whose code was correct, or null.</summary>
    public int? FirstCorrectPass { get; init; }

    /// <summary>A reviewer's robustness score 0–1, or null.</summary>
    public double? JudgeScore { get; init; }

    /// <summary>The model that judged the code, or null.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Tokens the judge used (null when there was no judge call).</summary>
    public long? JudgeInputTokens { get; init; }

    public long? JudgeOutputTokens { get; init; }

    /// <summary>Static-check findings ("MPxxxx: message"), or null when there were none.</summary>
    public List<string>? Findings { get; init; }
}
