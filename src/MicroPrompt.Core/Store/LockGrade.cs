namespace MicroPrompt.Store;

/// <summary>How the resolved code was graded when it was generated.</summary>
public sealed class LockGrade
{
    public bool Compiles { get; set; }

    public int ExamplesPassed { get; set; }

    public int ExamplesTotal { get; set; }

    /// <summary>The first pass whose code was correct, or null.</summary>
    public int? FirstCorrectPass { get; set; }

    /// <summary>A reviewer's robustness score 0–1, or null.</summary>
    public double? JudgeScore { get; set; }

    /// <summary>The model that judged the code, or null.</summary>
    public string? JudgeModel { get; set; }

    /// <summary>Tokens the judge used (null when there was no judge call).</summary>
    public long? JudgeInputTokens { get; set; }

    public long? JudgeOutputTokens { get; set; }

    /// <summary>Static-check findings ("MPxxxx: message"), or null when there were none.</summary>
    public List<string>? Findings { get; set; }
}
